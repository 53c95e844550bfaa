import './deal-invoices.css';
import { useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Deal } from '../../../shared/schemas/deal';
import type { Invoice } from '../../../shared/schemas/invoice';
import { todayIn } from '../time';
import { errorMessage } from '../api';
import { formatDay, formatMoney } from '../format';
import {
  useInvoiceAction,
  useInvoicesOfDeal,
  useRemindersPause,
  type InvoiceAction,
} from '../resources/invoices';
import { ConfirmDialog } from './dialog';
import { PlusIcon } from './icons';
import { InvoiceCard } from './invoice-card';
import { InvoiceDialog } from './invoice-dialog';
import { InvoiceSendDialog } from './invoice-send-dialog';
import { Figure } from './lists/figure';
import { PaymentDialog } from './payment-dialog';
import { RemindersPauseDialog } from './reminders-pause-dialog';
import { useToast } from './toast';
import { QueryState } from './query-state';
import { CardAction, CardSection } from './lists/card-section';

function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}

/** Fee, invoiced and paid side by side, with a bar of how far the money has come. */
export function DealMoneyStrip({ deal }: { deal: Deal }) {
  const { feeCents, invoicedCents, paidCents, currency } = deal;
  const base = Math.max(feeCents, invoicedCents);
  const toInvoice = feeCents - invoicedCents;
  const owed = invoicedCents - paidCents;
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <section className="card money-strip" aria-labelledby="money-strip-title">
      <h2 id="money-strip-title" className="visually-hidden">
        Money
      </h2>
      <dl className="money-strip__figures">
        <StripFigure label="Fee" value={money(feeCents)} testId="deal-fee">
          Agreed for this deal
        </StripFigure>
        <StripFigure
          label="Invoiced"
          swatch="invoiced"
          value={money(invoicedCents)}
          testId="deal-invoiced"
        >
          {toInvoice > 0
            ? `${money(toInvoice)} left to invoice`
            : toInvoice < 0
              ? `${money(-toInvoice)} more than the fee`
              : feeCents > 0
                ? 'Fully invoiced'
                : 'No fee set'}
        </StripFigure>
        <StripFigure label="Paid" swatch="paid" value={money(paidCents)} testId="deal-paid">
          {owed > 0
            ? `${money(owed)} outstanding`
            : invoicedCents > 0
              ? 'Everything invoiced is paid'
              : 'Nothing invoiced yet'}
        </StripFigure>
      </dl>
      <div
        className="meter"
        role="img"
        aria-label={`${money(paidCents)} paid and ${money(invoicedCents)} invoiced of a ${money(feeCents)} fee`}
      >
        <span className="meter__invoiced" style={{ width: `${percent(invoicedCents, base)}%` }} />
        <span className="meter__paid" style={{ width: `${percent(paidCents, base)}%` }} />
      </div>
    </section>
  );
}

interface StripFigureProps {
  label: string;
  /** The meter colour the figure is drawn in, if any. */
  swatch?: 'invoiced' | 'paid';
  value: string;
  testId: string;
  children: ReactNode;
}

function StripFigure({ label, swatch, value, testId, children }: StripFigureProps) {
  return (
    <Figure
      className="money-strip__figure"
      label={
        <>
          {swatch && <span className={`money-swatch money-swatch--${swatch}`} aria-hidden="true" />}
          {label}
        </>
      }
      value={value}
      valueClassName={`money-strip__value${swatch === 'paid' ? ' money-strip__value--paid' : ''}`}
      testId={testId}
      note={children}
      noteClassName="money-strip__note"
    />
  );
}

type Confirm = InvoiceAction;

/** `/deals/:id#invoice-<id>` (from the calendar and the money page) brings that invoice into view. */
function useScrollToInvoiceInHash(loaded: boolean) {
  useEffect(() => {
    if (!loaded) return;
    const hash = window.location.hash;
    if (!hash.startsWith('#invoice-')) return;
    const frame = window.requestAnimationFrame(() => {
      const el = document.getElementById(hash.slice(1));
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.classList.add('invoice--flash');
    });
    return () => window.cancelAnimationFrame(frame);
  }, [loaded]);
}

function doneMessage(action: InvoiceAction): string {
  if (action.kind === 'void') return `Invoice ${action.invoice.number} voided`;
  if (action.kind === 'delete') return `Invoice ${action.invoice.number} deleted`;
  return 'Payment removed';
}

function confirmTitle(confirm: Confirm): string {
  if (confirm.kind === 'void') return `Void invoice ${confirm.invoice.number}?`;
  if (confirm.kind === 'delete') return `Delete invoice ${confirm.invoice.number}?`;
  return 'Remove this payment?';
}

