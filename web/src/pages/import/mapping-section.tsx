import { useId, useMemo, type FormEvent } from 'react';
import {
  DATE_ORDERS,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type DateOrder,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '../../../../shared/schemas/imports';
import { Field, FormBanner } from '../../components/field';
import { allTimeZones } from '../../components/my-notifications-section';
import { EnumSelect } from '../../forms/enum-select';
import { TimeZoneOptions } from '../../forms/time-zone-options';
import { DATE_ORDER_LABELS, FIELD_HINTS } from './import-rules';

const DATE_FIELDS: readonly ImportField[] = ['draftDueAt', 'publishAt'];

/** The mapping form's groups: what every row needs, its dates (with how to read them), the rest. */
const FIELD_GROUPS: ReadonlyArray<{ title: string; fields: readonly ImportField[] }> = [
  { title: 'Brand, deal and post', fields: REQUIRED_IMPORT_FIELDS },
  { title: 'Dates', fields: DATE_FIELDS },
  {
    title: 'Optional details',
    fields: IMPORT_FIELDS.filter(
      (f) => !REQUIRED_IMPORT_FIELDS.includes(f) && !DATE_FIELDS.includes(f),
    ),
  },
];

/** One field of the file's mapping: which column fills it, or none. */
function ColumnField({
  field,
  headers,
  mapping,
  error,
  onMapping,
}: {
  field: ImportField;
  headers: readonly string[];
  mapping: ImportMapping;
  error: string | undefined;
  onMapping: (next: ImportMapping) => void;
}) {
  const required = REQUIRED_IMPORT_FIELDS.includes(field);
  return (
    <Field
      label={IMPORT_FIELD_LABELS[field]}
      required={required}
      hint={FIELD_HINTS[field]}
      error={error}
    >
      {(p) => (
        <select
          {...p}
          value={mapping[field] ?? ''}
          onChange={(e) => {
            const next = { ...mapping };
            if (e.target.value) next[field] = e.target.value;
            else delete next[field];
            onMapping(next);
          }}
        >
          <option value="">{required ? '— Choose a column —' : '— Not in this file —'}</option>
          {headers.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** How the file's dates read: the zone of times without one, and the order of day and month. */
function DateReading({
  errors,
  timeZone,
  dateOrder,
  onTimeZone,
  onDateOrder,
}: {
  errors: Record<string, string>;
  timeZone: string;
  dateOrder: DateOrder;
  onTimeZone: (zone: string) => void;
  onDateOrder: (order: DateOrder) => void;
}) {
  const zones = useMemo(() => allTimeZones(timeZone), [timeZone]);
  return (
    <>
      <Field
        label="Time zone"
        hint="For times written without a zone (most spreadsheets)."
        error={errors['timeZone']}
      >
        {(p) => (
          <select {...p} value={timeZone} onChange={(e) => onTimeZone(e.target.value)}>
            <TimeZoneOptions zones={zones} />
          </select>
        )}
      </Field>
      <Field
        label="Date order"
        hint="How 03/04/2026 reads in this file."
        error={errors['dateOrder']}
      >
        {(p) => (
          <EnumSelect
            {...p}
            value={dateOrder}
            options={DATE_ORDERS}
            labels={DATE_ORDER_LABELS}
            onChange={onDateOrder}
          />
        )}
      </Field>
    </>
  );
}

/** Step 2's form: which column fills each field, how dates read, and the check. */
export function MappingSection({
  preview,
  mapping,
  errors,
  checking,
  disabled,
  onMapping,
  onSubmit,
  ...dates
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  errors: Record<string, string>;
  timeZone: string;
  dateOrder: DateOrder;
  checking: boolean;
  disabled: boolean;
  onMapping: (next: ImportMapping) => void;
  onTimeZone: (zone: string) => void;
  onDateOrder: (order: DateOrder) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const titleId = useId();
  const mappingProblem = Object.keys(errors).some((k) => k.startsWith('mapping.'));

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Match the columns
      </h2>
      <p className="section-intro muted">
        Which column of your file fills each field. Columns were matched by their names; check them,
        and leave a field out when the file has no such column.
      </p>
      <FormBanner message={mappingProblem ? 'Check the highlighted columns.' : null} />
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <fieldset className="form__fieldset mapping" disabled={disabled}>
          {FIELD_GROUPS.map((group) => (
            <div key={group.title} className="mapping__group">
              <h3 className="subsection-title">{group.title}</h3>
              <div className="mapping-grid">
                {group.fields.map((field) => (
                  <ColumnField
                    key={field}
                    field={field}
                    headers={preview.headers}
                    mapping={mapping}
                    error={errors[`mapping.${field}`]}
                    onMapping={onMapping}
                  />
                ))}
                {group.fields === DATE_FIELDS && <DateReading errors={errors} {...dates} />}
              </div>
            </div>
          ))}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={checking}>
              {checking ? 'Checking every row…' : 'Check file'}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
