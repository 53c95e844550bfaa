import { useMemo } from 'react';
import type { Deal } from '../../../../shared/schemas/deal';
import {
  DELIVERABLE_STATUSES,
  DISCLOSURE_KEYS,
  DISCLOSURE_LABELS,
  FORMATS,
  PLATFORMS,
} from '../../../../shared/schemas/deliverable';
import { DELIVERABLE_STATUS_LABELS, FORMAT_LABELS, PLATFORM_LABELS } from '../../format';
import { EnumField, TextAreaField, TextField } from '../../forms/fields';
import { RowTextAreaField } from '../../forms/row-fields';
import type { SchemaForm } from '../../forms/use-schema-form';
import { zoneLabel } from '../../time';
import { Field } from '../field';
import { AD_TAG, withCaption, type DeliverableFormState } from './form-state';

type Form = SchemaForm<DeliverableFormState>;

export interface TeamMember {
  id: string;
  name: string;
  email: string;
}

interface DeliverableFieldsProps {
  form: Form;
  deals: Deal[];
  team: TeamMember[];
  timeZone: string;
  /** A new deliverable: the title takes the focus. */
  isNew: boolean;
  /** The form's id, the stem of the disclosure hint's id. */
  formId: string;
}

/** The deliverable's grid: what, for which deal, when, who, proof of post, disclosure, texts. */
export function DeliverableFields({
  form,
  deals,
  team,
  timeZone,
  isNew,
  formId,
}: DeliverableFieldsProps) {
  const { values } = form;
  const zone = `${timeZone.replace(/_/g, ' ')} (${zoneLabel(timeZone)})`;
  return (
    <div className="form-grid">
      <TextField
        form={form}
        name="title"
        label="Title"
        className="span-2"
        placeholder="e.g. Unboxing reel"
        autoFocus={isNew}
        maxLength={200}
      />
      <DealSelect
        deals={deals}
        value={values.dealId}
        onChange={(dealId) => form.set('dealId', dealId)}
        error={form.errors['dealId']}
      />
      <EnumField
        form={form}
        name="status"
        label="Status"
        options={DELIVERABLE_STATUSES}
        labels={DELIVERABLE_STATUS_LABELS}
      />
      <EnumField
        form={form}
        name="platform"
        label="Platform"
        options={PLATFORMS}
        labels={PLATFORM_LABELS}
      />
      <EnumField
        form={form}
        name="format"
        label="Format"
        options={FORMATS}
        labels={FORMAT_LABELS}
      />
      <TextField
        form={form}
        name="draftDueAt"
        label="Draft due"
        hint="When the brand should see a draft"
        type="datetime-local"
      />
      <TextField
        form={form}
        name="publishAt"
        label="Go-live"
        hint={`Times are in ${zone}`}
        type="datetime-local"
      />
      <AssigneeSelect form={form} team={team} />
      <TextField
        form={form}
        name="liveUrl"
        label="Live URL"
        hint={
          values.status === 'published' ? 'Required: proof of post' : 'Needed to mark it published'
        }
        type="url"
        inputMode="url"
        placeholder="https://"
      />
      <DisclosureChecklist form={form} hintId={`${formId}-disclosure`} />
      <TextAreaField
        form={form}
        name="brief"
        label="Brief"
        className="span-2"
        rows={3}
        placeholder="What the brand asked for: key messages, do's and don'ts, links"
      />
      <RowTextAreaField
        label="Caption"
        className="span-2"
        rows={3}
        value={form.values.caption}
        error={form.errors.caption}
        onChange={(caption) => form.setValues((s) => withCaption(s, caption))}
      />
    </div>
  );
}

/** The deals, grouped under their brands (brands A to Z). */
/** The deals grouped by brand, as a deliverable picks its deal. */
export function DealSelect({
  deals,
  value,
  onChange,
  error,
}: {
  deals: Deal[];
  value: string;
  onChange: (dealId: string) => void;
  error: string | undefined;
}) {
  const dealsByBrand = useMemo(() => {
    const groups = new Map<string, Deal[]>();
    for (const deal of deals) {
      const list = groups.get(deal.brandName) ?? [];
      list.push(deal);
      groups.set(deal.brandName, list);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [deals]);
  return (
    <Field label="Deal" error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a deal…</option>
          {dealsByBrand.map(([brandName, list]) => (
            <optgroup key={brandName} label={brandName}>
              {list.map((deal) => (
                <option key={deal.id} value={deal.id}>
                  {deal.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The team, and the assignee who has since left the team when the deliverable still names one. */
function AssigneeSelect({ form, team }: { form: Form; team: TeamMember[] }) {
  const assigneeId = form.values.assigneeId;
  return (
    <Field label="Assignee" error={form.errors['assigneeId']}>
      {(p) => (
        <select {...p} value={assigneeId} onChange={(e) => form.set('assigneeId', e.target.value)}>
          <option value="">Unassigned</option>
          {team.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
          {assigneeId && !team.some((m) => m.id === assigneeId) && (
            <option value={assigneeId}>Former team member</option>
          )}
        </select>
      )}
    </Field>
  );
}

/** What the post shows to say it is paid, with a hint that follows the status and caption. */
function DisclosureChecklist({ form, hintId }: { form: Form; hintId: string }) {
  const { values } = form;
  const disclosed = DISCLOSURE_KEYS.some((key) => values.disclosure[key]);
  return (
    <fieldset className="field span-2 checklist" aria-describedby={hintId}>
      <legend className="field__label">Disclosure</legend>
      <div className="checklist__items">
        {DISCLOSURE_KEYS.map((key) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={values.disclosure[key]}
              onChange={(e) => {
                const checked = e.target.checked;
                form.setValues((s) => ({ ...s, disclosure: { ...s.disclosure, [key]: checked } }));
              }}
            />
            <span>{DISCLOSURE_LABELS[key]}</span>
          </label>
        ))}
      </div>
      <p id={hintId} className="field__hint">
        {disclosed
          ? 'The audience is told this post is paid.'
          : values.status === 'published'
            ? 'Published without disclosure: tick what the post shows.'
            : 'Tick what the post will show before it goes live.'}
        {!values.disclosure.adInCaption && AD_TAG.test(values.caption) && (
          <> The caption already contains an ad hashtag.</>
        )}
      </p>
    </fieldset>
  );
}
