import type { InputHTMLAttributes } from 'react';
import { Field } from '../components/field';
import { EnumSelect } from './enum-select';

/**
 * Fields over a value the caller holds itself (one row of a list: a rate, a platform, a
 * contact), not bound to a form by name. `srPrefix` names the row for screen readers
 * ("Rate 2 Price"); `error` is the message at the row's path.
 */
interface RowFieldProps {
  label: string;
  srPrefix?: string;
  error?: string | undefined;
  className?: string;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** A labelled text `<input>` of a list row. */
export function RowTextField({
  label,
  srPrefix,
  error,
  className,
  value,
  onChange,
  ...rest
}: RowFieldProps & InputRest & { value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} srPrefix={srPrefix} error={error} className={className}>
      {(control) => (
        <input
          type="text"
          {...rest}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled select over a closed list, in a list row; the change handler gets the list's type. */
export function RowEnumField<T extends string>({
  label,
  srPrefix,
  error,
  className,
  value,
  options,
  labels,
  onChange,
}: RowFieldProps & {
  value: T;
  options: readonly T[];
  labels?: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}) {
  return (
    <Field label={label} srPrefix={srPrefix} error={error} className={className}>
      {(control) => (
        <EnumSelect<T>
          {...control}
          value={value}
          options={options}
          labels={labels}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
