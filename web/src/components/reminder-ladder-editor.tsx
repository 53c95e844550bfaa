import { useState } from 'react';
import type { FieldErrors } from '../hooks/use-form-errors';
import { describeOffset } from '../invoice-events';
import { fillTemplate } from '../template-preview';
import { PlusIcon } from './icons';
import './reminder-ladder-editor.css';
import { DangerButton } from './row-actions';
import { bindRow, RowTextField, RowTextAreaField } from '../forms/row-fields';

export interface StepDraft {
  key: string;
  /** As typed: "-3", "0", "7". */
  offsetDays: string;
  subject: string;
  body: string;
}

export interface ReminderLadderEditorProps {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  errors: FieldErrors;
  sample: { creatorName: string; paymentLink: string };
  newKey: () => string;
}

const MAX_STEPS = 12;

/** "-3" → -3; anything not a whole number → NaN, for the schema to name. */
export function parseOffset(text: string): number {
  const trimmed = text.trim().replace('−', '-');
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The reminder steps: when each goes (days from the due day), its subject and body, previewed. */
export function ReminderLadderEditor({
  steps,
  onChange,
  errors,
  sample,
  newKey,
}: ReminderLadderEditorProps) {
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const set = (index: number, patch: Partial<StepDraft>) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const add = () => {
    const last = Math.max(
      0,
      ...steps.map((s) => parseOffset(s.offsetDays)).filter(Number.isFinite),
    );
    onChange([
      ...steps,
      {
        key: newKey(),
        offsetDays: String(last + 7),
        subject: 'Invoice {{invoiceNumber}} is {{daysOverdue}} days overdue',
        body: 'Hi {{payerName}},\n\nInvoice {{invoiceNumber}} ({{balance}}) was due on {{dueOn}}.\n\n{{invoiceUrl}}\n\n{{creatorName}}',
      },
    ]);
  };

  return (
    <fieldset className="form__fieldset ladder">
      <legend className="field__label">Steps</legend>
      {errors['invoiceReminders.steps'] && (
        <p className="field__error">{errors['invoiceReminders.steps']}</p>
      )}
      <ol className="ladder__list">
        {steps.map((step, i) => {
          const offset = parseOffset(step.offsetDays);
          const previewing = previewKey === step.key;
          const field = bindRow({
            row: step,
            srPrefix: `Step ${i + 1}`,
            path: `invoiceReminders.steps.${i}`,
            errors,
            onChange: (patch) => set(i, patch),
          });
          return (
            <li key={step.key} className="ladder__step" data-testid="reminder-step">
              <div className="ladder__head">
                <RowTextField
                  label="Days from due"
                  {...field('offsetDays')}
                  hint={Number.isFinite(offset) ? describeOffset(offset) : 'e.g. -3, 0, 7'}
                  className="ladder__offset"
                  inputMode="numeric"
                />
                <RowTextField
                  label="Subject"
                  {...field('subject')}
                  className="ladder__subject"
                  maxLength={200}
                />
              </div>
              <RowTextAreaField label="Message" {...field('body')} rows={5} />
              <div className="ladder__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={previewing}
                  onClick={() => setPreviewKey(previewing ? null : step.key)}
                >
                  {previewing ? 'Hide preview' : 'Preview'}
                  <span className="visually-hidden"> step {i + 1}</span>
                </button>
                <DangerButton onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> step {i + 1}</span>
                </DangerButton>
              </div>
              {previewing && (
                <div className="template-preview" data-testid="reminder-preview">
                  <p className="template-preview__subject">
                    {fillTemplate(step.subject, { ...sample, offsetDays: offset || 0 })}
                  </p>
                  <p className="prewrap">
                    {fillTemplate(step.body, { ...sample, offsetDays: offset || 0 })}
                  </p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {steps.length < MAX_STEPS && (
        <button type="button" className="button button--small ladder__add" onClick={add}>
          <PlusIcon /> Add step
        </button>
      )}
    </fieldset>
  );
}
