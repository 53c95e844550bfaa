import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Deal } from '../../../shared/schemas/deal';
import type { Invoice, Payment } from '../../../shared/schemas/invoice';
import { api, errorMessage, isApiError, unwrap } from '../api';
import { formatDay, formatMoney } from '../format';
import { invalidateMoney, useInvoicesOfDeal } from '../hooks/queries';
import { InvoiceStatusChips, Spinner } from './badges';
import { ConfirmDialog } from './dialog';
import { PlusIcon } from './icons';
import { InvoiceDialog } from './invoice-dialog';
import { Link } from './link';
import { PaymentDialog } from './payment-dialog';
import { useToast } from './toast';

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
        <div className="money-strip__figure">
          <dt>Fee</dt>
          <dd className="money-strip__value" data-testid="deal-fee">
            {money(feeCents)}
          </dd>
          <dd className="money-strip__note">Agreed for this deal</dd>
        </div>
        <div className="money-strip__figure">
          <dt>
            <span className="money-swatch money-swatch--invoiced" aria-hidden="true" />
            Invoiced
          </dt>
          <dd className="money-strip__value" data-testid="deal-invoiced">
            {money(invoicedCents)}
          </dd>
          <dd className="money-strip__note">
            {toInvoice > 0
              ? `${money(toInvoice)} left to invoice`
              : toInvoice < 0
                ? `${money(-toInvoice)} more than the fee`
                : feeCents > 0
                  ? 'Fully invoiced'
                  : 'No fee set'}
          </dd>
        </div>
        <div className="money-strip__figure">
          <dt>
            <span className="money-swatch money-swatch--paid" aria-hidden="true" />
            Paid
          </dt>
          <dd className="money-strip__value money-strip__value--paid" data-testid="deal-paid">
            {money(paidCents)}
          </dd>
          <dd className="money-strip__note">
            {owed > 0
              ? `${money(owed)} outstanding`
              : invoicedCents > 0
                ? 'Everything invoiced is paid'
                : 'Nothing invoiced yet'}
          </dd>
        </div>
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

type Confirm =
  | { kind: 'void'; invoice: Invoice }
  | { kind: 'delete'; invoice: Invoice }
  | { kind: 'remove-payment'; invoice: Invoice; payment: Payment };

/** The deal's invoices, each with its payments; editors create, edit, void and record payments. */
export function DealInvoices({ deal, user }: { deal: Deal; user: User }) {
  const canEdit = user.role !== 'viewer';
  const timeZone = user.effectiveTimeZone;
  const invoices = useInvoicesOfDeal(deal.id);
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Invoice | 'new' | null>(null);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  const items = invoices.data ?? [];
  const sorted = [...items].sort(
    (a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number),
  );

  // `/deals/:id#invoice-<id>` (from the calendar and the money page) brings that invoice into view.
  const loaded = invoices.isSuccess;
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

  const act = useMutation({
    mutationFn: async (action: Confirm) => {
      if (action.kind === 'void') {
        return unwrap(
          api.invoices[':id'].$patch({
            param: { id: action.invoice.id },
            json: { version: action.invoice.version, status: 'void' },
          }),
        );
      }
      if (action.kind === 'delete') {
        return unwrap(api.invoices[':id'].$delete({ param: { id: action.invoice.id } }));
      }
      return unwrap(
        api.invoices[':id'].payments[':paymentId'].$delete({
          param: { id: action.invoice.id, paymentId: action.payment.id },
        }),
      );
    },
    onSuccess: (_result, action) => {
      invalidateMoney(queryClient);
      toast.success(
        action.kind === 'void'
          ? `Invoice ${action.invoice.number} voided`
          : action.kind === 'delete'
            ? `Invoice ${action.invoice.number} deleted`
            : 'Payment removed',
      );
      setConfirm(null);
    },
    onError: (error) => {
      if (isApiError(error, 409) || isApiError(error, 404)) invalidateMoney(queryClient);
    },
  });

  const ask = (next: Confirm) => {
    act.reset();
    setConfirm(next);
  };

  return (
    <section className="card" aria-labelledby="invoices-title">
      <div className="section-header">
        <h2 id="invoices-title" className="section-title">
          Invoices
          {items.length > 0 && <span className="section-count">{items.length}</span>}
        </h2>
        {canEdit && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setEditing('new')}
          >
            <PlusIcon /> New invoice
          </button>
        )}
      </div>
      {invoices.isPending ? (
        <Spinner label="Loading invoices…" />
      ) : invoices.error ? (
        <p className="banner banner--error" role="alert">
          {errorMessage(invoices.error)}
        </p>
      ) : sorted.length === 0 ? (
        <div className="invoice-empty">
          <p className="muted">
            No invoices yet.
            {canEdit ? ' Create one when you bill the brand; record payments as they arrive.' : ''}
          </p>
        </div>
      ) : (
        <ul className="invoice-list">
          {sorted.map((invoice) => (
            <li key={invoice.id}>
              <InvoiceCard
                invoice={invoice}
                canEdit={canEdit}
                onEdit={() => setEditing(invoice)}
                onPay={() => setPaying(invoice)}
                onVoid={() => ask({ kind: 'void', invoice })}
                onDelete={() => ask({ kind: 'delete', invoice })}
                onRemovePayment={(payment) => ask({ kind: 'remove-payment', invoice, payment })}
              />
            </li>
          ))}
        </ul>
      )}

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
      {confirm && (
        <ConfirmDialog
          title={
            confirm.kind === 'void'
              ? `Void invoice ${confirm.invoice.number}?`
              : confirm.kind === 'delete'
                ? `Delete invoice ${confirm.invoice.number}?`
                : 'Remove this payment?'
          }
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
          confirmLabel={
            confirm.kind === 'void'
              ? 'Void invoice'
              : confirm.kind === 'delete'
                ? 'Delete invoice'
                : 'Remove payment'
          }
          busy={act.isPending}
          error={act.error ? errorMessage(act.error) : null}
          onCancel={() => setConfirm(null)}
          onConfirm={() => act.mutate(confirm)}
        />
      )}
    </section>
  );
}

