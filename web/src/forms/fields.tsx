import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from 'react';
import { RowEnumField, RowTextAreaField, RowTextField } from './row-fields';
import type { SchemaForm } from './use-schema-form';

/** The keys of `V` whose values are `T`. */
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

interface BoundProps<V extends object, K extends keyof V> {
  form: SchemaForm<V>;
  name: K;
  label: string;
  hint?: ReactNode;
  className?: string;
  required?: boolean;
  /** The issue path the schema and server use, when it is not the field's name (`fee` → `feeCents`). */
  errorPath?: string;
}

/** A bound field's props as a `Row*Field` takes them: the value, its change and its error from the form. */
function bindField<V extends object, K extends KeysOf<V, string>, P extends BoundProps<V, K>>({
  form,
  name,
  errorPath,
  ...rest
}: P) {
  return {
    ...rest,
    error: form.errors[errorPath ?? name],
    value: form.values[name] as string,
    onChange: (value: string) => form.set(name, value as V[K]),
  };
}

// `form` is the bound form here, not the HTML attribute.
type BoundRest<Attributes> = Omit<Attributes, 'form' | 'name' | 'value' | 'onChange'>;

/** A labelled `<input>` bound to a string value of the form (text, date, e-mail, number-as-text…). */
export function TextField<V extends object, K extends KeysOf<V, string>>(
  props: BoundProps<V, K> & BoundRest<InputHTMLAttributes<HTMLInputElement>>,
) {
  return <RowTextField {...bindField<V, K, typeof props>(props)} />;
}

/** A labelled `<textarea>` bound to a string value of the form. */
export function TextAreaField<V extends object, K extends KeysOf<V, string>>(
  props: BoundProps<V, K> & BoundRest<TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  return <RowTextAreaField {...bindField<V, K, typeof props>(props)} />;
}

/** A labelled select over a closed list, bound to a value of the form. */
export function EnumField<V extends object, K extends KeysOf<V, string>>({
  form,
  name,
  errorPath,
  options,
  ...rest
}: BoundProps<V, K> & {
  options: readonly V[K][];
  labels?: Readonly<Record<V[K] & string, string>>;
  disabled?: boolean;
}) {
  return (
    <RowEnumField<V[K] & string>
      {...rest}
      error={form.errors[errorPath ?? name]}
      value={form.values[name] as V[K] & string}
      options={options as readonly (V[K] & string)[]}
      onChange={(value) => form.set(name, value)}
    />
  );
}

/** A ticked-or-not box bound to a boolean value of the form, its error below it. */
export function CheckboxField<V extends object, K extends KeysOf<V, boolean>>({
  form,
  name,
  label,
}: {
  form: SchemaForm<V>;
  name: K;
  label: ReactNode;
}) {
  const errorId = useId();
  const error = form.errors[name];
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.values[name] as boolean}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => form.set(name, event.target.checked as V[K])}
        />
        <span>{label}</span>
      </label>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
