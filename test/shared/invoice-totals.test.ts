import { describe, expect, it } from 'vitest';
import {
  divideHalfUp,
  invoiceTotals,
  lineAmountCents,
  shareOut,
} from '../../shared/invoice-totals';

describe('invoiceTotals', () => {
  it('rounds each line half up to a minor unit: 1.5 × 333 = 499.5 → 500', () => {
    expect(lineAmountCents({ quantity: 1.5, unitCents: 333 })).toBe(500);
    expect(lineAmountCents({ quantity: 0.125, unitCents: 4 })).toBe(1); // 0.5 → 1
    expect(lineAmountCents({ quantity: 0.124, unitCents: 4 })).toBe(0); // 0.496 → 0
  });

  it('works tax out per line, rounded half up per line, not on the sum', () => {
    // Three lines of 5 cents at 10 %: 0.5 → 1 each, 3 in all (on the sum it would be 1.5 → 2).
    const totals = invoiceTotals(
      [1, 2, 3].map(() => ({ quantity: 1, unitCents: 5 })),
      [{ label: 'VAT', rateBasisPoints: 1000 }],
    );
    expect(totals).toEqual({
      lineCents: [5, 5, 5],
      subtotalCents: 15,
      discountCents: 0,
      taxes: [{ label: 'VAT', rateBasisPoints: 1000, cents: 3 }],
      taxCents: 3,
      totalCents: 18,
    });
  });

  it('takes the discount off before tax, shared over the lines so the shares add up exactly', () => {
    const totals = invoiceTotals(
      [
        { quantity: 2, unitCents: 150_000 },
        { quantity: 1, unitCents: 100_000 },
      ],
      [{ label: 'VAT', rateBasisPoints: 2000 }],
      10_000,
    );
    // Shares 7,500 and 2,500; VAT 20 % of 292,500 and 97,500.
    expect(totals.subtotalCents).toBe(400_000);
    expect(totals.taxCents).toBe(58_500 + 19_500);
    expect(totals.totalCents).toBe(400_000 - 10_000 + 78_000);
  });

  it('sums several taxes separately', () => {
    const totals = invoiceTotals(
      [{ quantity: 1, unitCents: 10_001 }],
      [
        { label: 'GST', rateBasisPoints: 500 },
        { label: 'QST', rateBasisPoints: 998 },
      ],
    );
    // 500.05 → 500; 998.0998 → 998.
    expect(totals.taxes.map((t) => t.cents)).toEqual([500, 998]);
    expect(totals.totalCents).toBe(10_001 + 1_498);
  });

  it('stays exact at the largest safe amounts', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(invoiceTotals([{ quantity: 1, unitCents: big }]).totalCents).toBe(big);
    expect(lineAmountCents({ quantity: 0.5, unitCents: big })).toBe(4_503_599_627_370_495);
    expect(lineAmountCents({ quantity: 0.5, unitCents: big + 1 })).toBe(4_503_599_627_370_496);
  });
});

describe('shareOut', () => {
  it('gives leftover units to the largest remainders, ties to the earlier share', () => {
    expect(shareOut(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(shareOut(1, [3, 1])).toEqual([1, 0]);
    expect(shareOut(0, [5, 5])).toEqual([0, 0]);
    expect(shareOut(7, [0, 0])).toEqual([0, 0]);
  });
});

describe('divideHalfUp', () => {
  it('rounds .5 up and below .5 down', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(7n, 3n)).toBe(2n);
    expect(divideHalfUp(8n, 3n)).toBe(3n);
  });
});
