import type { ReactNode } from 'react';

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
        {on && (
          <svg viewBox="0 0 12 12" width="10" height="10">
            <path
              d="M2.5 6.2 5 8.5l4.5-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        )}
      </span>
      {children}
    </button>
  );
}
