import './export-menu.css';
import { ChevronDownIcon, DownloadIcon } from './icons';
import { useMenu } from './ui/use-menu';

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
  const menu = useMenu();

  return (
    <div className="menu" ref={menu.ref}>
      <button
        {...menu.buttonProps}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-controls={menu.id}
      >
        <DownloadIcon /> {label}
        <ChevronDownIcon />
      </button>
      {menu.open && (
        <div id={menu.id} className="popover menu__panel" role="menu" aria-label={label}>
          {items.map((item) => (
            <a
              key={item.href}
              className="menu__item"
              role="menuitem"
              href={item.href}
              download
              onClick={menu.close}
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
