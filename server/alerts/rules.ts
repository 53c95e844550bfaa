import type { Kysely } from 'kysely';
import type { DeliverableStatus } from '../../shared/schemas/deliverable';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import type { AlertRule, AlertSeverity, AlertSubjectType, Database } from '../db/schema';
import { yieldToEventLoop } from '../event-loop';
import { addDays, startOfDay, todayIn } from '../money';

/** Statuses in which the draft has not been handed in yet. */
export const DRAFT_PENDING_STATUSES: DeliverableStatus[] = ['planned', 'drafting'];
/** Statuses in which the post has not gone live and still should. */
export const PUBLISH_PENDING_STATUSES: DeliverableStatus[] = [
  'planned',
  'drafting',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
];

/** An alert a rule says is due now; raising it is idempotent on (rule, subject, dueAt). */
export interface DueAlert {
  rule: AlertRule;
  subjectType: AlertSubjectType;
  subjectId: string;
  dueAt: string;
  severity: AlertSeverity;
  /** The team member the subject is assigned to, who gets the e-mail; null: every editor. */
  assigneeId: string | null;
  /** What the message names, when the rule's own query read it (from its covering index). */
  deliverable?: DeliverableFacts;
}

/** A deliverable as its alert message names it. */
export interface DeliverableFacts {
  title: string;
  platform: string;
  publishAt: string | null;
  draftDueAt: string | null;
  brandId: string;
}

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

const factsOf = (row: RuleRow): DeliverableFacts => ({
  title: row.title,
  platform: row.platform,
  publishAt: row.publishAt,
  draftDueAt: row.draftDueAt,
  brandId: row.brandId,
});

export const HOUR_MS = 60 * 60 * 1000;
/** Overdue deliverables are read a day of due moments per query. */
const OVERDUE_SLICE_MS = 24 * HOUR_MS;

export interface RuleWindow {
  now: Date;
  /**
   * Overdue rules look at due moments after this instant, plus anything
   * edited since: what fell due while the server was down is still found.
   */
  since: Date;
  /**
   * The latest `now` any scan has seen (the watermark, or now if later). Due-soon
   * looks only beyond it, so after a clock rewind a moment already reported
   * overdue is never announced as "due soon".
   */
  highWater?: Date;
  settings: WorkspaceSettings;
}

type DateColumn = 'draftDueAt' | 'publishAt';

interface DeliverableRuleSpec {
  column: DateColumn;
  soonRule: AlertRule;
  overdueRule: AlertRule;
  pending: DeliverableStatus[];
  leadHours: (s: WorkspaceSettings) => number;
}

export const DELIVERABLE_RULES: readonly DeliverableRuleSpec[] = [
  {
    column: 'draftDueAt',
    soonRule: 'draft_due_soon',
    overdueRule: 'draft_overdue',
    pending: DRAFT_PENDING_STATUSES,
    leadHours: (s) => s.leadTimes.draftDueSoonHours,
  },
  {
    column: 'publishAt',
    soonRule: 'publish_due_soon',
    overdueRule: 'publish_overdue',
    pending: PUBLISH_PENDING_STATUSES,
    leadHours: (s) => s.leadTimes.publishDueSoonHours,
  },
];

/**
 * Deliverable alerts due at `now` (pure: reads the database, writes nothing).
 * Each query is a range scan on the date column's index, so the cost follows
 * what is due, not the size of the table.
 */
