import type { Kysely } from 'kysely';
import type { DeliverableStatus } from '../../shared/schemas/deliverable';
import type { Settings } from '../../shared/schemas/settings';
import type { AlertRule, AlertSeverity, AlertSubjectType, Database } from '../db/schema';

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
}

export const HOUR_MS = 60 * 60 * 1000;

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
  settings: Settings;
}

type DateColumn = 'draftDueAt' | 'publishAt';

interface DeliverableRuleSpec {
  column: DateColumn;
  soonRule: AlertRule;
  overdueRule: AlertRule;
  pending: DeliverableStatus[];
  leadHours: (s: Settings) => number;
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
  const sinceIso = since.toISOString();
  const due: DueAlert[] = [];

  for (const spec of DELIVERABLE_RULES) {
    const lead = spec.leadHours(settings);
    if (lead > 0) {
      // Due soon: the moment is still ahead, within the lead time. A moment already past
      // is only ever raised as overdue, so a server back from downtime does not say "soon".
      const soon = await db
        .selectFrom('deliverables')
        .select(['id', 'assigneeId', spec.column])
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
        });
      }
    }

    const overdue = await db
      .selectFrom('deliverables')
      .select(['id', 'assigneeId', spec.column])
      .where('status', 'in', spec.pending)
      .where((eb) =>
        eb.or([
          eb.and([eb(spec.column, '>', sinceIso), eb(spec.column, '<=', nowIso)]),
          eb.and([eb('updatedAt', '>', sinceIso), eb(spec.column, '<=', nowIso)]),
        ]),
      )
      .execute();
    for (const row of overdue) {
      due.push({
        rule: spec.overdueRule,
        subjectType: 'deliverable',
        subjectId: row.id,
        dueAt: row[spec.column]!,
        severity: 'critical',
        assigneeId: row.assigneeId,
      });
    }
  }
  return due;
}
