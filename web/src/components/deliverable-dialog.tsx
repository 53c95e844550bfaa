import './deliverable-dialog.css';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Warning } from '../../../shared/schemas/common';
import type { Deal } from '../../../shared/schemas/deal';
import {
  DELIVERABLE_STATUSES,
  DISCLOSURE_KEYS,
  DISCLOSURE_LABELS,
  FORMATS,
  METRIC_KEYS,
  PLATFORMS,
  deliverableCreateSchema,
  deliverablePatchSchema,
  engagementRate,
  type DraftLink,
  type Deliverable,
  type DeliverableCreate,
  type DeliverableStatus,
  type Format,
  type Platform,
} from '../../../shared/schemas/deliverable';
import { errorMessage, isApiError } from '../api';
import {
  DELIVERABLE_STATUS_LABELS,
  FORMAT_LABELS,
  METRIC_LABELS,
  PLATFORM_LABELS,
  formatInstant,
} from '../format';
import { useBrands } from '../resources/brands';
import { useAllDeals } from '../resources/deals';
import {
  useDeleteDeliverable,
  useDeliverable,
  useSaveDeliverable,
} from '../resources/deliverables';
import { useTeam } from '../resources/users';
import { useFormErrors } from '../hooks/use-form-errors';
import { navigate } from '../hooks/use-router';
import { instantToLocalInput, localInputToInstant, zoneLabel } from '../time';
import { Spinner } from './badges';
import { ConfirmDialog, Dialog } from './dialog';
import { Field, FormBanner } from './field';
import { ReviewLinksSection } from './review-links-section';
import { useToast } from './toast';

type MetricKey = (typeof METRIC_KEYS)[number];
type DisclosureKey = (typeof DISCLOSURE_KEYS)[number];
type Disclosure = Record<DisclosureKey, boolean>;

const NO_DISCLOSURE: Disclosure = {
  paidPartnershipLabel: false,
  adInCaption: false,
  brandedContentToggle: false,
};

/** A caption that already says it is paid: offered as a hint beside the checklist. */
const AD_TAG = /(^|\s)#(ad|advert|sponsored|paidpartnership|werbung|anzeige)\b/i;

interface FormState {
  title: string;
  dealId: string;
  platform: Platform;
  format: Format;
  status: DeliverableStatus;
  draftDueAt: string;
  publishAt: string;
  assigneeId: string;
  caption: string;
  brief: string;
  disclosure: Disclosure;
  draftLinks: DraftLink[];
  liveUrl: string;
  metrics: Record<MetricKey, string>;
}

export interface DeliverableDefaults {
  /** A `datetime-local` value in the user's time zone. */
  publishAt?: string;
  dealId?: string;
}

export type SavedDeliverable = Deliverable & { warnings?: Warning[] };

export interface DeliverableDialogProps {
  user: User;
  /** null to create a new deliverable. */
  deliverableId: string | null;
  /** What the caller already has (a calendar event's copy): shown while the fresh one loads. */
  initial?: Deliverable;
  defaults?: DeliverableDefaults;
  onClose: () => void;
  onSaved?: (deliverable: SavedDeliverable, created: boolean) => void;
  onDeleted?: (id: string) => void;
}

function emptyMetrics(): Record<MetricKey, string> {
  return { views: '', likes: '', comments: '', shares: '', saves: '', clicks: '' };
}

function stateFrom(d: Deliverable, timeZone: string): FormState {
  const metrics = emptyMetrics();
  for (const key of METRIC_KEYS) {
    const value = d.metrics[key];
    metrics[key] = value === null ? '' : String(value);
  }
  return {
    title: d.title,
    dealId: d.dealId,
    platform: d.platform,
    format: d.format,
    status: d.status,
    draftDueAt: instantToLocalInput(d.draftDueAt, timeZone),
    publishAt: instantToLocalInput(d.publishAt, timeZone),
    assigneeId: d.assigneeId ?? '',
    caption: d.caption,
    brief: d.brief,
    disclosure: { ...d.disclosure },
    draftLinks: d.draftLinks.map((link) => ({ ...link })),
    liveUrl: d.liveUrl ?? '',
    metrics,
  };
}

