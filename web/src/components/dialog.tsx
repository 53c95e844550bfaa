import './dialog.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import { DialogActions } from './ui/dialog-actions';

export interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
}

/**
 * A modal built on `<dialog>`: focus is trapped, Escape closes, the page
 * behind is inert. Rendered only while open; unmounting closes it.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  size = 'medium',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pressedOnBackdrop = useRef(false);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // A body that scrolls is a tab stop, so the keyboard can scroll it even when nothing in it
  // can take focus (a viewer's read-only form); one that fits is not.
  const bodyRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const body = bodyRef.current;
    const content = contentRef.current;
    if (!body || !content) return;
    const observer = new ResizeObserver(() => setScrolls(body.scrollHeight > body.clientHeight));
    observer.observe(body);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedOnBackdrop.current && event.target === event.currentTarget) onCloseRef.current();
        pressedOnBackdrop.current = false;
      }}
    >
      <div className="dialog__panel">
        <header className="dialog__header">
          <div>
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {description && <p className="dialog__description">{description}</p>}
          </div>
          <button
            type="button"
            className="icon-button"
            onClick={() => onCloseRef.current()}
            aria-label="Close"
          >
            <CloseIcon size={18} />
          </button>
        </header>
        <div
          ref={bodyRef}
          className="dialog__body"
          tabIndex={scrolls ? 0 : undefined}
          role={scrolls ? 'group' : undefined}
          aria-labelledby={scrolls ? titleId : undefined}
        >
          <div ref={contentRef}>{children}</div>
        </div>
        {footer && <footer className="dialog__footer">{footer}</footer>}
      </div>
    </dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      size="small"
      footer={
        <DialogActions
          onCancel={onCancel}
          actionLabel={confirmLabel}
          busyLabel="Working…"
          busy={Boolean(busy)}
          onAction={onConfirm}
          tone="danger"
        />
      }
    >
      <div className="confirm">
        {error && (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        )}
        <div className="confirm__message">{message}</div>
      </div>
    </Dialog>
  );
}