function confirmLabel(confirm: Confirm): string {
  if (confirm.kind === 'void') return 'Void invoice';
  if (confirm.kind === 'delete') return 'Delete invoice';
  return 'Remove payment';
}

/** The deal's invoices, each with its payments; editors create, edit, void and record payments. */
export function DealInvoices({ deal, user }: { deal: Deal; user: User }) {
  const canEdit = user.role !== 'viewer';
  const timeZone = user.effectiveTimeZone;
  const invoices = useInvoicesOfDeal(deal.id);
  const toast = useToast();
  const [editing, setEditing] = useState<Invoice | 'new' | null>(null);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const [sending, setSending] = useState<Invoice | null>(null);
  const [pausing, setPausing] = useState<Invoice | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const resume = useRemindersPause();

  const items = invoices.data ?? [];
  const sorted = [...items].sort(
    (a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number),
  );

  useScrollToInvoiceInHash(invoices.isSuccess);

  const act = useInvoiceAction({
    onSuccess: (_result, action) => {
      toast.success(doneMessage(action));
      setConfirm(null);
    },
  });

  const ask = (next: Confirm) => {
    act.reset();
    setConfirm(next);
  };

  return (
    <CardSection
      title={
        <>
          Invoices
          {items.length > 0 && <span className="section-count">{items.length}</span>}
        </>
      }
      actions={
        canEdit && (
          <CardAction onClick={() => setEditing('new')}>
            <PlusIcon /> New invoice
          </CardAction>
        )
      }
    >
      <QueryState query={invoices} loadingLabel="Loading invoices…">
        {() =>
          sorted.length === 0 ? (
            <div className="invoice-empty">
              <p className="muted">
                No invoices yet.
                {canEdit
                  ? ' Create one when you bill the brand; record payments as they arrive.'
                  : ''}
              </p>
            </div>
          ) : (
            <ul className="invoice-list">
              {sorted.map((invoice) => (
                <li key={invoice.id}>
                  <InvoiceCard
                    invoice={invoice}
                    canEdit={canEdit}
                    timeZone={timeZone}
                    onEdit={() => setEditing(invoice)}
                    onPay={() => setPaying(invoice)}
                    onSend={() => setSending(invoice)}
                    onPause={() => setPausing(invoice)}
                    onResume={() =>
                      resume.mutate(
                        { invoice, paused: false, until: null },
                        {
                          onSuccess: () => toast.success(`Reminders for ${invoice.number} resumed`),
                        },
                      )
                    }
                    onVoid={() => ask({ kind: 'void', invoice })}
                    onDelete={() => ask({ kind: 'delete', invoice })}
                    onRemovePayment={(payment) => ask({ kind: 'remove-payment', invoice, payment })}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>

      {editing && (
        <InvoiceDialog
          deal={deal}
          invoice={editing === 'new' ? null : editing}
          timeZone={timeZone}
          onClose={() => setEditing(null)}
        />
      )}
      {paying && (
        <PaymentDialog invoice={paying} timeZone={timeZone} onClose={() => setPaying(null)} />
      )}
      {sending && <InvoiceSendDialog invoice={sending} onClose={() => setSending(null)} />}
      {pausing && (
        <RemindersPauseDialog
          invoice={pausing}
          today={todayIn(timeZone)}
          onClose={() => setPausing(null)}
        />
      )}
      {resume.error && (
        <p className="banner banner--error" role="alert">
          {errorMessage(resume.error)}
        </p>
      )}
      {confirm && (
        <ConfirmDialog
          title={confirmTitle(confirm)}
          message={
            confirm.kind === 'void' ? (
              <p>
                It stays on record, marked void, and no longer counts as owed. Reminders for it
                stop.
              </p>
            ) : confirm.kind === 'delete' ? (
              <p>
                The {confirm.invoice.status === 'void' ? 'void invoice' : 'draft'} will be deleted.
                This cannot be undone.
              </p>
            ) : (
              <p>
                The payment of{' '}
                <strong>
                  {formatMoney(confirm.payment.amountCents, confirm.payment.currency)}
                </strong>{' '}
                on {formatDay(confirm.payment.paidOn)} will be removed from invoice{' '}
                {confirm.invoice.number}, which will be owed again.
              </p>
            )
          }
          confirmLabel={confirmLabel(confirm)}
          busy={act.isPending}
          error={act.error ? errorMessage(act.error) : null}
          onCancel={() => setConfirm(null)}
          onConfirm={() => act.mutate(confirm)}
        />
      )}
    </CardSection>
  );
}
