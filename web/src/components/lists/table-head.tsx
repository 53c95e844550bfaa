/**
 * A column heading: its text alone, or with `num` (right-aligned, for figures) or `hidden`
 * (read by screen readers only, as over a column of row actions). `false` leaves it out.
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean } | false;

/** A table's header row: one `<th scope="col">` per column, in order. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const { label, num, hidden } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
