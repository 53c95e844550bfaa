import { CloseIcon } from '../../components/icons';

/** An error that belongs to a whole list (too many rows), above the list. */
export function ListError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error">{message}</p> : null;
}

/** The × that removes one row of a list. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button kit-row__remove"
      onClick={onClick}
      aria-label={label}
      title={label}
    >
      <CloseIcon />
    </button>
  );
}

/** "Add platform", "Add rate": a small button beside a list's heading. */
export function AddButton({
  label,
  disabled,
  onClick,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="button button--small" disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
}
