import { useId, useState, type FormEvent } from 'react';
import {
  remittanceCreateSchema,
  type PublicInvoice,
  type RemittanceCreate,
} from '../../../shared/schemas/getting-paid';
import { isApiError } from '../api';
import { centsToInput, moneyInputError, parseMoney } from '../format';
import { useReportPaid } from '../resources/invoice-links';
import { useFormErrors } from '../hooks/use-form-errors';
import { UnitInput } from '../forms/unit-field';
import { Field, FormBanner } from './field';
import { SubmitButton } from '../forms/submit-button';
import { RowTextField } from '../forms/row-fields';

/** Today in the payer's own zone: the day they paid is theirs. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface PublicPaidFormProps {
  token: string;
  invoice: PublicInvoice;
  /** The link stopped working meanwhile. */
  onGone: () => void;
}

/** "We've paid": amount (the balance), day and reference, for the creator to confirm. */
export function PublicPaidForm({ token, invoice, onGone }: PublicPaidFormProps) {
  const formId = useId();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [amount, setAmount] = useState(() => centsToInput(invoice.balanceCents, invoice.currency));
  const [paidOn, setPaidOn] = useState(localToday);
  const [reference, setReference] = useState('');
  const report = useReportPaid(token);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const cents = parseMoney(amount, invoice.currency);
    const json: RemittanceCreate = {
      amountCents: cents ?? -1,
      paidOn,
      reference: reference.trim(),
    };
    const parsed = remittanceCreateSchema.safeParse(json);
    if (cents === undefined || !parsed.success) {
      fromZod([
        ...(parsed.success ? [] : parsed.error.issues),
        ...(cents === undefined
          ? [{ path: 'amountCents', message: moneyInputError(amount, invoice.currency) }]
          : []),
      ]);
      return;
    }
    report.mutate(json, {
      onError: (error) => {
        if (isApiError(error, 404)) onGone();
        else if (isApiError(error, 429)) {
          setFormError('Too many notices for this invoice today. Please try again tomorrow.');
        } else fromError(error);
      },
    });
  };

  return (
    <section className="pay-section" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="pay-section__title">
        Already paid?
      </h2>
      <p className="muted">
        Tell {invoice.creator.name} when and how much you paid, so they can look out for it.
      </p>
      <FormBanner message={formError} />
      <form id={formId} className="form pay-paid" onSubmit={submit} noValidate>
        <Field label="Amount" error={errors['amountCents']} hint={`In ${invoice.currency}.`}>
          {(p) => <UnitInput {...p} unit={invoice.currency} value={amount} onChange={setAmount} />}
        </Field>
        <RowTextField
          label="Paid on"
          error={errors['paidOn']}
          type="date"
          value={paidOn}
          onChange={setPaidOn}
        />
        <RowTextField
          label="Reference"
          error={errors['reference']}
          hint="Optional: the transfer’s reference or transaction ID."
          className="pay-paid__wide"
          value={reference}
          onChange={setReference}
          maxLength={200}
          autoComplete="off"
        />
        <SubmitButton
          label="We’ve paid"
          busy={report.isPending}
          busyLabel="Sending…"
          className="button button--primary pay-paid__wide"
        />
      </form>
    </section>
  );
}
