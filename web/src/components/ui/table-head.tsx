export interface TableColumn {
  label: string;
  /** Figures: the header is right-aligned over them. */
  numeric?: boolean;
}

/** A table's header row: one column header a column, left to right. */
export function TableHead({ columns }: { columns: ReadonlyArray<TableColumn> }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
