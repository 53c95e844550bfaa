import './filter-menu.css';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useClickOutside } from '../forms/use-click-outside';
import { ChevronDownIcon } from './icons';

export interface FilterOption<T extends string> {
  value: T;
  label: string;
  adornment?: ReactNode;
}

export interface FilterMenuProps<T extends string> {
  /** The button's text, e.g. "Brand". */
  name: string;
  options: ReadonlyArray<FilterOption<T>>;
  selected: ReadonlyArray<T>;
  onChange: (next: T[]) => void;
}

/** A dropdown of checkboxes; nothing checked means no filter on this dimension. */
export function FilterMenu<T extends string>({
  name,
  options,
  selected,
  onChange,
}: FilterMenuProps<T>) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useClickOutside(ref, open, () => setOpen(false));

  const toggle = (value: T) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <div className="filter-menu" ref={ref}>
      <button
        type="button"
        className={`filter-menu__button${selected.length ? ' filter-menu__button--active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {name}
        {selected.length > 0 && <span className="filter-menu__count">{selected.length}</span>}
        <ChevronDownIcon />
      </button>
      {open && (
        <div id={panelId} className="popover filter-menu__panel">
          {options.length === 0 && <p className="muted small">Nothing to filter yet.</p>}
          {options.map((option) => (
            <label key={option.value} className="filter-menu__option">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={() => toggle(option.value)}
              />
              {option.adornment}
              <span>{option.label}</span>
            </label>
          ))}
          {selected.length > 0 && (
            <button
              type="button"
              className="link-button filter-menu__clear"
              onClick={() => onChange([])}
            >
              Clear {name.toLowerCase()} filter
            </button>
          )}
        </div>
      )}
    </div>
  );
}
