import { PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { TextAreaField } from '../../forms/fields';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { KitRowsSection } from './kit-rows-section';
import { newAudienceRow, type KitPartProps } from './kit-state';

/** The platforms posted on with their numbers, and who watches. */
export function KitAudience({ form, formId }: KitPartProps) {
  return (
    <KitRowsSection
      form={form}
      name="platforms"
      id={`${formId}-audience`}
      title="Audience"
      addLabel="Add platform"
      max={20}
      newRow={newAudienceRow}
      noun="platform"
      path="audience.platforms"
      empty={
        <p className="muted small">Add the platforms you post on, with your follower counts.</p>
      }
      rowClassName="kit-row kit-row--audience"
      fields={(field) => (
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
    >
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
    </KitRowsSection>
  );
}
