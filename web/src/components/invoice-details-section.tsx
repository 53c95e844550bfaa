import { useEffect, useId } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Settings } from '../../../shared/schemas/settings';
import { TextAreaField, TextField } from '../forms/fields';
import { Field, FormBanner } from './field';
import { SettingsActions } from './settings-actions';
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
  const formId = useId();
  const { form, save, submitWith } = useSettingsForm(() => toState(settings), {
    savedMessage: 'Invoice details saved',
  });
  const { values } = form;
  const saved = toState(settings);
  const dirty = (Object.keys(saved) as Array<keyof FormState>).some((k) => values[k] !== saved[k]);

  // `/settings#invoice-details` (from a printed invoice missing its details) lands here.
  useEffect(() => {
    if (window.location.hash !== '#invoice-details') return;
    const frame = window.requestAnimationFrame(() =>
      document.getElementById('invoice-details')?.scrollIntoView({ block: 'start' }),
    );
    return () => window.cancelAnimationFrame(frame);
  }, []);

  const submit = submitWith((state) => ({
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
  }));

  return (
    <section id="invoice-details" className="card card--anchor" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="section-title">
        Invoice details
      </h2>
      <p className="section-intro muted">
        Printed on every invoice: who it is from and how to pay. New invoices fall due after the
        default payment terms.
      </p>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change these details.</p>
      )}
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <div className="form-grid">
            <TextField
              form={form}
              name="legalName"
              label="Legal name"
              errorPath="creator.legalName"
              hint="Your name or your business’s, as it should appear on invoices."
              maxLength={200}
              autoComplete="organization"
            />
            <TextField
              form={form}
              name="email"
              label="E-mail"
              errorPath="creator.email"
              hint="Where brands reply about payment."
              type="email"
              maxLength={254}
              autoComplete="email"
            />
            <TextAreaField
              form={form}
              name="address"
              label="Address"
              errorPath="creator.address"
              className="span-2"
              rows={4}
              maxLength={1000}
              autoComplete="street-address"
            />
            <TextField
              form={form}
              name="taxId"
              label="Tax ID"
              errorPath="creator.taxId"
              hint="VAT number, EIN or similar; left off the invoice when empty."
              maxLength={100}
            />
            <Field
              label="Default payment terms (days)"
              error={form.errors['defaultPaymentTermsDays']}
              hint={toNumber(values.terms) === 0 ? 'Due on receipt.' : 'e.g. 30 for net-30.'}
            >
              {(p) => (
                <div className="input-unit">
                  <input
                    {...p}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={365}
                    step={1}
                    value={values.terms}
                    onChange={(e) => form.set('terms', e.target.value)}
                  />
                  <span className="input-unit__unit" aria-hidden="true">
                    days
                  </span>
                </div>
              )}
            </Field>
            <TextAreaField
              form={form}
              name="paymentInstructions"
              label="Payment instructions"
              errorPath="creator.paymentInstructions"
              className="span-2"
              hint="Bank details, printed under the totals."
              rows={4}
              maxLength={2000}
            />
            <TextField
              form={form}
              name="paymentLink"
              label="Payment link"
              errorPath="creator.paymentLink"
              className="span-2"
              hint="Optional: a Stripe, PayPal.me or Wise link, shown as a “Pay online” button on the payer’s page and in e-mails."
              type="url"
              inputMode="url"
              placeholder="https://"
              maxLength={2000}
            />
          </div>
        </fieldset>
        {isOwner && (
          <SettingsActions
            dirty={dirty}
            busy={save.isPending}
            saveLabel="Save invoice details"
            onReset={() => {
              form.clear();
              form.setValues(saved);
            }}
          />
        )}
      </form>
    </section>
  );
}
