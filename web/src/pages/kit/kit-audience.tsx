import { PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { TextAreaField } from '../../forms/fields';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { RowList } from '../../forms/row-list';
import type { SchemaForm } from '../../forms/use-schema-form';
import { AddButton, KitSection, ListError } from './kit-section';
import { newAudienceRow, type KitState } from './kit-state';

/** The platforms posted on with their numbers, and who watches. */
export function KitAudience({ form, formId }: { form: SchemaForm<KitState>; formId: string }) {
  const { values, errors } = form;
  const rows = values.platforms;
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
        onChange={(next) => form.set('platforms', next)}
        noun="platform"
        path="audience.platforms"
        errors={errors}
        empty={
          <p className="muted small">Add the platforms you post on, with your follower counts.</p>
        }
        className="kit-rows"
        rowClassName="kit-row kit-row--audience"
      >
        {(field) => (
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
          </>
        )}
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
