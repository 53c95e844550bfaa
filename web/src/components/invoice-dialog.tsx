import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Deal } from '../../../shared/schemas/deal';
import {
  invoiceCreateSchema,
  invoicePatchSchema,
  type Invoice,
  type InvoiceCreate,
  type InvoicePatch,
} from '../../../shared/schemas/invoice';
import { api, isApiError, unwrap } from '../api';
import {
  INVOICE_STATUS_LABELS,
  centsToInput,
  formatMoney,
  moneyInputError,
  parseMoney,
  plural,
} from '../format';
import { invalidateMoney, keys, useNextInvoiceNumber, useSettings } from '../hooks/queries';
import { useFormErrors } from '../hooks/use-form-errors';
import { addDays, todayIn } from '../time';
import { Spinner } from './badges';
import { COMMON_CURRENCIES } from './deal-dialog';
import { Dialog } from './dialog';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

type SettableStatus = 'draft' | 'sent' | 'void';

interface FormState {
  /** null while the suggested number is shown untouched. */
  number: string | null;
  amount: string;
  currency: string;
  issuedOn: string;
  terms: string;
  /** null while the due day follows the issue day and the terms. */
  dueOn: string | null;
  status: SettableStatus;
  notes: string;
}

export interface InvoiceDialogProps {
  deal: Deal;
  /** null for a new invoice. */
  invoice: Invoice | null;
  timeZone: string;
  onClose: () => void;
}

/** Waits for the settings (default terms) and, for a new invoice, the suggested number. */
export function InvoiceDialog(props: InvoiceDialogProps) {
  const settings = useSettings();
  const creating = props.invoice === null;
  const nextNumber = useNextInvoiceNumber(creating);
  const title = creating ? 'New invoice' : `Edit invoice ${props.invoice?.number ?? ''}`;
  if (settings.isPending || (creating && nextNumber.isPending)) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        <Spinner />
      </Dialog>
    );
  }
  return (
    <InvoiceForm
      {...props}
      title={title}
      suggestedNumber={nextNumber.data ?? ''}
      defaultTerms={settings.data?.defaultPaymentTermsDays ?? 30}
    />
  );
}

/** A whole number typed by the user; anything else is left for the schema to reject. */
function toWholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function autoDue(issuedOn: string, terms: string): string {
  const days = toWholeNumber(terms);
  return Number.isInteger(days) ? addDays(issuedOn, days) : '';
}

