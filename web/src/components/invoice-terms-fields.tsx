import { INVOICE_STATUS_LABELS, plural } from '../format';
import { EnumSelect } from '../forms/enum-select';
import { TextAreaField, TextField } from '../forms/fields';
import type { SchemaForm } from '../forms/use-schema-form';
import { Field } from './field';
import { RowTextField } from '../forms/row-fields';

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
  form: SchemaForm<TermsState>;
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

function statusHint(isPaid: boolean, hasPayments: boolean, status: SettableStatus): string {
  if (isPaid) return 'Paid in full — the status follows the payments.';
  if (hasPayments) return 'Has payments, so it stays sent until paid in full.';
  if (status === 'draft') {
    return 'Not counted as owed yet; “Send invoice” e-mails it and marks it sent.';
  }
  if (status === 'void') return 'Void invoices are kept for the record but owe nothing.';
  return 'Counted as owed; the payer is reminded as it falls due.';
}

/** Number, status, currency and the issue/terms/due days of the invoice form. */
export function InvoiceTermsFields({
  form,
  number,
  numberHint,
  dueOn,
  termsDays,
  isPaid,
  hasPayments,
  statusOptions,
  currencies,
}: InvoiceTermsFieldsProps) {
  const { values: state, set, errors } = form;
  const issueYear = state.issuedOn.slice(0, 4);
  return (
    <>
      <RowTextField
        label="Invoice number"
        error={errors['number']}
        hint={numberHint}
        value={number}
        placeholder={`INV-${issueYear || 'YYYY'}-…`}
        onChange={(number) => set('number', number)}
        maxLength={40}
        autoComplete="off"
        spellCheck={false}
      />
      <Field
        label="Status"
        error={errors['status']}
        hint={statusHint(isPaid, hasPayments, state.status)}
      >
        {(p) =>
          isPaid ? (
            <input {...p} type="text" value={INVOICE_STATUS_LABELS.paid} readOnly />
          ) : (
            <EnumSelect
              {...p}
              value={state.status}
              options={statusOptions}
              labels={INVOICE_STATUS_LABELS}
              onChange={(status) => set('status', status)}
              disabled={statusOptions.length === 1}
            />
          )
        }
      </Field>
      <Field
        label="Currency"
        error={errors['currency']}
        hint={hasPayments ? 'Fixed: payments were recorded in it.' : undefined}
      >
        {(p) => (
          <EnumSelect
            {...p}
            value={state.currency}
            options={currencies}
            onChange={(currency) => set('currency', currency)}
            disabled={hasPayments}
          />
        )}
      </Field>
      <TextField form={form} name="issuedOn" label="Issued on" type="date" />
      <TextField
        form={form}
        name="terms"
        errorPath="paymentTermsDays"
        label="Payment terms (days)"
        hint={termsDays === 0 ? 'Due on receipt.' : `Net ${state.terms.trim() || '…'}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        step={1}
      />
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
      <TextAreaField
        form={form}
        name="notes"
        label="Notes"
        className="span-2"
        hint="Printed on the invoice, e.g. what the payment covers."
        rows={3}
      />
    </>
  );
}
