import './repeat-fieldset.css';
import { useState } from 'react';
import {
  deliverableSeriesSchema,
  MAX_OCCURRENCES,
  type Deliverable,
  type DeliverableCreate,
  type Repeat,
} from '../../../../shared/schemas/deliverable';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import type { SchemaForm } from '../../forms/use-schema-form';
import type { FieldErrors } from '../../hooks/use-form-errors';
import { useCreateSeries } from '../../resources/deliverables';
import { Switch } from '../switch';
import { useToast } from '../toast';
import type { DeliverableFormState } from './form-state';

/** The "Repeat" choices as typed (numbers as text until sent). */
export interface RepeatState {
  on: boolean;
  every: string;
  unit: 'day' | 'week';
  ends: 'count' | 'until';
  count: string;
  until: string;
}

export const NO_REPEAT: RepeatState = {
  on: false,
  every: '1',
  unit: 'week',
  ends: 'count',
  count: '4',
  until: '',
};

const UNITS = { options: ['day', 'week'], labels: { day: 'Days', week: 'Weeks' } } as const;
const ENDS = {
  options: ['count', 'until'],
  labels: { count: 'After N times', until: 'On a day' },
} as const;

/** The rule as the series route takes it: text that is not a number goes as NaN, for the schema to name. */
export function repeatRule(state: RepeatState): Repeat {
  return {
    every: Number(state.every.trim() || NaN),
    unit: state.unit,
    ...(state.ends === 'count'
      ? { count: Number(state.count.trim() || NaN) }
      : { until: state.until }),
  };
}

/**
 * A new deliverable's repeat rule and its series write: `submit` answers false
 * when the rule is off (the form saves one deliverable as ever).
 */
export function useRepeat(
  form: SchemaForm<DeliverableFormState>,
  timeZone: string,
  onCreated: (first: Deliverable) => void,
) {
  const toast = useToast();
  const [value, set] = useState(NO_REPEAT);
  const series = useCreateSeries({
    onSuccess: ({ items }) => {
      toast.success(`${items.length} deliverables created`, 'Each one can be moved on its own.');
      if (items[0]) onCreated(items[0]);
    },
    onError: form.fail,
  });
  const submit = (payload: DeliverableCreate): boolean => {
    if (!value.on) return false;
    const body = {
      ...payload,
      publishAt: payload.publishAt ?? undefined,
      repeat: repeatRule(value),
      timeZone,
    };
    const parsed = form.check(deliverableSeriesSchema, body);
    if (parsed) series.mutate({ ...body, publishAt: parsed.publishAt });
    return true;
  };
  return { value, set, submit, busy: series.isPending };
}

/** A new deliverable's "Repeat": every N days or weeks, K times or until a day. */
export function RepeatFieldset({
  value,
  onChange,
  errors,
}: {
  value: RepeatState;
  onChange: (value: RepeatState) => void;
  errors: FieldErrors;
}) {
  const set = (change: Partial<RepeatState>) => onChange({ ...value, ...change });
  // A last day the server finds too far is named at `repeat.until`, one the schema refuses at `repeat.count`.
  const errorOf = (key: string) =>
    errors[`repeat.${key}`] ?? (key === 'until' ? errors['repeat.count'] : undefined);
  const text = (key: 'every' | 'count' | 'until') => ({
    value: value[key],
    onChange: (typed: string) => set({ [key]: typed }),
    error: errorOf(key),
  });
  const choice = <K extends 'unit' | 'ends'>(key: K) => ({
    value: value[key],
    onChange: (picked: RepeatState[K]) => set({ [key]: picked }),
    error: errorOf(key),
  });
  return (
    <fieldset className="repeat">
      <label className="repeat__toggle">
        <Switch checked={value.on} onChange={(on) => set({ on })} />
        <span className="field__label">Repeat</span>
      </label>
      {value.on && (
        <>
          <p className="field__hint">
            Each occurrence is a deliverable of its own that you can move or change alone (at most{' '}
            {MAX_OCCURRENCES}).
          </p>
          <div className="repeat__row">
            <RowTextField label="Every" inputMode="numeric" {...text('every')} />
            <RowEnumField label="Unit" {...UNITS} {...choice('unit')} />
            <RowEnumField label="Ends" {...ENDS} {...choice('ends')} />
            {value.ends === 'count' ? (
              <RowTextField label="Times" inputMode="numeric" {...text('count')} />
            ) : (
              <RowTextField label="Last day" type="date" {...text('until')} />
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
