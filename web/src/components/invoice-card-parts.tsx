import type { Invoice } from '../../../shared/schemas/invoice';
import { formatDay, formatMoney } from '../format';
import { InvoiceStatusChips } from './badges';
import { DescriptionItem } from './ui/description-item';

/** An invoice card's number, status chips (reminders paused, its own ladder) and total. */
export function InvoiceCardHead({ invoice, headingId }: { invoice: Invoice; headingId: string }) {
  const isVoid = invoice.status === 'void';
  const open = !isVoid && invoice.status !== 'paid';
  const remindable = invoice.status === 'sent' && invoice.balanceCents > 0;
  const { invoiceReminders: ownLadder, currency } = invoice;
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <div className="invoice__head">
      <div className="invoice__title">
        <h3 id={headingId} className="invoice__number">
          <span className="visually-hidden">Invoice </span>
          {invoice.number}
        </h3>
        <InvoiceStatusChips invoice={invoice} />
        {remindable && invoice.remindersPaused && (
          <span className="chip chip--invoice-draft" data-testid="reminders-paused">
            Reminders paused
            {invoice.remindersPausedUntil
              ? ` until ${formatDay(invoice.remindersPausedUntil)}`
              : ''}
          </span>
        )}
        {open && ownLadder && (
          <span className="chip chip--invoice-draft" data-testid="invoice-ladder">
            {ownLadder.enabled ? 'Own reminders' : 'Reminders off'}
          </span>
        )}
      </div>
      <p className="invoice__amount" data-testid="invoice-amount">
        {money(invoice.totalCents)}
      </p>
    </div>
  );
}

/** An invoice card's days, paid and balance, and whom it bills. */
export function InvoiceFacts({ invoice }: { invoice: Invoice }) {
  const isVoid = invoice.status === 'void';
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <>
      <dl className="invoice__facts">
        <DescriptionItem term="Issued">{formatDay(invoice.issuedOn)}</DescriptionItem>
        <DescriptionItem term="Due" className={invoice.overdue ? 'invoice__late' : undefined}>
          {formatDay(invoice.dueOn)}
          <span className="muted small">
            {' '}
            · {invoice.paymentTermsDays === 0 ? 'on receipt' : `net ${invoice.paymentTermsDays}`}
          </span>
        </DescriptionItem>
        <div>
          <dt>Paid</dt>
          <dd data-testid="invoice-paid">{money(invoice.paidCents)}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd
            data-testid="invoice-balance"
            className={invoice.balanceCents > 0 && !isVoid ? 'invoice__balance' : undefined}
          >
            {money(invoice.balanceCents)}
          </dd>
        </div>
      </dl>

      <p className="invoice__payer small">
        <span className="muted">Bill to </span>
        {invoice.payer.name}
        {invoice.payer.emails.length > 0 && (
          <span className="muted"> · {invoice.payer.emails.join(', ')}</span>
        )}
        {invoice.poNumber && <span className="muted"> · PO {invoice.poNumber}</span>}
        {invoice.sentAt && (
          <span className="muted"> · e-mailed {formatDay(invoice.sentAt.slice(0, 10))}</span>
        )}
      </p>
    </>
  );
}
