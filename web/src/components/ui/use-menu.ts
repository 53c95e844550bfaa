import { useId, useRef, useState } from 'react';
import { useMenuDismiss } from '../../forms/use-menu-dismiss';

/**
 * A button that opens a menu or panel below it: whether it is open, the wrapper's ref (a press
 * outside it closes), the panel's id, and the props that make the button its toggle. Escape
 * closes and puts focus back on the button.
 */
export function useMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = () => setOpen(false);

  useMenuDismiss(ref, buttonRef, open, close);

  const buttonProps = {
    ref: buttonRef,
    'aria-expanded': open,
    onClick: () => setOpen((v) => !v),
  };
  return { open, close, ref, id, buttonProps };
}
