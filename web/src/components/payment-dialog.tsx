import { useId } from 'react';
import {
  paymentCreateSchema,
  type Invoice,
  type PaymentCreate,
} from '../../../shared/schemas/invoice';
import { centsToInput, formatMoney, moneyInputError, parseMoney } from '../format';
import { TextAreaField, TextField } from '../forms/fields';
import { FormDialog } from '../forms/form-dialog';
import { UnitField } from '../forms/unit-field';
import { useSchemaForm } from '../forms/use-schema-form';
import { useRecordPayment } from '../resources/invoices';
import { todayIn } from '../time';
import { Field } from './field';
import { useToast } from './toast';
import { writeDialogProps } from '../forms/write-dialog';

/** Offered as suggestions; any text is accepted. */
const PAYMENT_METHODS = ['Bank transfer', 'PayPal', 'Stripe', 'Wise', 'Check', 'Cash'];

export interface PaymentDialogProps {
  invoice: Invoice;
  timeZone: string;
  onClose: () => void;
}

/** Why a typed amount and fee cannot be recorded; the schema cannot see these. */
function amountIssues(invoice: Invoice, amount: string, fee: string) {
  const { currency, balanceCents } = invoice;
  const amountCents = parseMoney(amount, currency);
  const feeCents = parseMoney(fee, currency);
  const amountError =
    amountCents === undefined
      ? moneyInputError(amount, currency)
      : amountCents <= 0
        ? 'Must be more than zero'
        : amountCents > balanceCents
          ? `More than the ${formatMoney(balanceCents, currency)} still owed`
          : null;
  const feeError =
    feeCents === undefined
      ? moneyInputError(fee, currency)
      : amountCents !== undefined && feeCents > amountCents
        ? 'More than the payment itself'
        : null;
  return [
    ...(amountError ? [{ path: 'amountCents', message: amountError }] : []),
    ...(feeError ? [{ path: 'feeCents', message: feeError }] : []),
  ];
}

/** Records money received against one invoice; the amount starts at what is still owed. */
export function PaymentDialog({ invoice, timeZone, onClose }: PaymentDialogProps) {
  const methodsId = useId();
  const toast = useToast();
  const { currency, balanceCents } = invoice;
  const form = useSchemaForm(() => ({
    amount: centsToInput(balanceCents, currency),
    paidOn: todayIn(timeZone),
    method: '',
    fee: '',
    note: '',
  }));
  const { values: state, errors } = form;

  const save = useRecordPayment(invoice.id, {
    onSuccess: (saved, json) => {
      toast.success(
        `Payment of ${formatMoney(json.amountCents, currency)} recorded`,
        saved.status === 'paid'
          ? `Invoice ${saved.number} is paid in full.`
          : `${formatMoney(saved.balanceCents, currency)} still owed on ${saved.number}.`,
      );
      onClose();
    },
    onError: form.fail,
  });

  const submit = () => {
    const amountCents = parseMoney(state.amount, currency);
    const feeCents = parseMoney(state.fee, currency);
    const payload: PaymentCreate = {
      amountCents: amountCents ?? -1,
      currency,
      paidOn: state.paidOn,
      ...(state.method.trim() ? { method: state.method.trim() } : {}),
      ...(state.note.trim() ? { note: state.note } : {}),
      ...(feeCents ? { feeCents } : {}),
    };
    const extra = amountIssues(invoice, state.amount, state.fee);
    if (form.check(paymentCreateSchema, payload, extra) !== undefined) save.mutate(payload);
  };

  const typedAmount = parseMoney(state.amount, currency);
  const typedFee = parseMoney(state.fee, currency);
  const feeHint =
    typedFee && typedAmount !== undefined && typedFee <= typedAmount
      ? `${formatMoney(typedAmount - typedFee, currency)} reached you.`
      : 'Optional: what the platform, PayPal, FX or the bank kept before it reached you.';

  return (
    <FormDialog
      {...writeDialogProps(form, save, submit)}
      title="Record payment"
      description={`${invoice.number} · ${invoice.brandName} · ${formatMoney(balanceCents, currency)} owed`}
      onClose={onClose}
      size="small"
      submitLabel="Save payment"
    >
      <UnitField
        form={form}
        name="amount"
        label="Amount"
        unit={currency}
        error={errors['amountCents'] ?? errors['currency']}
        hint={`In ${currency}, the invoice's currency. A part payment is fine.`}
        autoFocus
      />
      <TextField form={form} name="paidOn" label="Paid on" type="date" />
      <UnitField
        form={form}
        name="fee"
        errorPath="feeCents"
        label="Fees"
        unit={currency}
        hint={feeHint}
        placeholder="0.00"
      />
      <Field label="Method" error={errors['method']} hint="e.g. bank transfer, PayPal">
        {(p) => (
          <>
            <input
              {...p}
              type="text"
              list={methodsId}
              value={state.method}
              onChange={(e) => form.set('method', e.target.value)}
              maxLength={100}
            />
            <datalist id={methodsId}>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <TextAreaField form={form} name="note" label="Note" rows={2} />
    </FormDialog>
  );
}
