import type { ReactNode } from 'react';

export interface ScrollTableProps {
  /** The region's name for a screen reader: "Problems". */
  label: string;
  /** A class beside `table-scroll` on the region. */
  className?: string;
  tableClassName: string;
  children: ReactNode;
}

/** A table wider than the page in its own scrolling region, which the keyboard can reach. */
export function ScrollTable({ label, className, tableClassName, children }: ScrollTableProps) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="region"
      tabIndex={0}
      aria-label={label}
    >
      <table className={tableClassName}>{children}</table>
    </div>
  );
}
