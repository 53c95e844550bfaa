import './field.css';
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  /** Text typed in any script runs its own way (a caption in Arabic reads right to left). */
  dir: 'auto';
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Visible label text differs from its accessible one (e.g. "Contact 2 email"). */
  srPrefix?: string;
  className?: string;
  /** Marks a field that must be filled in, beside its label (and as `aria-required`). */
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its error (from zod or from the server). */
export function Field({ label, error, hint, srPrefix, className, required, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const labelEl = (
    <label className="field__label" htmlFor={id}>
      {srPrefix && <span className="visually-hidden">{srPrefix} </span>}
      {label}
    </label>
  );
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      {required ? (
        // Beside the label, not in it: the control's name stays the label alone.
        <span className="field__label-row">
          {labelEl}
          <span className="field__required" aria-hidden="true">
            Required
          </span>
        </span>
      ) : (
        labelEl
      )}
      {children({
        id,
        dir: 'auto',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="banner banner--error" role="alert">
      {message}
    </div>
  );
}
