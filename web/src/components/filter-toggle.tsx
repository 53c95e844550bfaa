import type { ReactNode } from 'react';
import { CheckIcon } from './icons';

export interface FilterToggleProps {
  on: boolean;
  onToggle: () => void;
  /** The tooltip: what turning it on or off does. */
  title: string;
  children: ReactNode;
}

/** A filter that is on or off, beside the filter menus: a pressed button with a check mark. */
export function FilterToggle({ on, onToggle, title, children }: FilterToggleProps) {
  return (
    <button
      type="button"
      className={`filter-toggle${on ? ' filter-toggle--on' : ''}`}
      aria-pressed={on}
      onClick={onToggle}
      title={title}
    >
      <span className="filter-toggle__check" aria-hidden="true">
        {on && <CheckIcon />}
      </span>
      {children}
    </button>
  );
}
