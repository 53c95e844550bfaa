import { useId, type FormEvent, type ReactNode } from 'react';
import { Dialog, type DialogProps } from '../components/dialog';
import { FormBanner } from '../components/field';
import { FormFooter } from './form-footer';

export interface FormDialogProps extends Omit<DialogProps, 'footer' | 'children'> {
  /** The primary button's words, and its words while the write is on its way. */
  submitLabel: string;
  busyLabel?: string;
  busy?: boolean;
  /** The form's banner: the zod or server message above the fields. */
  formError: string | null;
  onSubmit: () => void;
  /** A button at the footer's start, e.g. Delete. */
  footerStart?: ReactNode;
  /** Read-only: the footer is a single Close. */
  readOnly?: boolean;
  formClassName?: string;
  children: ReactNode;
  /** What stands below the form in the dialog, outside it (a section with its own form). */
  after?: ReactNode;
}

/** A dialog holding one form, with the footer every form shares: [start] … Cancel, Submit. */
export function FormDialog({
  submitLabel,
  busyLabel = 'Saving…',
  busy = false,
  formError,
  onSubmit,
  footerStart,
  readOnly = false,
  formClassName = 'form',
  children,
  after,
  ...dialog
}: FormDialogProps) {
  const formId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const footer = (
    <FormFooter
      formId={formId}
      submitLabel={submitLabel}
      busyLabel={busyLabel}
      busy={busy}
      onCancel={dialog.onClose}
      footerStart={footerStart}
      readOnly={readOnly}
    />
  );
  return (
    <Dialog {...dialog} footer={footer}>
      <FormBanner message={formError} />
      <form id={formId} className={formClassName} onSubmit={submit} noValidate>
        {children}
      </form>
      {after}
    </Dialog>
  );
}
