import { useId, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Settings } from '../../../shared/schemas/settings';
import { TextAreaField, TextField } from '../forms/fields';
import { draftKey } from '../invoice-draft';
import { PLACEHOLDER_HELP, TEMPLATE_PLACEHOLDERS, fillTemplate } from '../template-preview';
import { FormBanner } from './field';
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
  const formId = useId();
  const { form, save, submitWith } = useSettingsForm(() => toState(settings), {
    savedMessage: 'Invoice e-mails saved',
    conflictMessage: 'Someone else changed the settings. They have been reloaded; try again.',
  });
  const { values: state, errors, setValues: setState } = form;
  const [showPreview, setShowPreview] = useState(false);
  const sample = {
    creatorName: settings.creator.legalName || settings.name,
    paymentLink: settings.creator.paymentLink,
  };

  const submit = submitWith((draft) => ({
    version: settings.version,
    invoiceEmail: { subject: draft.subject, body: draft.body },
    invoiceReminders: {
      enabled: draft.enabled,
      businessHours: { from: draft.from, to: draft.to, weekdays: draft.weekdays },
      steps: draft.steps.map((s) => ({
        offsetDays: parseOffset(s.offsetDays),
        subject: s.subject,
        body: s.body,
      })),
    },
  }));

  const toggleDay = (day: number, on: boolean) =>
    setState((s) => ({
      ...s,
      weekdays: on
        ? [...s.weekdays, day].sort((a, b) => a - b)
        : s.weekdays.filter((d) => d !== day),
    }));

  return (
    <section id="invoice-emails" className="card card--anchor" aria-labelledby={`${formId}-t`}>
      <h2 id={`${formId}-t`} className="section-title">
        Invoice e-mails and reminders
      </h2>
      <p className="section-intro muted">
        “Send invoice” e-mails the payer this message with the PDF and a link to pay. Reminders
        follow on the days below until the invoice is paid, paused or a payer says it has paid.
        {!settings.emailEnabled &&
          ' E-mail is not set up on this server (SMTP_URL), so nothing is sent yet.'}
      </p>
      {!isOwner && (
        <p className="banner banner--info">Only the workspace owner can change these.</p>
      )}
      <FormBanner message={form.formError} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!isOwner}>
          <h3 className="subsection-title">Invoice e-mail</h3>
          <TextField
            form={form}
            name="subject"
            label="Subject"
            errorPath="invoiceEmail.subject"
            maxLength={200}
          />
          <TextAreaField
            form={form}
            name="body"
            label="Message"
            errorPath="invoiceEmail.body"
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
            <Switch checked={state.enabled} onChange={(enabled) => form.set('enabled', enabled)} />
            <span>Send reminders</span>
          </label>
          <div className="form-grid">
            <TextField
              form={form}
              name="from"
              label="Send from"
              errorPath="invoiceReminders.businessHours.from"
              type="time"
            />
            <TextField
              form={form}
              name="to"
              label="Send until"
              errorPath="invoiceReminders.businessHours.to"
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
            onChange={(steps) => form.set('steps', steps)}
            errors={errors}
            sample={sample}
            newKey={draftKey}
          />
        </fieldset>
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
        {isOwner && (
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save invoice e-mails'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
