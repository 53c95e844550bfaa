export interface SettingsActionsProps {
  /** Something differs from what is saved: Reset shows and Save is enabled. */
  dirty: boolean;
  busy: boolean;
  saveLabel: string;
  onReset: () => void;
}

/** A settings section's footer: Reset (when changed) and Save. */
export function SettingsActions({ dirty, busy, saveLabel, onReset }: SettingsActionsProps) {
  return (
    <div className="form__actions">
      {dirty && (
        <button type="button" className="button" onClick={onReset}>
          Reset
        </button>
      )}
      <button type="submit" className="button button--primary" disabled={busy || !dirty}>
        {busy ? 'Saving…' : saveLabel}
      </button>
    </div>
  );
}
