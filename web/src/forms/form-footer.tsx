import type { ReactNode } from 'react';
import { SubmitButton } from './submit-button';

export interface FormFooterProps {
  /** The id of the `<form>` the submit button sends. */
  formId: string;
  submitLabel: string;
  busyLabel?: string;
  busy?: boolean;
  /** The submit button is off though nothing is under way, e.g. nothing can be sent yet. */
  disabled?: boolean;
  onCancel: () => void;
  /** A button at the footer's start, e.g. Delete. */
  footerStart?: ReactNode;
  /** Read-only: the footer is a single Close. */
  readOnly?: boolean;
}

/**
 * The footer every form dialog shares: [start] … Cancel, Submit ("Saving…" while busy), or a
 * lone Close when read-only. `FormDialog` uses it; a dialog that needs more than one form
 * body (banners between, a section after the form) puts it in a plain `Dialog`'s footer.
 */
export function FormFooter({
  formId,
  submitLabel,
  busy = false,
  onCancel,
  footerStart,
  readOnly = false,
  ...submit
}: FormFooterProps) {
  if (readOnly) {
    return (
      <button type="button" className="button" onClick={onCancel}>
        Close
      </button>
    );
  }
  return (
    <>
      {footerStart}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <SubmitButton form={formId} label={submitLabel} busy={busy} {...submit} />
    </>
  );
}
