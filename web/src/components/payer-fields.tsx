import './payer-fields.css';
import type { Payer } from '../../../shared/schemas/billing';
import type { FieldErrors } from '../hooks/use-form-errors';
import { RowTextAreaField, RowTextField } from '../forms/row-fields';
import { emptyPayer, payerToDraft, type PayerDraft } from '../invoice-draft';

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
      <div className="payer form__fieldset span-2" data-testid="payer">
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
    <fieldset className="payer payer--own form__fieldset span-2" data-testid="payer">
      <legend className="field__label">Bill to</legend>
      <div className="form-grid">
        <RowTextField
          label="Payer name"
          error={errors['payer.name']}
          required
          value={payer.name}
          onChange={(name) => set('name', name)}
          maxLength={200}
          autoComplete="organization"
        />
        <RowTextField
          label="Billing e-mails"
          error={emailError}
          hint="Where the invoice and reminders go; separate several with commas."
          inputMode="email"
          value={payer.emails}
          onChange={(emails) => set('emails', emails)}
          autoComplete="off"
          spellCheck={false}
        />
        <RowTextAreaField
          label="Billing address"
          error={errors['payer.address']}
          rows={3}
          value={payer.address}
          onChange={(address) => set('address', address)}
          maxLength={1000}
        />
        <RowTextField
          label="Payer tax ID"
          error={errors['payer.taxId']}
          value={payer.taxId}
          onChange={(taxId) => set('taxId', taxId)}
          maxLength={100}
        />
      </div>
      <button type="button" className="link-button" onClick={() => onChange(null)}>
        Use the payer from {inheritedFrom}
      </button>
    </fieldset>
  );
}
