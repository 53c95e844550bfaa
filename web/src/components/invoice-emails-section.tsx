import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/schemas/settings';
import { TextAreaField, TextField } from '../forms/fields';
import { SubmitButton } from '../forms/submit-button';
import { draftKey } from '../invoice-draft';
import {
  PLACEHOLDER_HELP,
  TEMPLATE_PLACEHOLDERS,
  fillTemplate,
  templateSample,
} from '../template-preview';
import { OwnerSettingsForm } from './invoice/owner-settings-form';
import { ReminderLadderEditor, parseOffset, type StepDraft } from './reminder-ladder-editor';
import { Switch } from './switch';
import { useSettingsForm } from './use-settings-form';
import './invoice-emails-section.css';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function toState(settings: Settings) {
  const { invoiceReminders: r, invoiceEmail } = settings;
  return {
    subject: invoiceEmail.subject,
    body: invoiceEmail.body,
    enabled: r.enabled,
    from: r.businessHours.from,
    to: r.businessHours.to,
    weekdays: r.businessHours.weekdays,
    steps: r.steps.map((s): StepDraft => ({
      key: draftKey(),
      ...s,
      offsetDays: String(s.offsetDays),
    })),
  };
}

/** The e-mail invoices go out with, and the reminder ladder that follows them: the owner edits. */
export function InvoiceEmailsSection({ settings, user }: { settings: Settings; user: User }) {
  const isOwner = user.role === 'owner';
  const { form, save } = useSettingsForm(() => toState(settings), {
    savedMessage: 'Invoice e-mails saved',
    conflictMessage: 'Someone else changed the settings. They have been reloaded; try again.',
  });
  const { values: state, set, setValues: setState, errors } = form;
  const [showPreview, setShowPreview] = useState(false);
  const sample = templateSample(settings);

  const submit = () => {
    const patch: SettingsPatch = {
      version: settings.version,
      invoiceEmail: { subject: state.subject, body: state.body },
      invoiceReminders: {
        enabled: state.enabled,
        businessHours: { from: state.from, to: state.to, weekdays: state.weekdays },
        steps: state.steps.map((s) => ({
          offsetDays: parseOffset(s.offsetDays),
          subject: s.subject,
          body: s.body,
        })),
      },
    };
    if (form.check(settingsPatchSchema, patch) !== undefined) save.mutate(patch);
  };

  const toggleDay = (day: number, on: boolean) =>
    setState((s) => ({
      ...s,
      weekdays: on
        ? [...s.weekdays, day].sort((a, b) => a - b)
        : s.weekdays.filter((d) => d !== day),
    }));

  return (
    <OwnerSettingsForm
      id="invoice-emails"
      title="Invoice e-mails and reminders"
      intro={
        <>
          “Send invoice” e-mails the payer this message with the PDF and a link to pay. Reminders
          follow on the days below until the invoice is paid, paused or a payer says it has paid.
          {!settings.emailEnabled &&
            ' E-mail is not set up on this server (SMTP_URL), so nothing is sent yet.'}
        </>
      }
      isOwner={isOwner}
      ownerOnly="Only the workspace owner can change these."
      formError={form.formError}
      onSubmit={submit}
      after={<PlaceholderHelp />}
      actions={<SubmitButton label="Save invoice e-mails" busy={save.isPending} />}
    >
      <h3 className="subsection-title">Invoice e-mail</h3>
      <TextField
        form={form}
        name="subject"
        errorPath="invoiceEmail.subject"
        label="Subject"
        maxLength={200}
      />
      <TextAreaField
        form={form}
        name="body"
        errorPath="invoiceEmail.body"
        label="Message"
        rows={8}
      />
      <button
        type="button"
        className="button button--small ladder__add"
        aria-expanded={showPreview}
        onClick={() => setShowPreview((v) => !v)}
      >
        {showPreview ? 'Hide preview' : 'Preview invoice e-mail'}
      </button>
      {showPreview && (
        <div className="template-preview">
          <p className="template-preview__subject">
            {fillTemplate(state.subject, { ...sample, offsetDays: -30 })}
          </p>
          <p className="prewrap">{fillTemplate(state.body, { ...sample, offsetDays: -30 })}</p>
        </div>
      )}

      <h3 className="subsection-title">Reminders to payers</h3>
      <label className="switch-row">
        <Switch checked={state.enabled} onChange={(enabled) => set('enabled', enabled)} />
        <span>Send reminders</span>
      </label>
      <div className="form-grid">
        <TextField
          form={form}
          name="from"
          errorPath="invoiceReminders.businessHours.from"
          label="Send from"
          type="time"
        />
        <TextField
          form={form}
          name="to"
          errorPath="invoiceReminders.businessHours.to"
          label="Send until"
          type="time"
        />
      </div>
      <fieldset className="weekdays">
        <legend className="field__label">On these days (the workspace’s time zone)</legend>
        {WEEKDAYS.map((name, i) => (
          <label key={name} className="checkbox">
            <input
              type="checkbox"
              checked={state.weekdays.includes(i + 1)}
              onChange={(e) => toggleDay(i + 1, e.target.checked)}
            />
            <span>{name}</span>
          </label>
        ))}
        {errors['invoiceReminders.businessHours.weekdays'] && (
          <p className="field__error">{errors['invoiceReminders.businessHours.weekdays']}</p>
        )}
      </fieldset>
      <ReminderLadderEditor
        steps={state.steps}
        onChange={(steps) => set('steps', steps)}
        errors={errors}
        sample={sample}
        newKey={draftKey}
      />
    </OwnerSettingsForm>
  );
}

function PlaceholderHelp() {
  return (
    <details className="placeholders">
      <summary>Placeholders you can use</summary>
      <dl>
        {TEMPLATE_PLACEHOLDERS.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{PLACEHOLDER_HELP[name]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
