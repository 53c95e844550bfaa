import { useId } from 'react';
import type { LadderOverride } from '../../../shared/schemas/billing';
import type { FieldErrors } from '../hooks/use-form-errors';
import { draftKey } from '../invoice-draft';
import { ReminderLadderEditor, parseOffset, type StepDraft } from './reminder-ladder-editor';

/** Whose ladder reminds a payer: the one inherited, none, or one of its own. */
export type LadderMode = 'inherit' | 'off' | 'own';

export interface LadderOverrideState {
  mode: LadderMode;
  steps: StepDraft[];
}

interface SavedLadder {
  enabled: boolean;
  steps: ReadonlyArray<{ offsetDays: number; subject: string; body: string }>;
}

export function toStepDrafts(steps: SavedLadder['steps']): StepDraft[] {
  return steps.map((s) => ({ key: draftKey(), ...s, offsetDays: String(s.offsetDays) }));
}

/** A saved override (null: inherited) as the form holds it. */
export function toLadderState(override: SavedLadder | null): LadderOverrideState {
  if (!override) return { mode: 'inherit', steps: [] };
  return { mode: override.enabled ? 'own' : 'off', steps: toStepDrafts(override.steps) };
}

/** What the API takes: null to inherit, disabled to stop reminders, else the steps as typed. */
export function fromLadderState(state: LadderOverrideState): LadderOverride {
  if (state.mode === 'inherit') return null;
  if (state.mode === 'off') return { enabled: false, steps: [] };
  return {
    enabled: true,
    steps: state.steps.map((s) => ({
      offsetDays: parseOffset(s.offsetDays),
      subject: s.subject,
      body: s.body,
    })),
  };
}

/** An own ladder needs a step; "Off" says no reminders more plainly than an empty ladder. */
export function ladderStateIssues(state: LadderOverrideState) {
  return state.mode === 'own' && state.steps.length === 0
    ? [{ path: 'invoiceReminders.steps', message: 'Add a step, or choose Off' }]
    : [];
}

export interface LadderOverrideFieldsProps {
  legend: string;
  /** The first choice's label, e.g. "Workspace default". */
  inheritLabel: string;
  /** What the inherited ladder is, in words. */
  inheritHint: string;
  state: LadderOverrideState;
  onChange: (state: LadderOverrideState) => void;
  /** The steps an own ladder starts from: those it would otherwise inherit. */
  seedSteps: () => StepDraft[];
  errors: FieldErrors;
  sample: { creatorName: string; paymentLink: string };
  disabled?: boolean;
}

/** The three choices for a brand's or an invoice's reminders, with the steps of an own ladder. */
export function LadderOverrideFields({
  legend,
  inheritLabel,
  inheritHint,
  state,
  onChange,
  seedSteps,
  errors,
  sample,
  disabled,
}: LadderOverrideFieldsProps) {
  const name = useId();
  const choices: { mode: LadderMode; label: string }[] = [
    { mode: 'inherit', label: inheritLabel },
    { mode: 'off', label: 'Off' },
    { mode: 'own', label: 'Own ladder' },
  ];
  const choose = (mode: LadderMode) =>
    onChange({
      mode,
      steps: mode === 'own' && state.steps.length === 0 ? seedSteps() : state.steps,
    });
  const hint =
    state.mode === 'inherit'
      ? inheritHint
      : state.mode === 'off'
        ? 'No reminders are sent; sending the invoice itself still works.'
        : 'These steps replace the inherited ones.';

  return (
    <fieldset className="ladder-choice" disabled={disabled} data-testid="ladder-choice">
      <legend className="subsection-title">{legend}</legend>
      <div className="ladder-choice__options">
        {choices.map((c) => (
          <label key={c.mode} className="checkbox">
            <input
              type="radio"
              name={name}
              value={c.mode}
              checked={state.mode === c.mode}
              onChange={() => choose(c.mode)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <p className="muted small">{hint}</p>
      {errors['invoiceReminders'] && <p className="field__error">{errors['invoiceReminders']}</p>}
      {state.mode === 'own' && (
        <ReminderLadderEditor
          steps={state.steps}
          onChange={(steps) => onChange({ ...state, steps })}
          errors={errors}
          sample={sample}
          newKey={draftKey}
        />
      )}
    </fieldset>
  );
}
