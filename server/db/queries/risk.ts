import { sql, type Kysely } from 'kysely';
import {
  DRAFT_PENDING,
  PUBLISH_PENDING,
  deliverableRiskOf,
  riskHorizon,
  type RiskLeadTimes,
  type RiskSubject,
} from '../../../shared/risk';
import type { RiskCount } from '../../../shared/schemas/risk';
import type { Database } from '../schema';

/**
 * The workspace's deliverables at risk at `now`, with the shared rule, so this count
 * and the calendar never disagree:
 * - overdue: a draft pending at or before now, or a go-live pending at or before now.
 *   Counted in the database within the pending moments' partial indexes (`0018_risk_indexes`):
 *   late drafts + late go-lives − deliverables late on both (every draft-pending
 *   status is also go-live-pending). A workspace's past can hold tens of thousands.
 * - due soon: the rest with a pending moment within its lead time. Those few rows
 *   (the window between now and the horizon) are read and the rule decides.
 */
export async function countDeliverablesAtRisk(
  db: Kysely<Database>,
  now: Date,
  leadTimes: RiskLeadTimes,
): Promise<RiskCount> {
  const nowIso = now.toISOString();
  type Moment = 'draftDueAt' | 'publishAt';
  const pending = (moment: Moment) =>
    db
      .selectFrom('deliverables')
      // Literal values, as in the partial indexes' WHERE, so the planner can use them.
      .where(
        'status',
        'in',
        (moment === 'draftDueAt' ? DRAFT_PENDING : PUBLISH_PENDING).map((status) =>
          sql.lit(status),
        ),
      );
  /** Pending at `moment` and late on it (and, with `alsoLate`, on that one too). */
  const late = (moment: Moment, alsoLate?: Moment) =>
    pending(moment)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where(moment, '<=', nowIso)
      .$if(alsoLate !== undefined, (q) => q.where(alsoLate!, '<=', nowIso))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.count));
  const horizon = (moment: Moment) =>
    riskHorizon(moment === 'draftDueAt' ? 'draft' : 'publish', now, leadTimes).toISOString();
  const soonAt = (moment: Moment) =>
    pending(moment)
      .select(['id', 'status', 'draftDueAt', 'publishAt'])
      .where(moment, '>', nowIso)
      .where(moment, '<=', horizon(moment))
      .execute();
  const [lateDrafts, lateGoLives, lateBoth, drafts, goLives] = await Promise.all([
    late('draftDueAt'),
    late('publishAt'),
    late('draftDueAt', 'publishAt'),
    soonAt('draftDueAt'),
    soonAt('publishAt'),
  ]);
  const soon = new Map<string, RiskSubject>();
  for (const row of [...drafts, ...goLives]) soon.set(row.id, row);
  let dueSoon = 0;
  for (const d of soon.values()) if (deliverableRiskOf(d, now, leadTimes) === 'due_soon') dueSoon++;
  const overdue = lateDrafts + lateGoLives - lateBoth;
  return { overdue, dueSoon, atRisk: overdue + dueSoon };
}
