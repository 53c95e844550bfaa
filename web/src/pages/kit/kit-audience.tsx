import { PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { TextAreaField } from '../../forms/fields';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
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
      {rows.length === 0 ? (
        <p className="muted small">Add the platforms you post on, with your follower counts.</p>
      ) : (
        <ol className="kit-rows">
          {rows.map((row, index) => {
            const prefix = `Platform ${index + 1}`;
            const path = `audience.platforms.${index}`;
            return (
              <li key={row.key} className="kit-row kit-row--audience">
                <RowEnumField
                  label="Platform"
                  srPrefix={prefix}
                  error={errors[`${path}.platform`]}
                  value={row.platform}
                  options={PLATFORM_VALUES}
                  labels={PLATFORM_LABELS}
                  onChange={(platform) => setRow(index, { platform })}
                />
                <RowTextField
                  label="Handle"
                  srPrefix={prefix}
                  error={errors[`${path}.handle`]}
                  value={row.handle}
                  onChange={(handle) => setRow(index, { handle })}
                  placeholder="@you"
                />
                <RowTextField
                  label="Followers"
                  srPrefix={prefix}
                  error={errors[`${path}.followers`]}
                  inputMode="numeric"
                  value={row.followers}
                  onChange={(followers) => setRow(index, { followers })}
                />
                <RowTextField
                  label="Avg. views"
                  srPrefix={prefix}
                  error={errors[`${path}.averageViews`]}
                  inputMode="numeric"
                  value={row.averageViews}
                  onChange={(averageViews) => setRow(index, { averageViews })}
                  placeholder="Optional"
                />
                <RemoveButton
                  label={`Remove platform ${index + 1}`}
                  onClick={() => form.set('platforms', removeAt(rows, index))}
                />
              </li>
            );
          })}
        </ol>
      )}
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
