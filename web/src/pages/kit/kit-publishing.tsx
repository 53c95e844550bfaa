import { KIT_SLUG_MESSAGE, type MediaKit } from '../../../../shared/schemas/kit';
import { Field } from '../../components/field';
import { Switch } from '../../components/switch';
import { ListError } from './kit-section';
import type { KitPartProps } from './kit-state';
import { CardSection } from '../../components/lists/card-section';

/** The public page's address, the switch that turns it on, and whether it is live. */
export function KitPublishing({ form, formId, kit }: KitPartProps & { kit: MediaKit }) {
  const { values, errors } = form;
  const publicPath = values.slug.trim() === '' ? null : `/kit/${values.slug.trim()}`;
  const livePath = kit.published && kit.slug ? `/kit/${kit.slug}` : null;
  return (
    <CardSection id={`${formId}-publishing`} title="Publishing">
      <Field
        label="Address"
        error={errors['slug']}
        hint={
          publicPath
            ? `The page will be at ${window.location.origin}${publicPath}`
            : KIT_SLUG_MESSAGE
        }
      >
        {(p) => (
          <div className="kit-slug">
            <span className="kit-slug__prefix" aria-hidden="true">
              /kit/
            </span>
            <input
              {...p}
              type="text"
              value={values.slug}
              onChange={(e) => form.set('slug', e.target.value.toLowerCase())}
              placeholder="your-name"
              autoCapitalize="off"
              spellCheck={false}
            />
          </div>
        )}
      </Field>
      <div className="setting-row">
        <div className="setting-row__text">
          <label htmlFor={`${formId}-published`} className="setting-row__label">
            Public page on
          </label>
          <p id={`${formId}-published-hint`} className="field__hint">
            Anyone with the link sees your profile, audience, rates and the picked case studies —
            never fees, deal details or anything else in Sponsorcal.
          </p>
          <ListError message={errors['published']} />
        </div>
        <Switch
          id={`${formId}-published`}
          checked={values.published}
          aria-describedby={`${formId}-published-hint`}
          onChange={(published) => form.set('published', published)}
        />
      </div>
      {livePath ? (
        <p className="kit-live">
          <span className="kit-live__dot" aria-hidden="true" />
          <strong>Live</strong> ·{' '}
          <a href={livePath} target="_blank" rel="noopener">
            Open public page
          </a>
          <span className="muted small"> {kit.url}</span>
        </p>
      ) : (
        <p className="muted small">The public page is off: its address answers “not found”.</p>
      )}
    </CardSection>
  );
}