function metricNumbers(state: FormState): Record<MetricKey, number | null> {
  const metrics = {} as Record<MetricKey, number | null>;
  for (const key of METRIC_KEYS) {
    const text = state.metrics[key].trim().replace(/[,\s]/g, '');
    metrics[key] = text === '' ? null : Number(text);
  }
  return metrics;
}

/**
 * The form as a request body. The checklist is sent only when it changed (or on
 * create): the server then derives `disclosureDone` from it, and an older
 * deliverable marked done before the checklist existed keeps its mark.
 */
function toPayload(
  state: FormState,
  timeZone: string,
  existing: Deliverable | null,
): DeliverableCreate {
  const metrics = metricNumbers(state);
  const checklistChanged =
    !existing || DISCLOSURE_KEYS.some((key) => existing.disclosure[key] !== state.disclosure[key]);
  return {
    title: state.title,
    dealId: state.dealId,
    platform: state.platform,
    format: state.format,
    status: state.status,
    draftDueAt: localInputToInstant(state.draftDueAt, timeZone),
    publishAt: localInputToInstant(state.publishAt, timeZone),
    assigneeId: state.assigneeId || null,
    caption: state.caption,
    brief: state.brief,
    ...(checklistChanged ? { disclosure: state.disclosure } : {}),
    draftLinks: state.draftLinks
      .map((link) => ({ label: link.label.trim(), url: link.url.trim() }))
      .filter((link) => link.label !== '' || link.url !== ''),
    liveUrl: state.liveUrl.trim() === '' ? null : state.liveUrl.trim(),
    metrics,
  };
}

