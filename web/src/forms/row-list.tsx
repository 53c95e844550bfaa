import type { ReactNode } from 'react';

export interface RowListProps<R extends { key: number | string }> {
  rows: readonly R[];
  /** Shown instead of the list while it has no rows: what to add, and why. */
  empty: ReactNode;
  className: string;
  rowClassName: string;
  /** One row's fields and its remove button. */
  children: (row: R, index: number) => ReactNode;
}

/** An editable list (rates, platforms): one `<li>` a row, keyed by the row's own key. */
export function RowList<R extends { key: number | string }>({
  rows,
  empty,
  className,
  rowClassName,
  children,
}: RowListProps<R>) {
  if (rows.length === 0) return empty;
  return (
    <ol className={className}>
      {rows.map((row, index) => (
        <li key={row.key} className={rowClassName}>
          {children(row, index)}
        </li>
      ))}
    </ol>
  );
}