function InvoiceForm({
  deal,
  invoice,
  timeZone,
  onClose,
  title,
  suggestedNumber,
  defaultTerms,
}: InvoiceDialogProps & { title: string; suggestedNumber: string; defaultTerms: number }) {
  const formId = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<FormState>(() => {
    if (invoice) {
      const followsTerms = invoice.dueOn === addDays(invoice.issuedOn, invoice.paymentTermsDays);
      return {
        number: invoice.number,
        amount: centsToInput(invoice.amountCents, invoice.currency),
        currency: invoice.currency,
        issuedOn: invoice.issuedOn,
        terms: String(invoice.paymentTermsDays),
        dueOn: followsTerms ? null : invoice.dueOn,
        status: invoice.status === 'paid' ? 'sent' : invoice.status,
        notes: invoice.notes,
      };
    }
    const left = deal.feeCents - deal.invoicedCents;
    return {
      number: null,
      amount: left > 0 ? centsToInput(left, deal.currency) : '',
      currency: deal.currency,
      issuedOn: todayIn(timeZone),
      terms: String(defaultTerms),
      dueOn: null,
      status: 'sent',
      notes: '',
    };
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  const issueYear = state.issuedOn.slice(0, 4);
  // The suggestion is this year's; for an invoice dated in another year the server numbers it.
  const suggestionFits = !issueYear || suggestedNumber.includes(`-${issueYear}-`);
  const number = state.number ?? (suggestionFits ? suggestedNumber : '');
  const dueOn = state.dueOn ?? autoDue(state.issuedOn, state.terms);
  const hasPayments = (invoice?.paidCents ?? 0) > 0;
  const isPaid = invoice?.status === 'paid';
  const statusOptions: SettableStatus[] =
    invoice === null ? ['sent', 'draft'] : hasPayments ? ['sent'] : ['draft', 'sent', 'void'];

  const save = useMutation({
    mutationFn: (payload: { create: InvoiceCreate } | { patch: InvoicePatch }) =>
      'create' in payload
        ? unwrap(api.invoices.$post({ json: payload.create }))
        : unwrap(api.invoices[':id'].$patch({ param: { id: invoice!.id }, json: payload.patch })),
    onSuccess: (saved) => {
      invalidateMoney(queryClient);
      queryClient.setQueryData(keys.invoice(saved.id), saved);
      toast.success(invoice ? `Invoice ${saved.number} saved` : `Invoice ${saved.number} created`);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 409) && error.code !== 'duplicate') {
        void queryClient.invalidateQueries({ queryKey: keys.invoices });
      }
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const currency = state.currency.trim().toUpperCase();
    const amountCents = parseMoney(state.amount, currency);
    const fields = {
      // An untouched suggestion is left to the server, which hands out the next free
      // number at save time (someone else may have taken this one meanwhile).
      ...(number.trim() && state.number !== null ? { number: number.trim() } : {}),
      amountCents: amountCents ?? -1,
      currency,
      issuedOn: state.issuedOn,
      paymentTermsDays: toWholeNumber(state.terms),
      dueOn,
      notes: state.notes,
    };
    const amountIssues =
      amountCents === undefined
        ? [{ path: 'amountCents', message: moneyInputError(state.amount, currency) }]
        : [];

    let payload: { create: InvoiceCreate } | { patch: InvoicePatch };
    let issues: ReadonlyArray<{ path: PropertyKey[] | string; message: string }>;
    if (invoice) {
      // Only what changed, so an untouched field never trips a rule (e.g. currency with payments).
      const patch: InvoicePatch = { version: invoice.version };
      if (fields.number !== undefined && fields.number !== invoice.number)
        patch.number = fields.number;
      if (fields.amountCents !== invoice.amountCents) patch.amountCents = fields.amountCents;
      if (currency !== invoice.currency) patch.currency = currency;
      if (fields.issuedOn !== invoice.issuedOn) patch.issuedOn = fields.issuedOn;
      if (fields.paymentTermsDays !== invoice.paymentTermsDays) {
        patch.paymentTermsDays = fields.paymentTermsDays;
      }
      if (dueOn !== invoice.dueOn) patch.dueOn = dueOn;
      if (!isPaid && state.status !== invoice.status) patch.status = state.status;
      if (state.notes !== invoice.notes) patch.notes = state.notes;
      const parsed = invoicePatchSchema.safeParse(patch);
      issues = parsed.success ? [] : parsed.error.issues;
      payload = { patch };
    } else {
      const create: InvoiceCreate = { dealId: deal.id, ...fields, status: state.status };
      const parsed = invoiceCreateSchema.safeParse(create);
      issues = parsed.success ? [] : parsed.error.issues;
      payload = { create };
    }
    if (amountIssues.length > 0 || issues.length > 0) {
      fromZod([
        ...issues.filter((i) => amountIssues.length === 0 || String(i.path) !== 'amountCents'),
        ...amountIssues,
      ]);
      return;
    }
    save.mutate(payload);
  };

  const currencies = [...new Set([state.currency, deal.currency, ...COMMON_CURRENCIES])];
  const termsDays = toWholeNumber(state.terms);

  return (
    <Dialog
      title={title}
      description={`${deal.title} · ${deal.brandName}`}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save invoice'}
          </button>
        </>
      }
    >
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field
            label="Invoice number"
            error={errors['number']}
            hint={
              invoice || state.number !== null
                ? undefined
                : suggestionFits
                  ? 'The next number in sequence; change it if you need to.'
                  : `Left empty, it gets the next ${issueYear} number when saved.`
            }
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={number}
                placeholder={`INV-${issueYear || 'YYYY'}-…`}
                onChange={(e) => set('number', e.target.value)}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            label="Status"
            error={errors['status']}
            hint={
              isPaid
                ? 'Paid in full — the status follows the payments.'
                : hasPayments
                  ? 'Has payments, so it stays sent until paid in full.'
                  : state.status === 'draft'
                    ? 'Drafts are not counted as owed and get no reminders.'
                    : state.status === 'void'
                      ? 'Void invoices are kept for the record but owe nothing.'
                      : 'Counted as owed; the team is reminded before it falls due.'
            }
          >
            {(p) =>
              isPaid ? (
                <input {...p} type="text" value={INVOICE_STATUS_LABELS.paid} readOnly />
              ) : (
                <select
                  {...p}
                  value={state.status}
                  onChange={(e) => set('status', e.target.value as SettableStatus)}
                  disabled={statusOptions.length === 1}
                >
                  {statusOptions.map((s) => (
                    <option key={s} value={s}>
                      {INVOICE_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )
            }
          </Field>
          <Field
            label="Amount"
            error={errors['amountCents']}
            hint={
              invoice
                ? hasPayments
                  ? `${formatMoney(invoice.paidCents, invoice.currency)} paid so far`
                  : undefined
                : `Deal fee ${formatMoney(deal.feeCents, deal.currency)}${
                    deal.invoicedCents > 0
                      ? `, ${formatMoney(deal.invoicedCents, deal.currency)} invoiced already`
                      : ''
                  }`
            }
          >
            {(p) => (
              <div className="input-unit">
                <input
                  {...p}
                  type="text"
                  inputMode="decimal"
                  value={state.amount}
                  onChange={(e) => set('amount', e.target.value)}
                  placeholder="0.00"
                  autoFocus
                />
                <span className="input-unit__unit" aria-hidden="true">
                  {state.currency}
                </span>
              </div>
            )}
          </Field>
          <Field
            label="Currency"
            error={errors['currency']}
            hint={hasPayments ? 'Fixed: payments were recorded in it.' : undefined}
          >
            {(p) => (
              <select
                {...p}
                value={state.currency}
                onChange={(e) => set('currency', e.target.value)}
                disabled={hasPayments}
              >
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-grid__dates span-2">
            <Field label="Issued on" error={errors['issuedOn']}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={state.issuedOn}
                  onChange={(e) => set('issuedOn', e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Payment terms (days)"
              error={errors['paymentTermsDays']}
              hint={termsDays === 0 ? 'Due on receipt.' : `Net ${state.terms.trim() || '…'}`}
            >
              {(p) => (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={365}
                  step={1}
                  value={state.terms}
                  onChange={(e) => set('terms', e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Due on"
              error={errors['dueOn']}
              hint={
                state.dueOn === null ? (
                  'Issued on + payment terms.'
                ) : (
                  <>
                    Set by hand.{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => set('dueOn', null)}
                    >
                      Use issued on + {plural(Number.isInteger(termsDays) ? termsDays : 0, 'day')}
                    </button>
                  </>
                )
              }
            >
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={dueOn}
                  min={state.issuedOn || undefined}
                  onChange={(e) => set('dueOn', e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            label="Notes"
            error={errors['notes']}
            className="span-2"
            hint="Printed on the invoice, e.g. a PO number or what the payment covers."
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={state.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
