import { PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { TextAreaField } from '../../forms/fields';
import { bindRow, RowEnumField, RowTextField } from '../../forms/row-fields';
import { RowList } from '../../forms/row-list';
import type { SchemaForm } from '../../forms/use-schema-form';
import { AddButton, KitSection, ListError, RemoveButton } from './kit-section';
import { newAudienceRow, type AudienceRow, patchAt, removeAt, type KitState } from './kit-state';

/** The platforms posted on with their numbers, and who watches. */
export function KitAudience({ form, formId }: { form: SchemaForm<KitState>; formId: string }) {
  const { values, errors } = form;
  const rows = values.platforms;
  const setRow = (index: number, patch: Partial<AudienceRow>) =>
    form.set('platforms', patchAt(rows, index, patch));
  return (
    <KitSection
      id={`${formId}-audience`}
      title="Audience"
      aside={
        <AddButton
          label="Add platform"
          disabled={rows.length >= 20}
          onClick={() => form.set('platforms', [...rows, newAudienceRow()])}
        />
      }
    >
      <ListError message={errors['audience.platforms']} />
      <RowList
        rows={rows}
        empty={
          <p className="muted small">Add the platforms you post on, with your follower counts.</p>
        }
        className="kit-rows"
        rowClassName="kit-row kit-row--audience"
      >
        {(row, index) => {
          const field = bindRow({
            row,
            srPrefix: `Platform ${index + 1}`,
            path: `audience.platforms.${index}`,
            errors,
            onChange: (patch: Partial<AudienceRow>) => setRow(index, patch),
          });
          return (
            <>
              <RowEnumField
                label="Platform"
                {...field('platform')}
                options={PLATFORM_VALUES}
                labels={PLATFORM_LABELS}
              />
              <RowTextField label="Handle" {...field('handle')} placeholder="@you" />
              <RowTextField label="Followers" {...field('followers')} inputMode="numeric" />
              <RowTextField
                label="Avg. views"
                {...field('averageViews')}
                inputMode="numeric"
                placeholder="Optional"
              />
              <RemoveButton
                label={`Remove platform ${index + 1}`}
                onClick={() => form.set('platforms', removeAt(rows, index))}
              />
            </>
          );
        }}
      </RowList>
      <div className="form-grid">
        <TextAreaField
          form={form}
          name="demographics"
          errorPath="audience.demographics"
          label="Demographics"
          hint="e.g. 68% women, mostly 25–34"
          rows={3}
        />
        <TextAreaField
          form={form}
          name="topLocations"
          errorPath="audience.topLocations"
          label="Top locations"
          hint="e.g. United States, Canada, United Kingdom"
          rows={3}
        />
      </div>
    </KitSection>
  );
}
