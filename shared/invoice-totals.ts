/**
 * An invoice's sums, in integer minor units, the same on the server (which
 * stores them) and in the web app (which previews them while you type).
 *
 * - A line's amount is quantity × unit price, rounded half up to a minor unit.
 * - The subtotal is the sum of the line amounts.
 * - A discount (an amount) comes off the subtotal; it is shared out over the
 *   lines in proportion to their amounts (largest remainder, so the shares add
 *   up to the discount exactly).
 * - Each tax is worked out per line on the line's amount after its share of
 *   the discount, rounded half up per line, and summed.
 * - The total is subtotal − discount + taxes.
 */

export interface TotalsLine {
  quantity: number;
  unitCents: number;
}

export interface TotalsTax {
  label: string;
  /** 2000 = 20 %. */
  rateBasisPoints: number;
}

export interface InvoiceTotals {
  /** Each line's amount, in order. */
  lineCents: number[];
  subtotalCents: number;
  discountCents: number;
  /** Each tax's sum, in order. */
  taxes: { label: string; rateBasisPoints: number; cents: number }[];
  taxCents: number;
  totalCents: number;
}

/** Quantities carry at most three decimals: 1.5 hours, 0.125 kg. */
export const QUANTITY_SCALE = 1000;

/** `numerator / denominator` rounded half up (away from zero at .5), for non-negative integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export function lineAmountCents(line: TotalsLine): number {
  const quantity = BigInt(Math.round(line.quantity * QUANTITY_SCALE));
  return Number(divideHalfUp(quantity * BigInt(line.unitCents), BigInt(QUANTITY_SCALE)));
}

/** Splits `total` over `weights` in proportion, each share a whole number, the shares adding up to `total`. */
export function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)) / BigInt(sum));
  const shares = exact.map(Number);
  let left = total - shares.reduce((a, b) => a + b, 0);
  // The largest remainders get the cents left over; ties go to the earlier line.
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (BigInt(total) * BigInt(w)) % BigInt(sum) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

export function invoiceTotals(
  lines: readonly TotalsLine[],
  taxes: readonly TotalsTax[] = [],
  discountCents = 0,
): InvoiceTotals {
  const lineCents = lines.map(lineAmountCents);
  const subtotalCents = lineCents.reduce((a, b) => a + b, 0);
  const discount = Math.min(Math.max(discountCents, 0), subtotalCents);
  const shares = shareOut(discount, lineCents);
  const bases = lineCents.map((cents, i) => cents - shares[i]!);
  const taxSums = taxes.map((tax) => ({
    label: tax.label,
    rateBasisPoints: tax.rateBasisPoints,
    cents: bases.reduce(
      (sum, base) =>
        sum + Number(divideHalfUp(BigInt(base) * BigInt(tax.rateBasisPoints), 10_000n)),
      0,
    ),
  }));
  const taxCents = taxSums.reduce((a, t) => a + t.cents, 0);
  return {
    lineCents,
    subtotalCents,
    discountCents: discount,
    taxes: taxSums,
    taxCents,
    totalCents: subtotalCents - discount + taxCents,
  };
}