export async function findDueDeliverableAlerts(
  db: Kysely<Database>,
  { now, since, highWater, settings }: RuleWindow,
): Promise<DueAlert[]> {
  const nowIso = now.toISOString();
  const soonAfterIso = (highWater && highWater > now ? highWater : now).toISOString();
  const due: DueAlert[] = [];

  for (const spec of DELIVERABLE_RULES) {
    const lead = spec.leadHours(settings);
    if (lead > 0) {
      // Due soon: the moment is still ahead, within the lead time. A moment already past
      // is only ever raised as overdue, so a server back from downtime does not say "soon".
      const soon = await db
        .selectFrom('deliverables')
        .select(RULE_COLUMNS)
        .where(spec.column, '>', soonAfterIso)
        .where(spec.column, '<=', new Date(now.getTime() + lead * HOUR_MS).toISOString())
        .where('status', 'in', spec.pending)
        .execute();
      for (const row of soon) {
        due.push({
          rule: spec.soonRule,
          subjectType: 'deliverable',
          subjectId: row.id,
          dueAt: row[spec.column]!,
          severity: 'warning',
          assigneeId: row.assigneeId,
          deliverable: factsOf(row),
        });
      }
    }

    // Overdue since the watermark, a day of due moments per query (after downtime that is many
    // rows, and each query blocks the event loop the API shares), then what was edited since.
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
          .where(spec.column, '>', new Date(from).toISOString())
          .where(spec.column, '<=', new Date(to).toISOString())
          .where('status', 'in', spec.pending)
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
        .where(spec.column, '<=', nowIso)
        .where('status', 'in', spec.pending);
      if (!last)
        edited = edited.where('updatedAt', '<=', new Date(from + OVERDUE_SLICE_MS).toISOString());
      take(await edited.execute());
      await yieldToEventLoop();
      if (last) break;
    }
    for (const [id, row] of overdue) {
      due.push({
        rule: spec.overdueRule,
        subjectType: 'deliverable',
        subjectId: id,
        dueAt: row[spec.column]!,
        severity: 'critical',
        assigneeId: row.assigneeId,
        deliverable: factsOf(row),
      });
    }
  }
  return due;
}

/**
 * When an unpaid invoice is chased, in days overdue: the first day it is late
 * (the end of its due day), then at 7, 14 and 30 days overdue.
 */
export const INVOICE_REMINDER_DAYS = [1, 7, 14, 30] as const;

/**
 * The moment an invoice becomes `daysOverdue` days overdue: the start of that
 * day in the workspace's zone (1 = the end of the due day).
 */
export function invoiceOverdueMoment(dueOn: string, timeZone: string, daysOverdue = 1): string {
  return startOfDay(addDays(dueOn, daysOverdue), timeZone).toISOString();
}

/**
 * Invoice alerts due at `now`, decided in the workspace's zone: due soon
 * within the lead (in days) of the end of the due day; overdue at the end of
 * the due day, and again 7, 14 and 30 days later. Only sent invoices that
 * payments do not cover yet. Range scans on (status, due_on).
 */
export async function findDueInvoiceAlerts(
  db: Kysely<Database>,
  { now, since, highWater, settings }: RuleWindow,
): Promise<DueAlert[]> {
  const zone = settings.timeZone;
  const today = todayIn(now, zone);
  const due: DueAlert[] = [];
  const unpaid = <T extends { amountCents: number; paidCents: number }>(rows: T[]) =>
    rows.filter((r) => Number(r.paidCents) < Number(r.amountCents));

  const lead = settings.leadTimes.invoiceDueSoonDays;
  if (lead > 0) {
    // Due soon: the due day's end is ahead (and beyond any moment a scan already passed).
    const from = todayIn(highWater && highWater > now ? highWater : now, zone);
    const soon = await db
      .selectFrom('invoices')
      .select(['id', 'dueOn', 'amountCents', 'paidCents'])
      .where('status', '=', 'sent')
      .where('dueOn', '>=', from)
      .where('dueOn', '<=', addDays(today, lead - 1))
      .execute();
    for (const row of unpaid(soon)) {
      due.push({
        rule: 'invoice_due_soon',
        subjectType: 'invoice',
        subjectId: row.id,
        dueAt: invoiceOverdueMoment(row.dueOn, zone),
        severity: 'warning',
        assigneeId: null,
      });
    }
  }

  const maxReminder = INVOICE_REMINDER_DAYS[INVOICE_REMINDER_DAYS.length - 1]!;
  const sinceDay = todayIn(since, zone);
  // Two bounded range searches (a reminder may have come due; edited since), not one open-ended one.
  const lateQuery = () =>
    db
      .selectFrom('invoices')
      .select(['id', 'dueOn', 'amountCents', 'paidCents', 'updatedAt'])
      .where('status', '=', 'sent')
      .where('dueOn', '<', today);
  const late = new Map<
    string,
    Awaited<ReturnType<ReturnType<typeof lateQuery>['execute']>>[number]
  >();
  for (const row of await lateQuery()
    .where('dueOn', '>=', addDays(sinceDay, -1 - maxReminder))
    .execute()) {
    late.set(row.id, row);
  }
  await yieldToEventLoop();
  for (const row of await lateQuery().where('updatedAt', '>', since.toISOString()).execute())
    late.set(row.id, row);
  await yieldToEventLoop();
  const sinceMs = since.getTime();
  for (const row of unpaid([...late.values()])) {
    const passed = INVOICE_REMINDER_DAYS.map((days) =>
      invoiceOverdueMoment(row.dueOn, zone, days),
    ).filter((moment) => Date.parse(moment) <= now.getTime());
    // Reminders that fell due since the last scan; for an invoice edited since, its latest one only.
    const fresh = passed.filter((moment) => Date.parse(moment) > sinceMs);
    const edited = row.updatedAt > since.toISOString();
    const moments = fresh.length > 0 ? fresh : edited ? passed.slice(-1) : [];
    for (const moment of moments) {
      due.push({
        rule: 'invoice_overdue',
        subjectType: 'invoice',
        subjectId: row.id,
        dueAt: moment,
        severity: 'critical',
        assigneeId: null,
      });
    }
  }
  return due;
}