/** Create or edit one deliverable: every field, in the user's time zone, with delete. */
export function DeliverableDialog(props: DeliverableDialogProps) {
  const { deliverableId, initial, onClose, user } = props;
  const deals = useAllDeals();
  const brands = useBrands();
  const team = useTeam();
  const existing = useDeliverable(deliverableId, initial);
  const isEdit = deliverableId !== null;
  const title = isEdit
    ? user.role === 'viewer'
      ? 'Deliverable'
      : 'Edit deliverable'
    : 'New deliverable';

  if (deals.isPending || (isEdit && existing.isPending)) {
    return (
      <Dialog title={title} onClose={onClose}>
        <Spinner />
      </Dialog>
    );
  }
  const loadError = deals.error ?? (isEdit ? existing.error : null);
  if (loadError || !deals.data) {
    return (
      <Dialog title={title} onClose={onClose}>
        <p className="banner banner--error" role="alert">
          {isApiError(loadError, 404)
            ? 'This deliverable no longer exists.'
            : errorMessage(loadError)}
        </p>
      </Dialog>
    );
  }
  if (!isEdit && deals.data.length === 0) {
    const hasBrands = (brands.data?.length ?? 0) > 0;
    const go = (path: string) => {
      onClose();
      navigate(path);
    };
    return (
      <Dialog title={title} onClose={onClose} size="small">
        <div className="notice">
          <p className="notice__title">You have no deals yet</p>
          <p>
            Every deliverable belongs to a deal with a brand.{' '}
            {hasBrands
              ? 'Create a deal first, then plan its posts here.'
              : 'Add a brand, then a deal, then plan its posts here.'}
          </p>
          <div className="notice__actions">
            {hasBrands ? (
              <a
                className="button button--primary"
                href="/deals?new=1"
                onClick={(e) => (e.preventDefault(), go('/deals?new=1'))}
              >
                Create a deal
              </a>
            ) : (
              <a
                className="button button--primary"
                href="/brands?new=1"
                onClick={(e) => (e.preventDefault(), go('/brands?new=1'))}
              >
                Add a brand
              </a>
            )}
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <DeliverableForm
      key={existing.data ? `${existing.data.id}@${existing.data.version}` : 'new'}
      {...props}
      title={title}
      deals={deals.data}
      team={team.data ?? []}
      existing={existing.data ?? null}
      reload={() => void existing.refetch()}
    />
  );
}

interface DeliverableFormProps extends DeliverableDialogProps {
  title: string;
  deals: Deal[];
  team: Array<{ id: string; name: string; email: string }>;
  existing: Deliverable | null;
  reload: () => void;
}

function DeliverableForm({
  user,
  title,
  defaults,
  deals,
  team,
  existing,
  reload,
  onClose,
  onSaved,
  onDeleted,
}: DeliverableFormProps) {
  const timeZone = user.effectiveTimeZone;
  const readOnly = user.role === 'viewer';
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const [state, setState] = useState<FormState>(() =>
    existing
      ? stateFrom(existing, timeZone)
      : {
          title: '',
          dealId: defaults?.dealId ?? (deals.length === 1 ? deals[0]!.id : ''),
          platform: 'instagram',
          format: 'post',
          status: 'planned',
          draftDueAt: '',
          publishAt: defaults?.publishAt ?? '',
          assigneeId: '',
          caption: '',
          brief: '',
          disclosure: { ...NO_DISCLOSURE },
          draftLinks: [],
          liveUrl: '',
          metrics: emptyMetrics(),
        },
  );
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const setMetric = (key: MetricKey, value: string) =>
    setState((s) => ({ ...s, metrics: { ...s.metrics, [key]: value } }));
  const setDisclosure = (key: DisclosureKey, value: boolean) =>
    setState((s) => ({ ...s, disclosure: { ...s.disclosure, [key]: value } }));
  const setLink = (index: number, link: DraftLink | null) =>
    setState((s) => ({
      ...s,
      draftLinks:
        link === null
          ? s.draftLinks.filter((_, i) => i !== index)
          : s.draftLinks.map((l, i) => (i === index ? link : l)),
    }));

  const dealsByBrand = useMemo(() => {
    const groups = new Map<string, Deal[]>();
    for (const deal of deals) {
      const list = groups.get(deal.brandName) ?? [];
      list.push(deal);
      groups.set(deal.brandName, list);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [deals]);

  const save = useSaveDeliverable(existing, {
    onSuccess: (saved) => {
      toast.success(existing ? 'Deliverable saved' : 'Deliverable created');
      for (const warning of saved.warnings ?? []) toast.warning('Heads up', warning.message);
      onSaved?.(saved, !existing);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        setConflict(true);
        setFormError(null);
        return;
      }
      fromError(error);
    },
  });

  const remove = useDeleteDeliverable({
    onSuccess: (_result, id) => {
      toast.success('Deliverable deleted');
      onDeleted?.(id);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 404)) {
        onDeleted?.(existing?.id ?? '');
        onClose();
        toast.info('Already deleted', 'Someone else deleted this deliverable.');
        return;
      }
      setConfirmDelete(false);
      fromError(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    clear();
    const payload = toPayload(state, timeZone, existing);
    if (payload.status === 'published' && !payload.liveUrl) {
      fromZod([
        {
          path: ['liveUrl'],
          message: 'Add the live URL of the post to mark it published (proof of post)',
        },
      ]);
      return;
    }
    const parsed = existing
      ? deliverablePatchSchema.safeParse({ ...payload, version: existing.version })
      : deliverableCreateSchema.safeParse(payload);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    save.mutate(payload);
  };

  const zone = `${timeZone.replace(/_/g, ' ')} (${zoneLabel(timeZone)})`;
  const rate = engagementRate(metricNumbers(state));
  const disclosed = DISCLOSURE_KEYS.some((key) => state.disclosure[key]);
  const warnings = (existing as SavedDeliverable | null)?.warnings ?? [];
  const showMetrics =
    state.status === 'published' ||
    METRIC_KEYS.some((key) => state.metrics[key] !== '') ||
    Boolean(errors['metrics']);

  return (
    <>
      <Dialog
        title={title}
        description={
          existing ? `Last updated ${formatInstant(existing.updatedAt, timeZone)}` : undefined
        }
        onClose={onClose}
        size="large"
        footer={
          readOnly ? (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              {existing && (
                <button
                  type="button"
                  className="button button--ghost-danger footer-start"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete
                </button>
              )}
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              <button
                type="submit"
                form={formId}
                className="button button--primary"
                disabled={save.isPending}
              >
                {save.isPending ? 'Saving…' : 'Save deliverable'}
              </button>
            </>
          )
        }
      >
        {conflict && (
          <div className="banner banner--warning" role="alert">
            <span>Someone else changed this deliverable while you had it open.</span>
            <button type="button" className="button button--small" onClick={reload}>
              Reload their version
            </button>
          </div>
        )}
        <FormBanner message={formError} />
        {warnings.length > 0 && (
          <div className="banner banner--warning" role="status" data-testid="deliverable-warnings">
            <ul className="warning-list">
              {warnings.map((warning) => (
                <li key={warning.code + warning.message}>{warning.message}</li>
              ))}
            </ul>
          </div>
        )}
        <form id={formId} className="form" onSubmit={submit} noValidate>
          <fieldset className="form__fieldset" disabled={readOnly}>
            <div className="form-grid">
              <Field label="Title" error={errors['title']} className="span-2">
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    value={state.title}
                    onChange={(e) => set('title', e.target.value)}
                    placeholder="e.g. Unboxing reel"
                    autoFocus={!existing}
                    maxLength={200}
                  />
                )}
              </Field>
              <Field label="Deal" error={errors['dealId']}>
                {(p) => (
                  <select
                    {...p}
                    value={state.dealId}
                    onChange={(e) => set('dealId', e.target.value)}
                  >
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
              <Field label="Status" error={errors['status']}>
                {(p) => (
                  <select
                    {...p}
                    value={state.status}
                    onChange={(e) => set('status', e.target.value as DeliverableStatus)}
                  >
                    {DELIVERABLE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {DELIVERABLE_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Platform" error={errors['platform']}>
                {(p) => (
                  <select
                    {...p}
                    value={state.platform}
                    onChange={(e) => set('platform', e.target.value as Platform)}
                  >
                    {PLATFORMS.map((s) => (
                      <option key={s} value={s}>
                        {PLATFORM_LABELS[s]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Format" error={errors['format']}>
                {(p) => (
                  <select
                    {...p}
                    value={state.format}
                    onChange={(e) => set('format', e.target.value as Format)}
                  >
                    {FORMATS.map((s) => (
                      <option key={s} value={s}>
                        {FORMAT_LABELS[s]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label="Draft due"
                error={errors['draftDueAt']}
                hint="When the brand should see a draft"
              >
                {(p) => (
                  <input
                    {...p}
                    type="datetime-local"
                    value={state.draftDueAt}
                    onChange={(e) => set('draftDueAt', e.target.value)}
                  />
                )}
              </Field>
              <Field label="Go-live" error={errors['publishAt']} hint={`Times are in ${zone}`}>
                {(p) => (
                  <input
                    {...p}
                    type="datetime-local"
                    value={state.publishAt}
                    onChange={(e) => set('publishAt', e.target.value)}
                  />
                )}
              </Field>
              <Field label="Assignee" error={errors['assigneeId']}>
                {(p) => (
                  <select
                    {...p}
                    value={state.assigneeId}
                    onChange={(e) => set('assigneeId', e.target.value)}
                  >
                    <option value="">Unassigned</option>
                    {team.map((member) => (
                      <option key={member.id} value={member.id}>
                        {member.name}
                      </option>
                    ))}
                    {state.assigneeId && !team.some((m) => m.id === state.assigneeId) && (
                      <option value={state.assigneeId}>Former team member</option>
                    )}
                  </select>
                )}
              </Field>
              <Field
                label="Live URL"
                error={errors['liveUrl']}
                hint={
                  state.status === 'published'
                    ? 'Required: proof of post'
                    : 'Needed to mark it published'
                }
              >
                {(p) => (
                  <input
                    {...p}
                    type="url"
                    inputMode="url"
                    value={state.liveUrl}
                    onChange={(e) => set('liveUrl', e.target.value)}
                    placeholder="https://"
                  />
                )}
              </Field>
              <fieldset
                className="field span-2 checklist"
                aria-describedby={`${formId}-disclosure`}
              >
                <legend className="field__label">Disclosure</legend>
                <div className="checklist__items">
                  {DISCLOSURE_KEYS.map((key) => (
                    <label key={key} className="checkbox">
                      <input
                        type="checkbox"
                        checked={state.disclosure[key]}
                        onChange={(e) => setDisclosure(key, e.target.checked)}
                      />
                      <span>{DISCLOSURE_LABELS[key]}</span>
                    </label>
                  ))}
                </div>
                <p id={`${formId}-disclosure`} className="field__hint">
                  {disclosed
                    ? 'The audience is told this post is paid.'
                    : state.status === 'published'
                      ? 'Published without disclosure: tick what the post shows.'
                      : 'Tick what the post will show before it goes live.'}
                  {!state.disclosure.adInCaption && AD_TAG.test(state.caption) && (
                    <> The caption already contains an ad hashtag.</>
                  )}
                </p>
              </fieldset>
              <Field label="Brief" error={errors['brief']} className="span-2">
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={state.brief}
                    onChange={(e) => set('brief', e.target.value)}
                    placeholder="What the brand asked for: key messages, do's and don'ts, links"
                  />
                )}
              </Field>
              <Field label="Caption" error={errors['caption']} className="span-2">
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={state.caption}
                    onChange={(e) => set('caption', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <fieldset className="draft-links">
              <legend className="field__label">Draft links</legend>
              <p className="field__hint">
                Where the draft can be seen (a video file, a doc): shown on brand review links.
              </p>
              {state.draftLinks.map((link, index) => (
                <div key={index} className="draft-links__row">
                  <Field label="Label" error={errors[`draftLinks.${index}.label`]}>
                    {(p) => (
                      <input
                        {...p}
                        type="text"
                        value={link.label}
                        maxLength={200}
                        placeholder="e.g. Rough cut"
                        onChange={(e) => setLink(index, { ...link, label: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label="URL" error={errors[`draftLinks.${index}.url`]}>
                    {(p) => (
                      <input
                        {...p}
                        type="url"
                        inputMode="url"
                        value={link.url}
                        placeholder="https://"
                        onChange={(e) => setLink(index, { ...link, url: e.target.value })}
                      />
                    )}
                  </Field>
                  {!readOnly && (
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      aria-label={`Remove link ${index + 1}`}
                      onClick={() => setLink(index, null)}
                    >
                      Remove
                    </button>
                  )}
                </div>
              ))}
              {!readOnly && state.draftLinks.length < 20 && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    setState((s) => ({
                      ...s,
                      draftLinks: [...s.draftLinks, { label: '', url: '' }],
                    }))
                  }
                >
                  Add a link
                </button>
              )}
            </fieldset>
            <details className="metrics" open={showMetrics}>
              <summary>Metrics after publishing</summary>
              <div className="metrics__grid">
                {METRIC_KEYS.map((key) => (
                  <Field key={key} label={METRIC_LABELS[key]} error={errors[`metrics.${key}`]}>
                    {(p) => (
                      <input
                        {...p}
                        type="text"
                        inputMode="numeric"
                        value={state.metrics[key]}
                        onChange={(e) => setMetric(key, e.target.value)}
                      />
                    )}
                  </Field>
                ))}
              </div>
              <p className="metrics__rate" data-testid="engagement-rate">
                Engagement rate:{' '}
                <strong>{rate === null ? '—' : `${(rate * 100).toFixed(2)} %`}</strong>{' '}
                <span className="muted">(likes + comments + shares + saves) ÷ views</span>
              </p>
            </details>
          </fieldset>
        </form>
        {existing && <ReviewLinksSection user={user} deliverable={existing} />}
      </Dialog>
      {confirmDelete && existing && (
        <ConfirmDialog
          title="Delete this deliverable?"
          message={
            <p>
              <strong>{existing.title}</strong> will be removed from the calendar. This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete deliverable"
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(existing.id)}
        />
      )}
    </>
  );
}