interface InvoiceCardProps {
  invoice: Invoice;
  canEdit: boolean;
  onEdit: () => void;
  onPay: () => void;
  onVoid: () => void;
  onDelete: () => void;
  onRemovePayment: (payment: Payment) => void;
}

function InvoiceCard({
  invoice,
  canEdit,
  onEdit,
  onPay,
  onVoid,
  onDelete,
  onRemovePayment,
}: InvoiceCardProps) {
  const { currency } = invoice;
  const money = (cents: number) => formatMoney(cents, currency);
  const headingId = `invoice-${invoice.id}-title`;
  const isVoid = invoice.status === 'void';
  const canPay = !isVoid && invoice.balanceCents > 0;
  const deletable = invoice.status === 'draft' || isVoid;
  const voidable = !isVoid && invoice.status !== 'draft' && invoice.paidCents === 0;
  const modifiers = [
    isVoid ? ' invoice--void' : '',
    invoice.overdue ? ' invoice--overdue' : '',
    invoice.status === 'paid' ? ' invoice--paid' : '',
  ].join('');

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
        </div>
        <p className="invoice__amount" data-testid="invoice-amount">
          {money(invoice.amountCents)}
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

      {invoice.payments.length > 0 && (
        <div className="payments">
          <h4 className="payments__title">Payments</h4>
          <ul className="payments__list">
            {invoice.payments.map((p) => (
              <li key={p.id} className="payment">
                <span className="payment__day">{formatDay(p.paidOn)}</span>
                <span className="payment__amount">{formatMoney(p.amountCents, p.currency)}</span>
                <span className="payment__detail">
                  {[p.method, p.note].filter(Boolean).join(' · ')}
                </span>
                {canEdit && (
                  <button
                    type="button"
                    className="button button--small button--ghost-danger payment__remove"
                    onClick={() => onRemovePayment(p)}
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
      )}

      {invoice.notes && <p className="invoice__notes prewrap">{invoice.notes}</p>}

      <div className="invoice__actions">
        {canEdit && canPay && (
          <button type="button" className="button button--small button--primary" onClick={onPay}>
            Record payment<span className="visually-hidden"> for {invoice.number}</span>
          </button>
        )}
        <Link href={`/invoices/${invoice.id}/print`} className="button button--small">
          Print<span className="visually-hidden"> {invoice.number}</span>
        </Link>
        {canEdit && (
          <>
            <button type="button" className="button button--small" onClick={onEdit}>
              Edit<span className="visually-hidden"> {invoice.number}</span>
            </button>
            {voidable && (
              <button
                type="button"
                className="button button--small button--ghost-danger"
                onClick={onVoid}
              >
                Void<span className="visually-hidden"> {invoice.number}</span>
              </button>
            )}
            {deletable && (
              <button
                type="button"
                className="button button--small button--ghost-danger"
                onClick={onDelete}
              >
                Delete<span className="visually-hidden"> {invoice.number}</span>
              </button>
            )}
          </>
        )}
      </div>
    </article>
  );
}
