import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from '../components/field';
import { EnumSelect } from './enum-select';
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

function fieldProps<V extends object, K extends keyof V>(props: BoundProps<V, K>) {
  const { form, name, label, hint, className, required, errorPath } = props;
  return { label, hint, className, required, error: form.errors[errorPath ?? String(name)] };
}

type InputRest = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'form' | 'name' | 'value' | 'onChange'
>;

/** A labelled `<input>` bound to a string value of the form (text, date, e-mail, number-as-text…). */
export function TextField<V extends object, K extends KeysOf<V, string>>(
  props: BoundProps<V, K> & InputRest,
) {
  const {
    form,
    name,
    label: _l,
    hint: _h,
    className: _c,
    required: _r,
    errorPath: _e,
    ...rest
  } = props;
  return (
    <Field {...fieldProps(props)}>
      {(control) => (
        <input
          type="text"
          {...rest}
          {...control}
          value={form.values[name] as string}
          onChange={(event) => form.set(name, event.target.value as V[K])}
        />
      )}
    </Field>
  );
}

type TextAreaRest = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'form' | 'name' | 'value' | 'onChange'
>;

/** A labelled `<textarea>` bound to a string value of the form. */
export function TextAreaField<V extends object, K extends KeysOf<V, string>>(
  props: BoundProps<V, K> & TextAreaRest,
) {
  const {
    form,
    name,
    label: _l,
    hint: _h,
    className: _c,
    required: _r,
    errorPath: _e,
    ...rest
  } = props;
  return (
    <Field {...fieldProps(props)}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          value={form.values[name] as string}
          onChange={(event) => form.set(name, event.target.value as V[K])}
        />
      )}
    </Field>
  );
}

/** A labelled select over a closed list, bound to a value of the form. */
export function EnumField<V extends object, K extends KeysOf<V, string>>(
  props: BoundProps<V, K> & {
    options: readonly V[K][];
    labels?: Readonly<Record<V[K] & string, string>>;
    disabled?: boolean;
  },
) {
  const { form, name, options, labels, disabled } = props;
  return (
    <Field {...fieldProps(props)}>
      {(control) => (
        <EnumSelect<V[K] & string>
          {...control}
          disabled={disabled}
          value={form.values[name] as V[K] & string}
          options={options as readonly (V[K] & string)[]}
          labels={labels}
          onChange={(value) => form.set(name, value)}
        />
      )}
    </Field>
  );
}
