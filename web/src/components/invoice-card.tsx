import { useState } from 'react';
import type { Invoice, Payment } from '../../../shared/schemas/invoice';
import { formatDay, formatMoney } from '../format';
import { invoicePdfPath } from '../resources/invoices';
import { InvoiceStatusChips } from './badges';
import { DownloadIcon } from './icons';
import { InvoicePayerLink } from './invoice-payer-link';
import { InvoicePayments } from './invoice-payments';
import { InvoiceRemindersDialog } from './invoice-reminders-dialog';
import { InvoiceRemittances } from './invoice-remittances';
import { InvoiceTimeline } from './invoice-timeline';
import { Link } from './link';
import './invoice-card.css';

export interface InvoiceCardProps {
  invoice: Invoice;
  canEdit: boolean;
  timeZone: string;
  onEdit: () => void;
  onPay: () => void;
  onSend: () => void;
  onPause: () => void;
  onResume: () => void;
  onVoid: () => void;
  onDelete: () => void;
  onRemovePayment: (payment: Payment) => void;
}

/** One invoice on its deal: figures, payer, payments, the payer's notices, actions and timeline. */
export function InvoiceCard({
  invoice,
  canEdit,
  timeZone,
  onEdit,
  onPay,
  onSend,
  onPause,
  onResume,
  onVoid,
  onDelete,
  onRemovePayment,
}: InvoiceCardProps) {
  const [showTimeline, setShowTimeline] = useState(false);
  const [editingReminders, setEditingReminders] = useState(false);
  const { currency } = invoice;
  const money = (cents: number) => formatMoney(cents, currency);
  const headingId = `invoice-${invoice.id}-title`;
  const timelineId = `invoice-${invoice.id}-timeline`;
  const isVoid = invoice.status === 'void';
  const open = !isVoid && invoice.status !== 'paid';
  const canPay = !isVoid && invoice.balanceCents > 0;
  const deletable = invoice.status === 'draft' || isVoid;
  const voidable = !isVoid && invoice.status !== 'draft' && invoice.paidCents === 0;
  const remindable = invoice.status === 'sent' && invoice.balanceCents > 0;
  const modifiers = [
    isVoid ? ' invoice--void' : '',
    invoice.overdue ? ' invoice--overdue' : '',
    invoice.status === 'paid' ? ' invoice--paid' : '',
  ].join('');
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
  const { publicUrl, invoiceReminders: ownLadder } = invoice;

  return (
    <article
      id={`invoice-${invoice.id}`}
      className={`invoice${modifiers}`}
      aria-labelledby={headingId}
      data-invoice-id={invoice.id}
      data-testid="invoice"
    >
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

      <dl className="invoice__facts">
        <div>
          <dt>Issued</dt>
          <dd>{formatDay(invoice.issuedOn)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={invoice.overdue ? 'invoice__late' : undefined}>
            {formatDay(invoice.dueOn)}
            <span className="muted small">
              {' '}
              · {invoice.paymentTermsDays === 0 ? 'on receipt' : `net ${invoice.paymentTermsDays}`}
            </span>
          </dd>
        </div>
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

      <InvoiceRemittances invoice={invoice} canEdit={canEdit} />
      <InvoicePayments invoice={invoice} canEdit={canEdit} onRemove={onRemovePayment} />

      {invoice.notes && <p className="invoice__notes prewrap">{invoice.notes}</p>}

      <div className="invoice__actions">
        {canEdit && open && (
          <button
            type="button"
            className={`button button--small${invoice.status === 'draft' ? ' button--primary' : ''}`}
            onClick={onSend}
          >
            {invoice.sentAt ? 'Send again' : 'Send invoice'}
            {hidden(` ${invoice.number}`)}
          </button>
        )}
        {canEdit && canPay && (
          <button
            type="button"
            className={`button button--small${invoice.status === 'draft' ? '' : ' button--primary'}`}
            onClick={onPay}
          >
            Record payment{hidden(` for ${invoice.number}`)}
          </button>
        )}
        <a className="button button--small" href={invoicePdfPath(invoice.id)} download>
          <DownloadIcon /> Download PDF{hidden(` of ${invoice.number}`)}
        </a>
        <Link href={`/invoices/${invoice.id}/print`} className="button button--small">
          Print{hidden(` ${invoice.number}`)}
        </Link>
        {canEdit && remindable && (
          <button
            type="button"
            className="button button--small"
            onClick={invoice.remindersPaused ? onResume : onPause}
          >
            {invoice.remindersPaused ? 'Resume reminders' : 'Pause reminders'}
            {hidden(` for ${invoice.number}`)}
          </button>
        )}
        {canEdit && open && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditingReminders(true)}
          >
            Reminders{hidden(` for ${invoice.number}`)}
          </button>
        )}
        {publicUrl && <InvoicePayerLink invoice={{ ...invoice, publicUrl }} canEdit={canEdit} />}
        {canEdit && (
          <>
            <button type="button" className="button button--small" onClick={onEdit}>
              Edit{hidden(` ${invoice.number}`)}
            </button>
            {voidable && (
              <button
                type="button"
                className="button button--small button--ghost-danger"
                onClick={onVoid}
              >
                Void{hidden(` ${invoice.number}`)}
              </button>
            )}
            {deletable && (
              <button
                type="button"
                className="button button--small button--ghost-danger"
                onClick={onDelete}
              >
                Delete{hidden(` ${invoice.number}`)}
              </button>
            )}
          </>
        )}
        <button
          type="button"
          className="link-button invoice__timeline-toggle"
          aria-expanded={showTimeline}
          aria-controls={timelineId}
          onClick={() => setShowTimeline((v) => !v)}
        >
          {showTimeline ? 'Hide timeline' : 'Timeline'}
          {hidden(` of ${invoice.number}`)}
        </button>
      </div>
      {showTimeline && (
        <section
          id={timelineId}
          className="invoice__timeline"
          aria-label={`Timeline of ${invoice.number}`}
        >
          <InvoiceTimeline invoice={invoice} timeZone={timeZone} />
        </section>
      )}
      {editingReminders && (
        <InvoiceRemindersDialog invoice={invoice} onClose={() => setEditingReminders(false)} />
      )}
    </article>
  );
}
