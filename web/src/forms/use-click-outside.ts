import { useEffect, useRef, type RefObject } from 'react';

/**
 * While `open`, a press outside `ref` (or Escape, unless `escape` is false) calls `onClose`:
 * the one behaviour of every menu and popover. With `returnFocus`, Escape also hands focus
 * back to that element (the button that opened a menu).
 */
export function useClickOutside(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  onClose: () => void,
  {
    escape = true,
    returnFocus,
  }: { escape?: boolean; returnFocus?: RefObject<HTMLElement | null> } = {},
): void {
  // The latest callback, without re-adding the listeners on every render.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onCloseRef.current();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!escape || event.key !== 'Escape') return;
      onCloseRef.current();
      returnFocus?.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, ref, escape, returnFocus]);
}
