import type { MediaKit } from '../../../../shared/schemas/kit';
import {
  REQUIRABLE_REQUEST_FIELDS,
  type RequirableRequestField,
} from '../../../../shared/schemas/request';
import { Switch } from '../../components/switch';
import { TextAreaField } from '../../forms/fields';
import type { KitPartProps } from './kit-state';
import { CardSection } from '../../components/lists/card-section';

const FIELD_LABELS: Record<RequirableRequestField, string> = {
  website: 'Website',
  items: 'What they want (items or a description)',
  budget: 'Budget',
  dates: 'Dates',
  usageRights: 'Usage rights',
  exclusivity: 'Exclusivity',
  message: 'Message',
};

/** The "Work with me" form: on or off, which fields brands must fill in, the decline reply. */
export function KitRequestForm({ form, formId, kit }: KitPartProps & { kit: MediaKit }) {
  const { values } = form;
  const toggle = (field: RequirableRequestField, on: boolean) =>
    form.set(
      'requestRequired',
      on ? [...values.requestRequired, field] : values.requestRequired.filter((f) => f !== field),
    );
  const livePath =
    kit.published && kit.slug && kit.requestForm.enabled ? `/kit/${kit.slug}/request` : null;
  return (
    <CardSection id={`${formId}-requests`} title="Work with me">
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={`${formId}-request-form`} className="setting-row__label">
            Request form on
          </label>
          <p id={`${formId}-request-form-hint`} className="field__hint">
            Brands send collaboration requests from your public page, or from its own address for
            your link in bio. They land in Requests.
          </p>
        </div>
        <Switch
          id={`${formId}-request-form`}
          checked={values.requestFormEnabled}
          aria-describedby={`${formId}-request-form-hint`}
          onChange={(on) => form.set('requestFormEnabled', on)}
        />
      </div>
      <fieldset className="form__fieldset">
        <legend className="field__label">Brands must fill in</legend>
        {REQUIRABLE_REQUEST_FIELDS.map((field) => (
          <label key={field} className="checkbox">
            <input
              type="checkbox"
              checked={values.requestRequired.includes(field)}
              onChange={(e) => toggle(field, e.target.checked)}
            />
            {FIELD_LABELS[field]}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        form={form}
        name="declineTemplate"
        label="Decline reply"
        hint="Sent when you decline with a reply. {{name}}, {{company}} and {{creator}} are filled in."
        rows={6}
      />
      {livePath && (
        <p className="kit-live">
          <span className="kit-live__dot" aria-hidden="true" />
          <strong>Live</strong> ·{' '}
          <a href={livePath} target="_blank" rel="noopener">
            Open the request form
          </a>
        </p>
      )}
    </CardSection>
  );
}
