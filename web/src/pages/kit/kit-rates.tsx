import { FORMATS } from '../../../../shared/schemas/deliverable';
import { COMMON_CURRENCIES } from '../../currencies';
import { FORMAT_LABELS, PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { KitRowsSection } from './kit-rows-section';
import { newRateRow, type KitPartProps } from './kit-state';

/** What each format costs on each platform. */
export function KitRates({
  form,
  formId,
  defaultCurrency,
}: KitPartProps & { defaultCurrency: string }) {
  return (
    <KitRowsSection
      form={form}
      name="rates"
      id={`${formId}-rates`}
      title="Rate card"
      addLabel="Add rate"
      max={50}
      newRow={(rows) => newRateRow(rows, defaultCurrency)}
      noun="rate"
      path="rateCard"
      empty={
        <p className="muted small">
          List what each format costs on each platform. The public page groups them by platform.
        </p>
      }
      rowClassName="kit-row kit-row--rate"
      fields={(field, row) => (
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
    />
  );
}
