export interface DialogActionsProps {
  /** The dismissing button's words: "Cancel", "Close", "Keep it on". */
  cancelLabel?: string;
  onCancel: () => void;
  actionLabel: string;
  /** What the action button says while its write is under way. */
  busyLabel: string;
  busy: boolean;
  /** The action is off though its own write is not under way. */
  disabled?: boolean;
  onAction: () => void;
  tone?: 'primary' | 'danger';
}

/** A dialog footer's pair of buttons: dismiss, then the one action the dialog is for. */
export function DialogActions({
  cancelLabel = 'Cancel',
  onCancel,
  actionLabel,
  busyLabel,
  busy,
  disabled = false,
  onAction,
  tone = 'primary',
}: DialogActionsProps) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button
        type="button"
        className={`button button--${tone}`}
        onClick={onAction}
        disabled={busy || disabled}
      >
        {busy ? busyLabel : actionLabel}
      </button>
    </>
  );
}
