import './lead-times-section.css';
import { useId } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { LeadTimes, Settings } from '../../../shared/schemas/settings';
import { UnitField } from '../forms/unit-field';
import { useSettingsForm } from './use-settings-form';
import { FormBanner } from './field';
import { SettingsActions } from './settings-actions';

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
  {
    key: 'reportDueDays',
    label: 'Report due',
    unit: 'days',
    hint: "How long after a deal's last go-live the team is reminded to share its report.",
  },
];

function toText(leadTimes: LeadTimes): Record<LeadTimeKey, string> {
  return {
    draftDueSoonHours: String(leadTimes.draftDueSoonHours),
    publishDueSoonHours: String(leadTimes.publishDueSoonHours),
    invoiceDueSoonDays: String(leadTimes.invoiceDueSoonDays),
    usageRightsEndingDays: String(leadTimes.usageRightsEndingDays),
    reportDueDays: String(leadTimes.reportDueDays),
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
  const { form, save, submitWith } = useSettingsForm(() => toText(settings.leadTimes), {
    savedMessage: 'Alert lead times saved',
  });
  const { values } = form;
  const saved = toText(settings.leadTimes);
  const dirty = FIELDS.some(({ key }) => values[key] !== saved[key]);
  const submit = submitWith((state) => ({
    version: settings.version,
    leadTimes: {
      draftDueSoonHours: toNumber(state.draftDueSoonHours),
      publishDueSoonHours: toNumber(state.publishDueSoonHours),
      invoiceDueSoonDays: toNumber(state.invoiceDueSoonDays),
      usageRightsEndingDays: toNumber(state.usageRightsEndingDays),
      reportDueDays: toNumber(state.reportDueDays),
    },
  }));

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
      <FormBanner message={form.formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <div className="lead-times">
            {FIELDS.map(({ key, label, unit, hint }) => (
              <UnitField
                key={key}
                form={form}
                name={key}
                errorPath={`leadTimes.${key}`}
                label={`${label} (${unit})`}
                hint={values[key].trim() === '0' ? 'Off — no reminder.' : hint}
                unit={unit}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
              />
            ))}
          </div>
        </fieldset>
        {isOwner && (
          <SettingsActions
            dirty={dirty}
            busy={save.isPending}
            saveLabel="Save lead times"
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
