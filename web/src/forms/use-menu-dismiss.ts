import type { RefObject } from 'react';
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
  useClickOutside(ref, open, onClose, { returnFocus: button });
}
