import type { Payer } from '../../../shared/schemas/billing';
import type { FieldErrors } from '../hooks/use-form-errors';
import { emptyPayer, payerToDraft, type PayerDraft } from '../invoice-draft';
import { Field } from './field';

export interface PayerFieldsProps {
  /** null: inherited. */
  payer: PayerDraft | null;
  onChange: (next: PayerDraft | null) => void;
  /** Who pays when nothing is set here (the deal's payer, or the brand with its billing contacts). */
  inherited: Payer | null;
  /** Where the inherited payer comes from: "the deal", "the brand". */
  inheritedFrom: string;
  errors: FieldErrors;
}

/** Who an invoice is billed to: inherited by default, or someone else (an agency, say). */
export function PayerFields({
  payer,
  onChange,
  inherited,
  inheritedFrom,
  errors,
}: PayerFieldsProps) {
  const set = (key: keyof PayerDraft, value: string) =>
    onChange({ ...(payer ?? emptyPayer()), [key]: value });
  const emailError =
    errors['payer.emails'] ??
    Object.entries(errors).find(([k]) => k.startsWith('payer.emails.'))?.[1];

  if (payer === null) {
    return (
      <div className="payer span-2" data-testid="payer">
        <p className="field__label">Bill to</p>
        <div className="payer__inherited">
          {inherited ? (
            <div>
              <p className="payer__name">{inherited.name}</p>
              <p className="muted small">
                {inherited.emails.length > 0
                  ? inherited.emails.join(', ')
                  : 'No billing e-mail yet: add one to send the invoice.'}
              </p>
            </div>
          ) : (
            <p className="muted">The payer set on {inheritedFrom}.</p>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange(inherited ? payerToDraft(inherited) : emptyPayer())}
          >
            Bill someone else
          </button>
        </div>
        <p className="field__hint">From {inheritedFrom}; it follows any change made there.</p>
      </div>
    );
  }

  return (
    <fieldset className="payer payer--own span-2" data-testid="payer">
      <legend className="field__label">Bill to</legend>
      <div className="form-grid">
        <Field label="Payer name" error={errors['payer.name']} required>
          {(p) => (
            <input
              {...p}
              type="text"
              value={payer.name}
              onChange={(e) => set('name', e.target.value)}
              maxLength={200}
              autoComplete="organization"
            />
          )}
        </Field>
        <Field
          label="Billing e-mails"
          error={emailError}
          hint="Where the invoice and reminders go; separate several with commas."
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="email"
              value={payer.emails}
              onChange={(e) => set('emails', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label="Billing address" error={errors['payer.address']}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={payer.address}
              onChange={(e) => set('address', e.target.value)}
              maxLength={1000}
            />
          )}
        </Field>
        <Field label="Payer tax ID" error={errors['payer.taxId']}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={payer.taxId}
              onChange={(e) => set('taxId', e.target.value)}
              maxLength={100}
            />
          )}
        </Field>
      </div>
      <button type="button" className="link-button" onClick={() => onChange(null)}>
        Use the payer from {inheritedFrom}
      </button>
    </fieldset>
  );
}
