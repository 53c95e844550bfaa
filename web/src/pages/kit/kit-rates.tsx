import { FORMATS } from '../../../../shared/schemas/deliverable';
import { COMMON_CURRENCIES } from '../../currencies';
import { FORMAT_LABELS, PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import type { SchemaForm } from '../../forms/use-schema-form';
import { AddButton, KitSection, ListError, RemoveButton } from './kit-section';
import { newRateRow, patchAt, removeAt, type KitState, type RateRow } from './kit-state';

/** What each format costs on each platform. */
export function KitRates({
  form,
  formId,
  defaultCurrency,
}: {
  form: SchemaForm<KitState>;
  formId: string;
  defaultCurrency: string;
}) {
  const { values, errors } = form;
  const rows = values.rates;
  const setRow = (index: number, patch: Partial<RateRow>) =>
    form.set('rates', patchAt(rows, index, patch));
  return (
    <KitSection
      id={`${formId}-rates`}
      title="Rate card"
      aside={
        <AddButton
          label="Add rate"
          disabled={rows.length >= 50}
          onClick={() => form.set('rates', [...rows, newRateRow(rows, defaultCurrency)])}
        />
      }
    >
      <ListError message={errors['rateCard']} />
      {rows.length === 0 ? (
        <p className="muted small">
          List what each format costs on each platform. The public page groups them by platform.
        </p>
      ) : (
        <ol className="kit-rows">
          {rows.map((row, index) => {
            const prefix = `Rate ${index + 1}`;
            const path = `rateCard.${index}`;
            return (
              <li key={row.key} className="kit-row kit-row--rate">
                <RowEnumField
                  label="Platform"
                  srPrefix={prefix}
                  error={errors[`${path}.platform`]}
                  value={row.platform}
                  options={PLATFORM_VALUES}
                  labels={PLATFORM_LABELS}
                  onChange={(platform) => setRow(index, { platform })}
                />
                <RowEnumField
                  label="Format"
                  srPrefix={prefix}
                  error={errors[`${path}.format`]}
                  value={row.format}
                  options={FORMATS}
                  labels={FORMAT_LABELS}
                  onChange={(format) => setRow(index, { format })}
                />
                <RowTextField
                  label="Price"
                  srPrefix={prefix}
                  error={errors[`${path}.priceCents`]}
                  inputMode="decimal"
                  value={row.price}
                  onChange={(price) => setRow(index, { price })}
                />
                <RowEnumField
                  label="Currency"
                  srPrefix={prefix}
                  error={errors[`${path}.currency`]}
                  value={row.currency}
                  options={[...new Set([row.currency, ...COMMON_CURRENCIES])]}
                  onChange={(currency) => setRow(index, { currency })}
                />
                <RowTextField
                  label="Note"
                  srPrefix={prefix}
                  error={errors[`${path}.note`]}
                  className="kit-row__note"
                  value={row.note}
                  onChange={(note) => setRow(index, { note })}
                  placeholder="e.g. 30 days of usage"
                />
                <RemoveButton
                  label={`Remove rate ${index + 1}`}
                  onClick={() => form.set('rates', removeAt(rows, index))}
                />
              </li>
            );
          })}
        </ol>
      )}
    </KitSection>
  );
}
