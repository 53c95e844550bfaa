import { useId, useState, type FormEvent } from 'react';
import {
  paymentCreateSchema,
  type Invoice,
  type PaymentCreate,
} from '../../../shared/schemas/invoice';
import { centsToInput, formatMoney, moneyInputError, parseMoney } from '../format';
import { useRecordPayment } from '../resources/invoices';
import { useFormErrors } from '../hooks/use-form-errors';
import { todayIn } from '../time';
import { Dialog } from './dialog';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

/** Offered as suggestions; any text is accepted. */
const PAYMENT_METHODS = ['Bank transfer', 'PayPal', 'Stripe', 'Wise', 'Check', 'Cash'];

export interface PaymentDialogProps {
  invoice: Invoice;
  timeZone: string;
  onClose: () => void;
}

/** Records money received against one invoice; the amount starts at what is still owed. */
export function PaymentDialog({ invoice, timeZone, onClose }: PaymentDialogProps) {
  const formId = useId();
  const methodsId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const { currency, balanceCents } = invoice;
  const [state, setState] = useState(() => ({
    amount: centsToInput(balanceCents, currency),
    paidOn: todayIn(timeZone),
    method: '',
    fee: '',
    note: '',
  }));
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));

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
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
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
    const parsed = paymentCreateSchema.safeParse(payload);
    const issues = parsed.success
      ? []
      : parsed.error.issues.filter((i) => String(i.path) !== 'amountCents');
    const amountError =
      amountCents === undefined
        ? moneyInputError(state.amount, currency)
        : amountCents <= 0
          ? 'Must be more than zero'
          : amountCents > balanceCents
            ? `More than the ${formatMoney(balanceCents, currency)} still owed`
            : null;
    const feeError =
      feeCents === undefined
        ? moneyInputError(state.fee, currency)
        : amountCents !== undefined && feeCents > amountCents
          ? 'More than the payment itself'
          : null;
    if (amountError || feeError || issues.length > 0) {
      fromZod([
        ...issues,
        ...(amountError ? [{ path: 'amountCents', message: amountError }] : []),
        ...(feeError ? [{ path: 'feeCents', message: feeError }] : []),
      ]);
      return;
    }
    save.mutate(payload);
  };

  const typedAmount = parseMoney(state.amount, currency);
  const typedFee = parseMoney(state.fee, currency);
  const feeHint =
    typedFee && typedAmount !== undefined && typedFee <= typedAmount
      ? `${formatMoney(typedAmount - typedFee, currency)} reached you.`
      : 'Optional: what the platform, PayPal, FX or the bank kept before it reached you.';

  return (
    <Dialog
      title="Record payment"
      description={`${invoice.number} · ${invoice.brandName} · ${formatMoney(balanceCents, currency)} owed`}
      onClose={onClose}
      size="small"
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
            {save.isPending ? 'Saving…' : 'Save payment'}
          </button>
        </>
      }
    >
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <Field
          label="Amount"
          error={errors['amountCents'] ?? errors['currency']}
          hint={`In ${currency}, the invoice's currency. A part payment is fine.`}
        >
          {(p) => (
            <div className="input-unit">
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={state.amount}
                onChange={(e) => set('amount', e.target.value)}
                autoFocus
              />
              <span className="input-unit__unit" aria-hidden="true">
                {currency}
              </span>
            </div>
          )}
        </Field>
        <Field label="Paid on" error={errors['paidOn']}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={state.paidOn}
              onChange={(e) => set('paidOn', e.target.value)}
            />
          )}
        </Field>
        <Field label="Fees" error={errors['feeCents']} hint={feeHint}>
          {(p) => (
            <div className="input-unit">
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={state.fee}
                onChange={(e) => set('fee', e.target.value)}
                placeholder="0.00"
              />
              <span className="input-unit__unit" aria-hidden="true">
                {currency}
              </span>
            </div>
          )}
        </Field>
        <Field label="Method" error={errors['method']} hint="e.g. bank transfer, PayPal">
          {(p) => (
            <>
              <input
                {...p}
                type="text"
                list={methodsId}
                value={state.method}
                onChange={(e) => set('method', e.target.value)}
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
        <Field label="Note" error={errors['note']}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={state.note}
              onChange={(e) => set('note', e.target.value)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
