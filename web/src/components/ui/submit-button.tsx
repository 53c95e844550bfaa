import type { ReactNode } from 'react';

export interface SubmitButtonProps {
  /** The write is on its way: the button is disabled and says `busyLabel`. */
  busy: boolean;
  /** What the button says while busy, e.g. "Signing in…". */
  busyLabel: string;
  className?: string;
  children: ReactNode;
}

/** A form's submit button that shows the write is under way and cannot be pressed twice. */
export function SubmitButton({
  busy,
  busyLabel,
  className = 'button button--primary',
  children,
}: SubmitButtonProps) {
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
