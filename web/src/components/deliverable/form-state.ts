import type { Warning } from '../../../../shared/schemas/common';
import {
  DISCLOSURE_KEYS,
  METRIC_KEYS,
  type DraftLink,
  type Deliverable,
  type DeliverableCreate,
  type DeliverableStatus,
  type Format,
  type Platform,
} from '../../../../shared/schemas/deliverable';
import { instantToLocalInput, localInputToInstant } from '../../time';

export type MetricKey = (typeof METRIC_KEYS)[number];
export type DisclosureKey = (typeof DISCLOSURE_KEYS)[number];
type Disclosure = Record<DisclosureKey, boolean>;

export type SavedDeliverable = Deliverable & { warnings?: Warning[] };

export interface DeliverableDefaults {
  /** A `datetime-local` value in the user's time zone. */
  publishAt?: string;
  dealId?: string;
}

/** The deliverable form's values: dates as `datetime-local` text, metrics as typed. */
export interface DeliverableFormState {
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

/** A caption that already says it is paid: offered as a hint beside the checklist. */
export const AD_TAG = /(^|\s)#(ad|advert|sponsored|paidpartnership|werbung|anzeige)\b/i;

/**
 * The state with a new caption: a caption that comes to contain an ad hashtag (any case)
 * ticks "#ad hashtag". Only the change ticks it, so the user can still untick it.
 */
export function withCaption(state: DeliverableFormState, caption: string): DeliverableFormState {
  const tagged = !AD_TAG.test(state.caption) && AD_TAG.test(caption);
  return tagged
    ? { ...state, caption, disclosure: { ...state.disclosure, adInCaption: true } }
    : { ...state, caption };
}

function emptyMetrics(): Record<MetricKey, string> {
  return { views: '', likes: '', comments: '', shares: '', saves: '', clicks: '' };
}

/** A new deliverable: the caller's defaults, the only deal when there is one. */
export function newState(
  defaults: DeliverableDefaults | undefined,
  dealIds: string[],
): DeliverableFormState {
  return {
    title: '',
    dealId: defaults?.dealId ?? (dealIds.length === 1 ? dealIds[0]! : ''),
    platform: 'instagram',
    format: 'post',
    status: 'planned',
    draftDueAt: '',
    publishAt: defaults?.publishAt ?? '',
    assigneeId: '',
    caption: '',
    brief: '',
    disclosure: { paidPartnershipLabel: false, adInCaption: false, brandedContentToggle: false },
    draftLinks: [],
    liveUrl: '',
    metrics: emptyMetrics(),
  };
}

/** A saved deliverable as form values, its instants in the user's zone. */
export function stateFrom(d: Deliverable, timeZone: string): DeliverableFormState {
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

/** The typed metrics as numbers (thousands separators allowed), blank as null. */
export function metricNumbers(state: DeliverableFormState): Record<MetricKey, number | null> {
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
export function toPayload(
  state: DeliverableFormState,
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
