import type { Kysely } from 'kysely';
import { PLATFORM_LABELS } from '../../../shared/labels';
import { DRAFT_PENDING, PUBLISH_PENDING } from '../../../shared/risk';
import type { DeliverableStatus, Platform } from '../../../shared/schemas/deliverable';
import type { WorkspaceSettings } from '../../../shared/schemas/settings';
import type { AlertRule, Database } from '../../db/schema';
import { yieldToEventLoop } from '../../event-loop';
import type { OpenAlertOf } from '../subjects';
import { HOUR_MS, soonAfter, type DueAlert, type RuleWindow } from './rule';

/**
 * What the deliverable rules share: a date column each ranges on (draft due,
 * go-live), the statuses in which that moment is still pending, and the two
 * queries (due soon, overdue) on the column's covering index.
 */
export interface DeliverableDate {
  column: 'draftDueAt' | 'publishAt';
  /** Statuses in which the moment is still pending. */
  pending: DeliverableStatus[];
  leadHours: (s: WorkspaceSettings) => number;
}

export const DRAFT_DUE: DeliverableDate = {
  column: 'draftDueAt',
  // The draft has not been handed in yet (the calendar's rule, shared/risk.ts).
  pending: [...DRAFT_PENDING],
  leadHours: (s) => s.leadTimes.draftDueSoonHours,
};

export const PUBLISH_DUE: DeliverableDate = {
  column: 'publishAt',
  // The post has not gone live and still should (the calendar's rule, shared/risk.ts).
  pending: [...PUBLISH_PENDING],
  leadHours: (s) => s.leadTimes.publishDueSoonHours,
};

/**
 * The columns a deliverable rule reads: all held by the calendar's covering
 * indexes (migration 0009), which lead with the date each rule ranges on, so
 * the rules never read a row of the table — and the message needs no second read.
 */
const RULE_COLUMNS = [
  'id',
  'assigneeId',
  'title',
  'platform',
  'publishAt',
  'draftDueAt',
  'brandId',
] as const;

type RuleRow = {
  id: string;
  assigneeId: string | null;
  title: string;
  platform: string;
  publishAt: string | null;
  draftDueAt: string | null;
  brandId: string;
};

/** Overdue deliverables are read a day of due moments per query. */
const OVERDUE_SLICE_MS = 24 * HOUR_MS;

function dueAlert(rule: AlertRule, date: DeliverableDate, row: RuleRow): DueAlert {
  return {
    rule,
    subjectType: 'deliverable',
    subjectId: row.id,
    dueAt: row[date.column]!,
    severity: rule.endsWith('_overdue') ? 'critical' : 'warning',
    assigneeId: row.assigneeId,
    deliverable: {
      title: row.title,
      platform: row.platform,
      publishAt: row.publishAt,
      draftDueAt: row.draftDueAt,
      brandId: row.brandId,
    },
  };
}

/**
 * Due soon: the moment is still ahead, within the lead time. A moment already past
 * is only ever raised as overdue, so a server back from downtime does not say "soon".
 * A range scan on the date column's index: the cost follows what is due.
 */
export async function findDueSoon(
  db: Kysely<Database>,
  window: RuleWindow,
  rule: AlertRule,
  date: DeliverableDate,
): Promise<DueAlert[]> {
  const lead = date.leadHours(window.settings);
  if (lead <= 0) return [];
  const rows = await db
    .selectFrom('deliverables')
    .select(RULE_COLUMNS)
    .where(date.column, '>', soonAfter(window).toISOString())
    .where(date.column, '<=', new Date(window.now.getTime() + lead * HOUR_MS).toISOString())
    .where('status', 'in', date.pending)
    .execute();
  return rows.map((row) => dueAlert(rule, date, row));
}

/**
 * Overdue since the watermark, a day of due moments per query (after downtime that is many
 * rows, and each query blocks the event loop the API shares), then what was edited since.
 */
export async function findOverdue(
  db: Kysely<Database>,
  { now, since }: RuleWindow,
  rule: AlertRule,
  date: DeliverableDate,
): Promise<DueAlert[]> {
  const overdue = new Map<string, RuleRow>();
  const take = (rows: RuleRow[]) => {
    for (const row of rows) overdue.set(row.id, row);
  };
  for (let from = since.getTime(); from < now.getTime(); from += OVERDUE_SLICE_MS) {
    const to = Math.min(from + OVERDUE_SLICE_MS, now.getTime());
    take(
      await db
        .selectFrom('deliverables')
        .select(RULE_COLUMNS)
        .where(date.column, '>', new Date(from).toISOString())
        .where(date.column, '<=', new Date(to).toISOString())
        .where('status', 'in', date.pending)
        .execute(),
    );
    await yieldToEventLoop();
  }
  // Edited since, a day of edits per query too (each edited row is a read of the table);
  // the last slice is open-ended: an edit stamped ahead of this clock still counts.
  for (let from = since.getTime(); ; from += OVERDUE_SLICE_MS) {
    const last = from + OVERDUE_SLICE_MS >= now.getTime();
    let edited = db
      .selectFrom('deliverables')
      .select(RULE_COLUMNS)
      .where('updatedAt', '>', new Date(from).toISOString())
      .where(date.column, '<=', now.toISOString())
      .where('status', 'in', date.pending);
    if (!last)
      edited = edited.where('updatedAt', '<=', new Date(from + OVERDUE_SLICE_MS).toISOString());
    take(await edited.execute());
    await yieldToEventLoop();
    if (last) break;
  }
  return [...overdue.values()].map((row) => dueAlert(rule, date, row));
}

type OpenDeliverableAlert = OpenAlertOf['deliverable'];

/** The deliverable was deleted. */
export const deliverableGone = (a: OpenDeliverableAlert): boolean => !a.deliverableId || !a.status;

/** The deliverable was deleted, handed in, published, cancelled or rescheduled (its moment changed). */
export const dateStale = (a: OpenDeliverableAlert, date: DeliverableDate): boolean =>
  deliverableGone(a) ||
  !date.pending.includes(a.status!) ||
  Date.parse(a[date.column] ?? '') !== Date.parse(a.dueAt);

/** "on YouTube", but "on the blog", and "on its platform" for `other`. */
export function platformName(platform: string | undefined): string {
  if (!platform || !(platform in PLATFORM_LABELS) || platform === 'other') return 'its platform';
  const label = PLATFORM_LABELS[platform as Platform];
  return ['blog', 'newsletter', 'podcast'].includes(platform)
    ? `the ${label.toLowerCase()}`
    : label;
}

/** “Title” for Brand. */
export const namedFor = (subject: { title: string; brandName: string }): string =>
  `“${subject.title}” for ${subject.brandName}`;
