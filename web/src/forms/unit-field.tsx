import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, type ControlProps } from '../components/field';
import type { SchemaForm } from './use-schema-form';

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;
type BoundRest = Omit<InputRest, 'form' | 'name'>;

/** An `<input>` with its unit after it ("USD", "%", "days"): the `input-unit` pair. */
export function UnitInput({
  unit,
  value,
  onChange,
  ...rest
}: InputRest & { unit: ReactNode; value: string; onChange: (value: string) => void }) {
  return (
    <div className="input-unit">
      <input
        type="text"
        inputMode="decimal"
        {...rest}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="input-unit__unit" aria-hidden="true">
        {unit}
      </span>
    </div>
  );
}

/** The keys of `V` whose values are strings. */
type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * A labelled amount (or count) with its unit, bound to a string value of the form, like
 * `TextField`: `<UnitField form={form} name="fee" errorPath="feeCents" label="Fees" unit="USD" />`.
 */
export function UnitField<V extends object, K extends StringKeys<V>>({
  form,
  name,
  label,
  hint,
  className,
  errorPath,
  error,
  ...input
}: BoundRest & {
  form: SchemaForm<V>;
  name: K;
  label: string;
  unit: ReactNode;
  hint?: ReactNode;
  className?: string;
  errorPath?: string;
  /** The message shown, when it is not the one at `errorPath` (e.g. either of two paths). */
  error?: string;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      className={className}
      error={error ?? form.errors[errorPath ?? name]}
    >
      {(control: ControlProps) => (
        <UnitInput
          {...input}
          {...control}
          value={form.values[name] as string}
          onChange={(value) => form.set(name, value as V[K])}
        />
      )}
    </Field>
  );
}
