import type { Invoice } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { formatDay, formatMoney } from '../format';
import { useRemittanceAction } from '../resources/invoice-sending';
import { useToast } from './toast';

/** The payer's pending "we've paid" notices: confirm one as a payment in one click, or dismiss it. */
export function InvoiceRemittances({ invoice, canEdit }: { invoice: Invoice; canEdit: boolean }) {
  const pending = invoice.remittances.filter((r) => r.status === 'pending');
  const act = useRemittanceAction(invoice.id);
  const toast = useToast();
  if (pending.length === 0) return null;
  const money = (cents: number) => formatMoney(cents, invoice.currency);

  return (
    <div className="remittances" data-testid="remittances">
      <h4 className="remittances__title">The payer says they have paid</h4>
      {act.error && (
        <p className="banner banner--error" role="alert">
          {errorMessage(act.error)}
        </p>
      )}
      <ul className="remittances__list">
        {pending.map((r) => {
          const what = `${money(r.amountCents)} on ${formatDay(r.paidOn)}`;
          return (
            <li key={r.id} className="remittance" data-testid="remittance">
              <p className="remittance__text">
                <strong>{money(r.amountCents)}</strong> paid on {formatDay(r.paidOn)}
                {r.reference && <span className="muted"> · ref {r.reference}</span>}
              </p>
              {canEdit && (
                <div className="remittance__actions">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={act.isPending}
                    onClick={() =>
                      act.mutate(
                        { remittanceId: r.id, action: 'confirm' },
                        {
                          onSuccess: (saved) =>
                            toast.success(
                              `Payment of ${money(r.amountCents)} recorded`,
                              saved.status === 'paid'
                                ? `Invoice ${saved.number} is paid in full.`
                                : `${money(saved.balanceCents)} still owed on ${saved.number}.`,
                            ),
                        },
                      )
                    }
                  >
                    Confirm as payment<span className="visually-hidden"> of {what}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ remittanceId: r.id, action: 'dismiss' })}
                  >
                    Dismiss<span className="visually-hidden"> the notice of {what}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        Confirm once the money is in your account; until then reminders hold off.
      </p>
    </div>
  );
}
