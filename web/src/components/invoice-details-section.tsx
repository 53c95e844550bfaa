import { useEffect } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { TextAreaField, TextField } from '../forms/fields';
import { SubmitButton } from '../forms/submit-button';
import { UnitField } from '../forms/unit-field';
import { OwnerSettingsForm } from './invoice/owner-settings-form';
import { useSettingsForm } from './use-settings-form';

interface FormState {
  legalName: string;
  address: string;
  email: string;
  taxId: string;
  paymentInstructions: string;
  paymentLink: string;
  terms: string;
}

function toState(settings: Settings): FormState {
  return {
    ...settings.creator,
    terms: String(settings.defaultPaymentTermsDays),
  };
}

/** A whole number typed by the user; anything else is left for the schema to reject. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Who the invoices are from (printed on every invoice) and the default payment
 * terms: the owner edits, everyone else reads.
 */
export function InvoiceDetailsSection({ settings, user }: { settings: Settings; user: User }) {
  const isOwner = user.role === 'owner';
  const { form, save } = useSettingsForm(() => toState(settings), {
    savedMessage: 'Invoice details saved',
  });
  const state = form.values;
  const saved = toState(settings);
  const dirty = (Object.keys(saved) as Array<keyof FormState>).some((k) => state[k] !== saved[k]);

  // `/settings#invoice-details` (from a printed invoice missing its details) lands here.
  useEffect(() => {
    if (window.location.hash !== '#invoice-details') return;
    const frame = window.requestAnimationFrame(() =>
      document.getElementById('invoice-details')?.scrollIntoView({ block: 'start' }),
    );
    return () => window.cancelAnimationFrame(frame);
  }, []);

  const submit = () => {
    const patch: SettingsPatch = {
      version: settings.version,
      creator: {
        legalName: state.legalName,
        address: state.address,
        email: state.email.trim(),
        taxId: state.taxId,
        paymentInstructions: state.paymentInstructions,
        paymentLink: state.paymentLink.trim(),
      },
      defaultPaymentTermsDays: toNumber(state.terms),
    };
    if (form.check(settingsPatchSchema, patch) !== undefined) save.mutate(patch);
  };

  return (
    <OwnerSettingsForm
      id="invoice-details"
      title="Invoice details"
      intro="Printed on every invoice: who it is from and how to pay. New invoices fall due after the default payment terms."
      isOwner={isOwner}
      ownerOnly="Only the workspace owner can change these details."
      formError={form.formError}
      onSubmit={submit}
      actions={
        <>
          {dirty && (
            <button
              type="button"
              className="button"
              onClick={() => {
                form.clear();
                form.setValues(saved);
              }}
            >
              Reset
            </button>
          )}
          <SubmitButton label="Save invoice details" busy={save.isPending} disabled={!dirty} />
        </>
      }
    >
      <div className="form-grid">
        <TextField
          form={form}
          name="legalName"
          errorPath="creator.legalName"
          label="Legal name"
          hint="Your name or your business’s, as it should appear on invoices."
          maxLength={200}
          autoComplete="organization"
        />
        <TextField
          form={form}
          name="email"
          errorPath="creator.email"
          label="E-mail"
          hint="Where brands reply about payment."
          type="email"
          maxLength={254}
          autoComplete="email"
        />
        <TextAreaField
          form={form}
          name="address"
          errorPath="creator.address"
          label="Address"
          className="span-2"
          rows={4}
          maxLength={1000}
          autoComplete="street-address"
        />
        <TextField
          form={form}
          name="taxId"
          errorPath="creator.taxId"
          label="Tax ID"
          hint="VAT number, EIN or similar; left off the invoice when empty."
          maxLength={100}
        />
        <UnitField
          form={form}
          name="terms"
          errorPath="defaultPaymentTermsDays"
          label="Default payment terms (days)"
          hint={toNumber(state.terms) === 0 ? 'Due on receipt.' : 'e.g. 30 for net-30.'}
          unit="days"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          step={1}
        />
        <TextAreaField
          form={form}
          name="paymentInstructions"
          errorPath="creator.paymentInstructions"
          label="Payment instructions"
          className="span-2"
          hint="Bank details, printed under the totals."
          rows={4}
          maxLength={2000}
        />
        <TextField
          form={form}
          name="paymentLink"
          errorPath="creator.paymentLink"
          label="Payment link"
          className="span-2"
          hint="Optional: a Stripe, PayPal.me or Wise link, shown as a “Pay online” button on the payer’s page and in e-mails."
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={2000}
        />
      </div>
    </OwnerSettingsForm>
  );
}
