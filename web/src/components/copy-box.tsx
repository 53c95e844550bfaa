import { useId, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './dialog';

export interface CopyBoxProps {
  title: ReactNode;
  /** Why this is the only chance to copy it. */
  warning: string;
  value: string;
  /** The text field's accessible name, e.g. "Invite link". */
  label: string;
  onDone: () => void;
  /** The closing button's words; "Done" when absent. */
  doneLabel?: string;
  children?: ReactNode;
}

/**
 * Something shown once (an invite link, an API token): a read-only field with a
 * Copy button that falls back to selecting the text where there is no clipboard.
 */
export function CopyBox({
  title,
  warning,
  value,
  label,
  onDone,
  doneLabel = 'Done',
  children,
}: CopyBoxProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const titleId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard (plain http, or permission refused): select it for Ctrl+C instead.
      inputRef.current?.select();
      setCopied('manual');
    }
  };

  return (
    <div className="secret-box" role="region" aria-labelledby={titleId}>
      <p id={titleId} className="secret-box__title">
        {title}
      </p>
      <p className="secret-box__warning">{warning}</p>
      <div className="secret-box__row">
        <input
          dir="auto"
          ref={inputRef}
          className="secret-box__value"
          type="text"
          readOnly
          value={value}
          aria-label={label}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--small" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'manual' && (
        <p className="small muted">Selected — press Ctrl+C (⌘C on a Mac) to copy.</p>
      )}
      {children && <div className="secret-box__help">{children}</div>}
      <div className="form__actions">
        <button type="button" className="button button--primary button--small" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </div>
  );
}

export interface CopyDialogProps extends Omit<CopyBoxProps, 'onDone'> {
  dialogTitle: string;
  /** Closes the dialog; the box's Done does the same. */
  onClose: () => void;
}

/** A `CopyBox` in a small dialog of its own: a link just made from a card (a report, a proposal). */
export function CopyDialog({ dialogTitle, onClose, ...box }: CopyDialogProps) {
  return (
    <Dialog title={dialogTitle} onClose={onClose} size="small">
      <CopyBox {...box} onDone={onClose} />
    </Dialog>
  );
}
