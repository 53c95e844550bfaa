import { useState } from 'react';
import type { Invoice, Payment } from '../../../shared/schemas/invoice';
import { invoicePdfPath } from '../resources/invoices';
import { DownloadIcon } from './icons';
import { InvoicePayerLink } from './invoice-payer-link';
import { InvoicePayments } from './invoice-payments';
import { InvoiceRemindersDialog } from './invoice-reminders-dialog';
import { InvoiceRemittances } from './invoice-remittances';
import { InvoiceTimeline } from './invoice-timeline';
import { InvoiceCardHead, InvoiceFacts } from './invoice-card-parts';
import { Link } from './link';
import './invoice-card.css';
import { DangerButton } from './row-actions';

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
  const { publicUrl } = invoice;

  return (
    <article
      id={`invoice-${invoice.id}`}
      className={`invoice${modifiers}`}
      aria-labelledby={headingId}
      data-invoice-id={invoice.id}
      data-testid="invoice"
    >
      <InvoiceCardHead invoice={invoice} headingId={headingId} />
      <InvoiceFacts invoice={invoice} />

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
              <DangerButton onClick={onVoid}>Void{hidden(` ${invoice.number}`)}</DangerButton>
            )}
            {deletable && (
              <DangerButton onClick={onDelete}>Delete{hidden(` ${invoice.number}`)}</DangerButton>
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
