import './invoice-payments.css';
import type { Invoice, Payment } from '../../../shared/schemas/invoice';
import { formatDay, formatMoney } from '../format';

export interface InvoicePaymentsProps {
  invoice: Invoice;
  canEdit: boolean;
  onRemove: (payment: Payment) => void;
}

/** The payments recorded against an invoice, each with its fees and what reached you. */
export function InvoicePayments({ invoice, canEdit, onRemove }: InvoicePaymentsProps) {
  if (invoice.payments.length === 0) return null;
  return (
    <div className="payments">
      <h4 className="payments__title">Payments</h4>
      <ul className="payments__list">
        {invoice.payments.map((p) => (
          <li key={p.id} className="payment">
            <span className="payment__day">{formatDay(p.paidOn)}</span>
            <span className="payment__amount">{formatMoney(p.amountCents, p.currency)}</span>
            <span className="payment__detail">
              {[
                p.method,
                p.feeCents > 0
                  ? `${formatMoney(p.feeCents, p.currency)} fees, ${formatMoney(p.netCents, p.currency)} net`
                  : null,
                p.note,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {canEdit && (
              <button
                type="button"
                className="button button--small button--ghost-danger payment__remove"
                onClick={() => onRemove(p)}
              >
                Remove
                <span className="visually-hidden">
                  {' '}
                  payment of {formatMoney(p.amountCents, p.currency)} on {formatDay(p.paidOn)}
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
