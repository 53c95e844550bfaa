import type { ChangeEvent, InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from '../components/field';
import type { FieldErrors } from '../hooks/use-form-errors';
import { EnumSelect } from './enum-select';

/**
 * Fields over a value the caller holds itself (one row of a list: a rate, a platform, a
 * contact; a payer), not bound to a form by name. `srPrefix` names the row for screen readers
 * ("Rate 2 Price"); `error` is the message at the row's path. The form-bound fields of
 * `./fields` are these with the value, change and error read from the form.
 */
export type RowFieldProps = Omit<FieldProps, 'children'>;

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;
type TextAreaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

interface TextValue {
  value: string;
  onChange: (value: string) => void;
}

/** Splits a text field's props into the `Field`'s and the control's, the change giving the text. */
function splitTextField<P extends RowFieldProps & TextValue>(props: P) {
  const { label, srPrefix, error, hint, className, required, value, onChange, ...rest } = props;
  return {
    field: { label, srPrefix, error, hint, className, required },
    input: {
      ...rest,
      value,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        onChange(event.target.value),
    },
  };
}

/** A labelled text `<input>` of a list row. */
export function RowTextField(props: RowFieldProps & InputRest & TextValue) {
  const { field, input } = splitTextField(props);
  return <Field {...field}>{(control) => <input type="text" {...input} {...control} />}</Field>;
}

/** A labelled `<textarea>` over a string the caller holds. */
export function RowTextAreaField(props: RowFieldProps & TextAreaRest & TextValue) {
  const { field, input } = splitTextField(props);
  return <Field {...field}>{(control) => <textarea {...input} {...control} />}</Field>;
}

/** A labelled select over a closed list, in a list row; the change handler gets the list's type. */
export function RowEnumField<T extends string>({
  options,
  labels,
  disabled,
  value,
  onChange,
  ...field
}: RowFieldProps & {
  value: T;
  options: readonly T[];
  labels?: Readonly<Record<T, string>> | undefined;
  disabled?: boolean | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <EnumSelect<T>
          {...control}
          disabled={disabled}
          value={value}
          options={options}
          labels={labels}
          onChange={onChange}
        />
      )}
    </Field>
  );
}

export interface RowBinding<R extends object> {
  row: R;
  /** Names the row for screen readers: "Rate 2". */
  srPrefix: string;
  /** The row's issue path: `rateCard.1`. */
  path: string;
  errors: FieldErrors;
  onChange: (patch: Partial<R>) => void;
}

/**
 * What each field of one list row repeats, by the row's key: its screen-reader prefix, the
 * error at `path.errorKey`, its value and a change that patches the row:
 * `<RowTextField label="Price" {...field('price', 'priceCents')} />`.
 */
export function bindRow<R extends object>({
  row,
  srPrefix,
  path,
  errors,
  onChange,
}: RowBinding<R>) {
  return <K extends keyof R & string>(key: K, errorKey: string = key) => ({
    srPrefix,
    error: errors[`${path}.${errorKey}`],
    value: row[key],
    onChange: (value: R[K]) => {
      const patch: Partial<R> = {};
      patch[key] = value;
      onChange(patch);
    },
  });
}
