import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface SubmitButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'children'
> {
  /** The button's words, and its words while the write is on its way. */
  label: string;
  busyLabel?: string;
  /** The write is on its way: the button is disabled and says `busyLabel`. */
  busy: boolean;
  /** An icon before the words (a +). */
  icon?: ReactNode;
}

/** A form's primary button: "Save …", then "Saving…" (disabled) while the write is on its way. */
export function SubmitButton({
  label,
  busyLabel = 'Saving…',
  busy,
  icon,
  disabled,
  className = 'button button--primary',
  ...rest
}: SubmitButtonProps) {
  const words = busy ? busyLabel : label;
  return (
    <button {...rest} type="submit" className={className} disabled={busy || disabled === true}>
      {icon ? (
        <>
          {icon} {words}
        </>
      ) : (
        words
      )}
    </button>
  );
}
