import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { errorMessage } from '../api';
import { ConfirmDialog } from './dialog';

/** A list row's small destructive button: Delete, Revoke, Remove, Void. */
export function DangerButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>) {
  return <button {...props} type="button" className="button button--small button--ghost-danger" />;
}

/** Edit and Delete for one item of a list, each named for a screen reader ("Edit Acme"). */
export function EditDeleteButtons({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <>
      <button type="button" className="button button--small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {name}</span>
      </button>
      <DangerButton onClick={onDelete}>
        Delete<span className="visually-hidden"> {name}</span>
      </DangerButton>
    </>
  );
}

/** The part of a resource's delete hook the confirmation needs. */
export interface DeleteMutation {
  isPending: boolean;
  error: unknown;
  mutate: (id: string) => void;
}

/** "Delete this …?" for one item, busy while the delete runs, with the server's refusal. */
export function ConfirmDelete({
  title,
  message,
  confirmLabel,
  remove,
  id,
  onCancel,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  remove: DeleteMutation;
  id: string;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={confirmLabel}
      busy={remove.isPending}
      error={remove.error ? errorMessage(remove.error) : null}
      onCancel={onCancel}
      onConfirm={() => remove.mutate(id)}
    />
  );
}
