import './export-menu.css';
import { useId, useRef, useState } from 'react';
import { useMenuDismiss } from '../forms/use-menu-dismiss';
import { ChevronDownIcon, DownloadIcon } from './icons';

export interface ExportMenuItem {
  /** A same-origin download (an `/api/exports/…` path). */
  href: string;
  label: string;
  /** One line on what the file holds. */
  hint: string;
}

export interface ExportMenuProps {
  items: ReadonlyArray<ExportMenuItem>;
  label?: string;
}

/**
 * A button that opens a short menu of CSV downloads. Each item is a plain
 * link with `download`, so the browser saves the file with the server's name.
 */
export function ExportMenu({ items, label = 'Export CSV' }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useMenuDismiss(ref, buttonRef, open, () => setOpen(false));

  return (
    <div className="menu" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
      >
        <DownloadIcon /> {label}
        <ChevronDownIcon />
      </button>
      {open && (
        <div id={menuId} className="menu__panel" role="menu" aria-label={label}>
          {items.map((item) => (
            <a
              key={item.href}
              className="menu__item"
              role="menuitem"
              href={item.href}
              download
              onClick={() => setOpen(false)}
            >
              <span className="menu__label">{item.label}</span>
              <span className="menu__hint">{item.hint}</span>
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
