import type { DeliverableStatus } from './schemas/deliverable';
import type { LeadTimes } from './schemas/settings';

/**
 * How a deliverable's moment (its draft due or its go-live) stands against now — the one
 * rule the calendar, its "At risk" filter and the server's count share, and the same
 * the alerts raise on:
 * - `overdue`: the moment has come (at or before now) and it is still pending;
 * - `due_soon`: still pending, ahead, within the workspace lead time for that moment;
 * - `done`: published (or cancelled) — nothing is left to do;
 * - `on_track`: anything else (ahead of the lead time, or this moment is behind it).
 *
 * Moments are instants, so the answer is the same in every zone; the viewer's zone only
 * decides on which day the calendar draws them.
 */
export type Risk = 'overdue' | 'due_soon' | 'on_track' | 'done';

export type RiskMoment = 'draft' | 'publish';

/** What the rule reads of a deliverable. */
export interface RiskSubject {
  status: DeliverableStatus;
  draftDueAt: string | null;
  publishAt: string | null;
}

/** What the rule reads of the workspace lead times. */
export type RiskLeadTimes = Pick<LeadTimes, 'draftDueSoonHours' | 'publishDueSoonHours'>;

/** Statuses in which the draft has not been handed in yet. */
export const DRAFT_PENDING: readonly DeliverableStatus[] = ['planned', 'drafting'];

/** Statuses in which the post has not gone live and still should. */
export const PUBLISH_PENDING: readonly DeliverableStatus[] = [
  'planned',
  'drafting',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
];

const HOUR_MS = 60 * 60 * 1000;

/** The moment's instant, the statuses it is pending in and its lead time in hours. */
function momentOf(d: RiskSubject, moment: RiskMoment, lead: RiskLeadTimes) {
  return moment === 'draft'
    ? { at: d.draftDueAt, pending: DRAFT_PENDING, leadHours: lead.draftDueSoonHours }
    : { at: d.publishAt, pending: PUBLISH_PENDING, leadHours: lead.publishDueSoonHours };
}

/** How one moment of a deliverable stands at `now` (see {@link Risk}). */
export function riskOf(
  d: RiskSubject,
  moment: RiskMoment,
  now: Date,
  leadTimes: RiskLeadTimes,
): Risk {
  if (d.status === 'published' || d.status === 'cancelled') return 'done';
  const { at, pending, leadHours } = momentOf(d, moment, leadTimes);
  if (!at || !pending.includes(d.status)) return 'on_track';
  const atMs = Date.parse(at);
  const nowMs = now.getTime();
  if (atMs <= nowMs) return 'overdue';
  // A lead time of 0 turns "due soon" off, as it turns the alert off.
  if (leadHours > 0 && atMs <= nowMs + leadHours * HOUR_MS) return 'due_soon';
  return 'on_track';
}

const SEVERITY: Record<Risk, number> = { overdue: 3, due_soon: 2, on_track: 1, done: 0 };

/** The worse of a deliverable's two moments: what the deliverable as a whole is. */
export function deliverableRiskOf(d: RiskSubject, now: Date, leadTimes: RiskLeadTimes): Risk {
  const draft = riskOf(d, 'draft', now, leadTimes);
  const publish = riskOf(d, 'publish', now, leadTimes);
  return SEVERITY[draft] >= SEVERITY[publish] ? draft : publish;
}

/** Overdue or due soon: what the calendar's "At risk" filter keeps. */
export const isAtRisk = (risk: Risk): boolean => risk === 'overdue' || risk === 'due_soon';

/** The word shown on the calendar beside the status: never colour alone. */
export const RISK_LABELS: Record<Risk, string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_track: 'On track',
  done: 'Done',
};

/**
 * The latest instant a pending moment can have and still be at risk at `now`: anything
 * due by then is overdue or due soon. The server reads candidates up to it from the date
 * indexes, then applies {@link deliverableRiskOf}.
 */
export function riskHorizon(moment: RiskMoment, now: Date, leadTimes: RiskLeadTimes): Date {
  const hours = moment === 'draft' ? leadTimes.draftDueSoonHours : leadTimes.publishDueSoonHours;
  return new Date(now.getTime() + Math.max(0, hours) * HOUR_MS);
}