/** An inactive brand is not chased; every other stage's follow-up counts (partners get renewals). */
const FOLLOW_UP_STAGES = ['prospect', 'pitched', 'negotiating', 'partner'] as const;

/**
 * Follow-ups due at `now`: a brand's next follow-up day has begun in the
 * workspace's zone. One alert per brand and day; what came due while the
 * server was down (or was set to a past day by an edit since) is still raised.
 * A range scan on `next_follow_up_on`.
 */
export async function findDueFollowUpAlerts(
  db: Kysely<Database>,
  { now, since, settings }: RuleWindow,
): Promise<DueAlert[]> {
  const zone = settings.timeZone;
  const today = todayIn(now, zone);
  const rows = await db
    .selectFrom('brands')
    .select(['id', 'nextFollowUpOn'])
    .where('nextFollowUpOn', '<=', today)
    .where((eb) =>
      eb.or([
        eb('nextFollowUpOn', '>=', addDays(todayIn(since, zone), -1)),
        eb('updatedAt', '>', since.toISOString()),
      ]),
    )
    .where('stage', 'in', [...FOLLOW_UP_STAGES])
    .execute();
  return rows.map((row) => ({
    rule: 'follow_up_due',
    subjectType: 'brand',
    subjectId: row.id,
    dueAt: startOfDay(String(row.nextFollowUpOn).slice(0, 10), zone).toISOString(),
    severity: 'info',
    assigneeId: null,
  }));
}

/** Deals whose usage rights still matter: signed and not cancelled. */
export const USAGE_RIGHTS_DEAL_STATUSES = [
  'contracted',
  'in_progress',
  'delivered',
  'completed',
] as const;

/**
 * The moment a deal's usage rights end: the start of the day after its last
 * day, in the workspace's zone.
 */
export function usageRightsEndMoment(until: string, timeZone: string): string {
  return startOfDay(addDays(until, 1), timeZone).toISOString();
}

/**
 * Usage rights ending within the lead (in days) of their end moment, once per
 * deal and end day. Rights that already ended are not announced. A range scan
 * on `usage_rights_until`.
 */
export async function findDueUsageRightsAlerts(
  db: Kysely<Database>,
  { now, highWater, settings }: RuleWindow,
): Promise<DueAlert[]> {
  const lead = settings.leadTimes.usageRightsEndingDays;
  if (lead <= 0) return [];
  const zone = settings.timeZone;
  const today = todayIn(now, zone);
  const from = todayIn(highWater && highWater > now ? highWater : now, zone);
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'usageRightsUntil'])
    .where('usageRightsUntil', '>=', from)
    .where('usageRightsUntil', '<=', addDays(today, lead - 1))
    .where('status', 'in', [...USAGE_RIGHTS_DEAL_STATUSES])
    .execute();
  return rows.map((row) => ({
    rule: 'usage_rights_ending',
    subjectType: 'deal',
    subjectId: row.id,
    dueAt: usageRightsEndMoment(String(row.usageRightsUntil).slice(0, 10), zone),
    severity: 'warning',
    assigneeId: null,
  }));
}
