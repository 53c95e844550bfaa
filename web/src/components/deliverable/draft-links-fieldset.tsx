import type { DraftLink } from '../../../../shared/schemas/deliverable';
import type { SchemaForm } from '../../forms/use-schema-form';
import type { DeliverableFormState } from './form-state';
import { DangerButton } from '../row-actions';
import { RowTextField } from '../../forms/row-fields';

/** As many links as the server takes on one deliverable. */
const MAX_LINKS = 20;

/** Where the draft can be seen: label and URL rows, added and removed one at a time. */
export function DraftLinksFieldset({
  form,
  readOnly,
}: {
  form: SchemaForm<DeliverableFormState>;
  readOnly: boolean;
}) {
  const links = form.values.draftLinks;
  const setLinks = (change: (links: DraftLink[]) => DraftLink[]) =>
    form.setValues((s) => ({ ...s, draftLinks: change(s.draftLinks) }));
  const setLink = (index: number, link: DraftLink) =>
    setLinks((all) => all.map((l, i) => (i === index ? link : l)));
  return (
    <fieldset className="draft-links">
      <legend className="field__label">Draft links</legend>
      <p className="field__hint">
        Where the draft can be seen (a video file, a doc): shown on brand review links.
      </p>
      {links.map((link, index) => (
        <div key={index} className="draft-links__row">
          <RowTextField
            label="Label"
            error={form.errors[`draftLinks.${index}.label`]}
            value={link.label}
            maxLength={200}
            placeholder="e.g. Rough cut"
            onChange={(label) => setLink(index, { ...link, label })}
          />
          <RowTextField
            label="URL"
            error={form.errors[`draftLinks.${index}.url`]}
            type="url"
            inputMode="url"
            value={link.url}
            placeholder="https://"
            onChange={(url) => setLink(index, { ...link, url })}
          />
          {!readOnly && (
            <DangerButton
              aria-label={`Remove link ${index + 1}`}
              onClick={() => setLinks((all) => all.filter((_, i) => i !== index))}
            >
              Remove
            </DangerButton>
          )}
        </div>
      ))}
      {!readOnly && links.length < MAX_LINKS && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setLinks((all) => [...all, { label: '', url: '' }])}
        >
          Add a link
        </button>
      )}
    </fieldset>
  );
}
