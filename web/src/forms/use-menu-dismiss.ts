import { useEffect, useRef, type RefObject } from 'react';
import { useClickOutside } from './use-click-outside';

/**
 * `useClickOutside` for a menu opened by a button: a press outside closes it, and Escape
 * closes it and hands focus back to `button`, so keyboard users land where they started.
 */
export function useMenuDismiss(
  ref: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
  open: boolean,
  onClose: () => void,
): void {
  useClickOutside(ref, open, onClose, { escape: false });
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      onCloseRef.current();
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, button]);
}
