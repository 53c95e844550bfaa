import type { ReactNode } from 'react';
import { RowList, type RowListProps } from '../../forms/row-list';
import type { SchemaForm } from '../../forms/use-schema-form';
import { AddButton, ListError } from './kit-section';
import type { KitState } from './kit-state';
import { CardSection } from '../../components/lists/card-section';

/** The kit's lists of rows edited in place. */
type RowsName = 'platforms' | 'rates';
type Row<K extends RowsName> = KitState[K][number];

interface KitRowsSectionProps<K extends RowsName> extends Pick<
  RowListProps<Row<K>>,
  'noun' | 'path' | 'empty' | 'rowClassName'
> {
  form: SchemaForm<KitState>;
  name: K;
  id: string;
  title: string;
  /** "Add platform": the button beside the heading, off once the list holds `max` rows. */
  addLabel: string;
  max: number;
  /** A new row, given those there are (a rate repeats the last one's platform). */
  newRow: (rows: readonly Row<K>[]) => Row<K>;
  /** One row's fields, as `RowList` takes them. */
  fields: RowListProps<Row<K>>['children'];
  /** What follows the list in the same card. */
  children?: ReactNode;
}

/**
 * A media kit card that edits one of the kit's lists (platforms, rates): its heading with an
 * Add button, the whole list's error (at `path`), then the rows.
 */
export function KitRowsSection<K extends RowsName>({
  form,
  name,
  id,
  title,
  addLabel,
  max,
  newRow,
  fields,
  children,
  ...list
}: KitRowsSectionProps<K>) {
  const rows: readonly Row<K>[] = form.values[name];
  const onChange = (next: Row<K>[]) => form.setValues((s) => ({ ...s, [name]: next }));
  return (
    <CardSection
      id={id}
      title={title}
      actions={
        <AddButton
          label={addLabel}
          disabled={rows.length >= max}
          onClick={() => onChange([...rows, newRow(rows)])}
        />
      }
    >
      <ListError message={form.errors[list.path]} />
      <RowList {...list} rows={rows} onChange={onChange} errors={form.errors} className="kit-rows">
        {fields}
      </RowList>
      {children}
    </CardSection>
  );
}
