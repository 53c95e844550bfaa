import { useEffect, useId, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { isApiError } from '../api';
import { useSaveSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

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
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [state, setState] = useState(() => toState(settings));
  const saved = toState(settings);
  const dirty = (Object.keys(saved) as Array<keyof FormState>).some((k) => state[k] !== saved[k]);
  const set = (key: keyof FormState, value: string) => setState((s) => ({ ...s, [key]: value }));

  // `/settings#invoice-details` (from a printed invoice missing its details) lands here.
  useEffect(() => {
    if (window.location.hash !== '#invoice-details') return;
    const frame = window.requestAnimationFrame(() =>
      document.getElementById('invoice-details')?.scrollIntoView({ block: 'start' }),
    );
    return () => window.cancelAnimationFrame(frame);
  }, []);

  const save = useSaveSettings({
    onSuccess: () => {
      toast.success('Invoice details saved');
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        setFormError(
          'Someone else changed the settings. They have been reloaded; make your change again.',
        );
        return;
      }
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
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
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(patch);
  };

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
      <FormBanner message={formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <div className="form-grid">
            <Field
              label="Legal name"
              error={errors['creator.legalName']}
              hint="Your name or your business’s, as it should appear on invoices."
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={state.legalName}
                  onChange={(e) => set('legalName', e.target.value)}
                  maxLength={200}
                  autoComplete="organization"
                />
              )}
            </Field>
            <Field
              label="E-mail"
              error={errors['creator.email']}
              hint="Where brands reply about payment."
            >
              {(p) => (
                <input
                  {...p}
                  type="email"
                  value={state.email}
                  onChange={(e) => set('email', e.target.value)}
                  maxLength={254}
                  autoComplete="email"
                />
              )}
            </Field>
            <Field label="Address" error={errors['creator.address']} className="span-2">
              {(p) => (
                <textarea
                  {...p}
                  rows={4}
                  value={state.address}
                  onChange={(e) => set('address', e.target.value)}
                  maxLength={1000}
                  autoComplete="street-address"
                />
              )}
            </Field>
            <Field
              label="Tax ID"
              error={errors['creator.taxId']}
              hint="VAT number, EIN or similar; left off the invoice when empty."
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={state.taxId}
                  onChange={(e) => set('taxId', e.target.value)}
                  maxLength={100}
                />
              )}
            </Field>
            <Field
              label="Default payment terms (days)"
              error={errors['defaultPaymentTermsDays']}
              hint={toNumber(state.terms) === 0 ? 'Due on receipt.' : 'e.g. 30 for net-30.'}
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
                    value={state.terms}
                    onChange={(e) => set('terms', e.target.value)}
                  />
                  <span className="input-unit__unit" aria-hidden="true">
                    days
                  </span>
                </div>
              )}
            </Field>
            <Field
              label="Payment instructions"
              error={errors['creator.paymentInstructions']}
              className="span-2"
              hint="Bank details, printed under the totals."
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={4}
                  value={state.paymentInstructions}
                  onChange={(e) => set('paymentInstructions', e.target.value)}
                  maxLength={2000}
                />
              )}
            </Field>
            <Field
              label="Payment link"
              error={errors['creator.paymentLink']}
              className="span-2"
              hint="Optional: a Stripe, PayPal.me or Wise link, shown as a “Pay online” button on the payer’s page and in e-mails."
            >
              {(p) => (
                <input
                  {...p}
                  type="url"
                  inputMode="url"
                  value={state.paymentLink}
                  onChange={(e) => set('paymentLink', e.target.value)}
                  placeholder="https://"
                  maxLength={2000}
                />
              )}
            </Field>
          </div>
        </fieldset>
        {isOwner && (
          <div className="form__actions">
            {dirty && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  clear();
                  setState(saved);
                }}
              >
                Reset
              </button>
            )}
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending || !dirty}
            >
              {save.isPending ? 'Saving…' : 'Save invoice details'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
