import { formatMoney } from '../format';
import './invoice-totals.css';
import { DescriptionItem } from './ui/description-item';

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
      <DescriptionItem term="Subtotal">{money(subtotalCents)}</DescriptionItem>
      {discountCents > 0 && (
        <DescriptionItem term="Discount">−{money(discountCents)}</DescriptionItem>
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
        <DescriptionItem term="Paid">−{money(paidCents)}</DescriptionItem>
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
