import type { ReactNode } from 'react';
import type { FieldErrors } from '../hooks/use-form-errors';
import { RemoveButton } from '../pages/kit/kit-section';
import { bindRow } from './row-fields';

export interface RowListProps<R extends { key: number | string }> {
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  /** What one row is, e.g. "rate": it names each row ("Rate 2 Price", "Remove rate 2"). */
  noun: string;
  /** The list's issue path, e.g. `rateCard`: row 2's price error is at `rateCard.1.priceCents`. */
  path: string;
  errors: FieldErrors;
  /** Shown instead of the list while it has no rows: what to add, and why. */
  empty: ReactNode;
  className: string;
  rowClassName: string;
  /** One row's fields, given the binder of its values (`field('price', 'priceCents')`). */
  children: (field: ReturnType<typeof bindRow<R>>, row: R) => ReactNode;
}

/** An editable list (rates, platforms): one `<li>` a row, each with its fields and a remove button. */
export function RowList<R extends { key: number | string }>({
  rows,
  onChange,
  noun,
  path,
  errors,
  empty,
  className,
  rowClassName,
  children,
}: RowListProps<R>) {
  if (rows.length === 0) return empty;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <ol className={className}>
      {rows.map((row, index) => {
        const field = bindRow({
          row,
          srPrefix: `${Noun} ${index + 1}`,
          path: `${path}.${index}`,
          errors,
          onChange: (patch: Partial<R>) =>
            onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))),
        });
        return (
          <li key={row.key} className={rowClassName}>
            {children(field, row)}
            <RemoveButton
              label={`Remove ${noun} ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            />
          </li>
        );
      })}
    </ol>
  );
}
