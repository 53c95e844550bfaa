import './toast.css';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { isApiError } from '../api';

export type ToastKind = 'success' | 'error' | 'warning' | 'info';

interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
  /** Puts back what the change replaced; shown as an "Undo" button while the toast lasts. */
  undo?: () => Promise<unknown>;
}

/** How long a change can be undone from its toast. */
export const UNDO_MS = 10_000;

interface ToastApi {
  show: (kind: ToastKind, title: string, message?: string) => void;
  success: (title: string, message?: string) => void;
  error: (title: string, message?: string) => void;
  warning: (title: string, message?: string) => void;
  info: (title: string, message?: string) => void;
  /**
   * A success toast with an "Undo" button for {@link UNDO_MS}. `undo` restores what was
   * there at the version the change left; when someone changed it since (409) or deleted
   * it (404), the toast says so instead of overwriting.
   */
  undoable: (title: string, undo: () => Promise<unknown>, message?: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const DURATION_MS: Record<ToastKind, number> = {
  success: 4000,
  info: 5000,
  warning: 8000,
  error: 8000,
};
const ICONS: Record<ToastKind, string> = { success: '✓', info: 'i', warning: '!', error: '!' };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const regionRef = useRef<HTMLDivElement>(null);

  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((t) => t.id !== id)),
    [],
  );

  const show = useCallback(
    (kind: ToastKind, title: string, message?: string, undo?: Toast['undo']) => {
      const id = nextId.current++;
      setToasts((list) => [
        ...list.slice(-3),
        { id, kind, title, ...(message ? { message } : {}), ...(undo ? { undo } : {}) },
      ]);
      window.setTimeout(() => dismiss(id), undo ? UNDO_MS : DURATION_MS[kind]);
    },
    [dismiss],
  );

  const runUndo = useCallback(
    async (toast: Toast) => {
      dismiss(toast.id);
      try {
        await toast.undo?.();
        show('success', 'Undone', toast.title);
      } catch (error) {
        show('warning', 'Not undone', undoRefusal(error));
      }
    },
    [dismiss, show],
  );

  // The region is a manual popover so toasts stay above an open modal dialog (both live in the top layer).
  useEffect(() => {
    const region = regionRef.current;
    if (!region || typeof region.showPopover !== 'function') return;
    if (toasts.length > 0) {
      if (region.matches(':popover-open')) region.hidePopover();
      region.showPopover();
    } else if (region.matches(':popover-open')) {
      region.hidePopover();
    }
  }, [toasts]);

  const api = useMemo<ToastApi>(
    () => ({
      show,
      success: (title, message) => show('success', title, message),
      error: (title, message) => show('error', title, message),
      warning: (title, message) => show('warning', title, message),
      info: (title, message) => show('info', title, message),
      undoable: (title, undo, message) => show('success', title, message, undo),
    }),
    [show],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        ref={regionRef}
        className="toasts"
        popover="manual"
        aria-live="polite"
        aria-relevant="additions"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`toast toast--${t.kind}`}
            role={t.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="toast__icon" aria-hidden="true">
              {ICONS[t.kind]}
            </span>
            <div className="toast__body">
              <p className="toast__title">{t.title}</p>
              {t.message && <p className="toast__message">{t.message}</p>}
            </div>
            {t.undo && (
              <button type="button" className="toast__undo" onClick={() => void runUndo(t)}>
                Undo
              </button>
            )}
            <button
              type="button"
              className="toast__close"
              onClick={() => dismiss(t.id)}
              aria-label="Dismiss"
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Why an undo was refused, in words: a change or delete since wins over the undo. */
function undoRefusal(error: unknown): string {
  if (isApiError(error, 409)) return 'It was changed since; nothing was overwritten.';
  if (isApiError(error, 404)) return 'It was deleted since.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it');
  return api;
}
