import type { ReactNode } from 'react';

export interface SegmentedProps<T extends string> {
  /** The group's accessible name: "View", "Chart currency". */
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** An option's words; the option itself when absent. */
  words?: (option: T) => ReactNode;
  /** Tabs over a list (a row of tabs) rather than a segmented switch. */
  tabs?: boolean;
  /** A class beside the group's own. */
  className?: string;
}

/** A row of pressed-or-not buttons of which one is on: Board | List, a currency, a tab. */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  words = (option) => option,
  tabs = false,
  className,
}: SegmentedProps<T>) {
  const group = tabs ? 'tabs' : 'segmented';
  return (
    <div className={className ? `${group} ${className}` : group} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className={tabs ? 'tab' : 'segmented__item'}
          aria-pressed={option === value}
          onClick={() => onChange(option)}
        >
          {words(option)}
        </button>
      ))}
    </div>
  );
}
