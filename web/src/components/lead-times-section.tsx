import './lead-times-section.css';
import { useId, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  settingsPatchSchema,
  type LeadTimes,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { isApiError } from '../api';
import { useSaveSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

type LeadTimeKey = keyof LeadTimes;

const FIELDS: ReadonlyArray<{ key: LeadTimeKey; label: string; unit: string; hint: string }> = [
  {
    key: 'draftDueSoonHours',
    label: 'Draft due soon',
    unit: 'hours',
    hint: 'How long before a draft is due the team is reminded.',
  },
  {
    key: 'publishDueSoonHours',
    label: 'Go-live coming up',
    unit: 'hours',
    hint: 'How long before a go-live the team is reminded.',
  },
  {
    key: 'invoiceDueSoonDays',
    label: 'Invoice due soon',
    unit: 'days',
    hint: 'How long before a sent invoice falls due.',
  },
  {
    key: 'usageRightsEndingDays',
    label: 'Usage rights ending',
    unit: 'days',
    hint: "How long before a deal's usage rights end.",
  },
];

function toText(leadTimes: LeadTimes): Record<LeadTimeKey, string> {
  return {
    draftDueSoonHours: String(leadTimes.draftDueSoonHours),
    publishDueSoonHours: String(leadTimes.publishDueSoonHours),
    invoiceDueSoonDays: String(leadTimes.invoiceDueSoonDays),
    usageRightsEndingDays: String(leadTimes.usageRightsEndingDays),
  };
}

/** A whole number typed by the user; anything else is left for the schema to reject. */
function toNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The workspace's alert lead times: the owner edits, everyone else reads. */
export function LeadTimesSection({ settings, user }: { settings: Settings; user: User }) {
  const isOwner = user.role === 'owner';
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [state, setState] = useState(() => toText(settings.leadTimes));
  const saved = toText(settings.leadTimes);
  const dirty = FIELDS.some(({ key }) => state[key] !== saved[key]);

  const save = useSaveSettings({
    onSuccess: () => {
      toast.success('Alert lead times saved');
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
      leadTimes: {
        draftDueSoonHours: toNumber(state.draftDueSoonHours),
        publishDueSoonHours: toNumber(state.publishDueSoonHours),
        invoiceDueSoonDays: toNumber(state.invoiceDueSoonDays),
        usageRightsEndingDays: toNumber(state.usageRightsEndingDays),
      },
    };
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(patch);
  };

  return (
    <section className="card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} className="section-title">
        Alerts
      </h2>
      <p className="section-intro muted">
        How far ahead Sponsorcal reminds the team, in the app, by e-mail and in your channels.
        Overdue drafts and missed go-lives are always alerted. Use 0 to turn a reminder off.
      </p>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change the lead times.</p>
      )}
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <div className="lead-times">
            {FIELDS.map(({ key, label, unit, hint }) => (
              <Field
                key={key}
                label={`${label} (${unit})`}
                error={errors[`leadTimes.${key}`]}
                hint={state[key].trim() === '0' ? 'Off — no reminder.' : hint}
              >
                {(p) => (
                  <div className="input-unit">
                    <input
                      {...p}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      value={state[key]}
                      onChange={(e) => setState((s) => ({ ...s, [key]: e.target.value }))}
                    />
                    <span className="input-unit__unit" aria-hidden="true">
                      {unit}
                    </span>
                  </div>
                )}
              </Field>
            ))}
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
              {save.isPending ? 'Saving…' : 'Save lead times'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
