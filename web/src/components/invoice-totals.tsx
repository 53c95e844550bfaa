import { formatMoney } from '../format';
import './invoice-totals.css';

export interface InvoiceTotalsListProps {
  currency: string;
  subtotalCents: number;
  discountCents: number;
  taxes: ReadonlyArray<{ label: string; rateBasisPoints: number; cents: number }>;
  totalCents: number;
  /** Shown under the total when something was paid: paid so far and the balance. */
  paidCents?: number;
  balanceCents?: number;
  testId?: string;
}

/** Subtotal, discount, each tax, the total (and what is paid and left): the foot of an invoice. */
export function InvoiceTotalsList({
  currency,
  subtotalCents,
  discountCents,
  taxes,
  totalCents,
  paidCents,
  balanceCents,
  testId,
}: InvoiceTotalsListProps) {
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <dl className="invoice-totals" aria-label="Totals" data-testid={testId}>
      <div>
        <dt>Subtotal</dt>
        <dd>{money(subtotalCents)}</dd>
      </div>
      {discountCents > 0 && (
        <div>
          <dt>Discount</dt>
          <dd>−{money(discountCents)}</dd>
        </div>
      )}
      {taxes.map((tax, i) => (
        <div key={i}>
          <dt>
            {tax.label} {tax.rateBasisPoints / 100} %
          </dt>
          <dd>{money(tax.cents)}</dd>
        </div>
      ))}
      <div className="invoice-totals__total">
        <dt>Total</dt>
        <dd data-testid="invoice-total">{money(totalCents)}</dd>
      </div>
      {paidCents !== undefined && paidCents > 0 && (
        <div>
          <dt>Paid</dt>
          <dd>−{money(paidCents)}</dd>
        </div>
      )}
      {balanceCents !== undefined && (
        <div className="invoice-totals__total">
          <dt>Balance due</dt>
          <dd data-testid="invoice-balance-due">{money(balanceCents)}</dd>
        </div>
      )}
    </dl>
  );
}
