import { FORMATS } from '../../../../shared/schemas/deliverable';
import { COMMON_CURRENCIES } from '../../currencies';
import { FORMAT_LABELS, PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { RowList } from '../../forms/row-list';
import type { SchemaForm } from '../../forms/use-schema-form';
import { AddButton, KitSection, ListError } from './kit-section';
import { newRateRow, type KitState } from './kit-state';

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
      <RowList
        rows={rows}
        onChange={(next) => form.set('rates', next)}
        noun="rate"
        path="rateCard"
        errors={errors}
        empty={
          <p className="muted small">
            List what each format costs on each platform. The public page groups them by platform.
          </p>
        }
        className="kit-rows"
        rowClassName="kit-row kit-row--rate"
      >
        {(field, row) => (
          <>
            <RowEnumField
              label="Platform"
              {...field('platform')}
              options={PLATFORM_VALUES}
              labels={PLATFORM_LABELS}
            />
            <RowEnumField
              label="Format"
              {...field('format')}
              options={FORMATS}
              labels={FORMAT_LABELS}
            />
            <RowTextField label="Price" {...field('price', 'priceCents')} inputMode="decimal" />
            <RowEnumField
              label="Currency"
              {...field('currency')}
              options={[...new Set([row.currency, ...COMMON_CURRENCIES])]}
            />
            <RowTextField
              label="Note"
              {...field('note')}
              className="kit-row__note"
              placeholder="e.g. 30 days of usage"
            />
          </>
        )}
      </RowList>
    </KitSection>
  );
}
