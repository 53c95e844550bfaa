import { INVOICE_STATUS_LABELS, plural } from '../format';
import type { FieldErrors } from '../hooks/use-form-errors';
import { Field } from './field';

export type SettableStatus = 'draft' | 'sent' | 'void';

export interface TermsState {
  /** null while the suggested number is shown untouched. */
  number: string | null;
  currency: string;
  issuedOn: string;
  terms: string;
  /** null while the due day follows the issue day and the terms. */
  dueOn: string | null;
  status: SettableStatus;
  notes: string;
}

export interface InvoiceTermsFieldsProps {
  state: TermsState;
  set: <K extends keyof TermsState>(key: K, value: TermsState[K]) => void;
  errors: FieldErrors;
  /** The number shown (the suggestion while untouched). */
  number: string;
  numberHint: string | undefined;
  dueOn: string;
  termsDays: number;
  isPaid: boolean;
  hasPayments: boolean;
  statusOptions: SettableStatus[];
  currencies: string[];
}

/** Number, status, currency and the issue/terms/due days of the invoice form. */
export function InvoiceTermsFields({
  state,
  set,
  errors,
  number,
  numberHint,
  dueOn,
  termsDays,
  isPaid,
  hasPayments,
  statusOptions,
  currencies,
}: InvoiceTermsFieldsProps) {
  const issueYear = state.issuedOn.slice(0, 4);
  return (
    <>
      <Field label="Invoice number" error={errors['number']} hint={numberHint}>
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
                ? 'Not counted as owed yet; “Send invoice” e-mails it and marks it sent.'
                : state.status === 'void'
                  ? 'Void invoices are kept for the record but owe nothing.'
                  : 'Counted as owed; the payer is reminded as it falls due.'
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
              <button type="button" className="link-button" onClick={() => set('dueOn', null)}>
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
      <Field
        label="Notes"
        error={errors['notes']}
        className="span-2"
        hint="Printed on the invoice, e.g. what the payment covers."
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
    </>
  );
}
