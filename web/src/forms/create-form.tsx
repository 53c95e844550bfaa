import type { ReactNode } from 'react';
import { FormBanner } from '../components/field';
import { PlusIcon } from '../components/icons';
import { SubmitButton } from './submit-button';
import { TitledForm } from './titled-form';

export interface CreateFormProps {
  /** "Add a channel", "Create a token". */
  title: string;
  formError: string | null;
  /** The class of the fields' grid. */
  gridClassName: string;
  /** The + button's words, and its words while the write is on its way. */
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * The small form above a list that adds one item to it (a channel, a token, an invite):
 * heading, banner, a grid of fields, and a + button.
 */
export function CreateForm({
  title,
  formError,
  gridClassName,
  submitLabel,
  busyLabel,
  busy,
  onSubmit,
  children,
}: CreateFormProps) {
  return (
    <TitledForm className="form channel-form" title={title} onSubmit={onSubmit}>
      <FormBanner message={formError} />
      <div className={gridClassName}>{children}</div>
      <div className="form__actions">
        <SubmitButton icon={<PlusIcon />} label={submitLabel} busyLabel={busyLabel} busy={busy} />
      </div>
    </TitledForm>
  );
}
