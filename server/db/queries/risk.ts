import type { Kysely } from 'kysely';
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
 * The workspace's deliverables at risk at `now`, counted with the shared rule: the
 * candidates (a pending moment due by its horizon) come from the date columns' covering
 * indexes; the rule then decides, so this count and the calendar never disagree.
 */
export async function countDeliverablesAtRisk(
  db: Kysely<Database>,
  now: Date,
  leadTimes: RiskLeadTimes,
): Promise<RiskCount> {
  const columns = ['id', 'status', 'draftDueAt', 'publishAt'] as const;
  const [drafts, posts] = await Promise.all([
    db
      .selectFrom('deliverables')
      .select(columns)
      .where('draftDueAt', '<=', riskHorizon('draft', now, leadTimes).toISOString())
      .where('status', 'in', [...DRAFT_PENDING])
      .execute(),
    db
      .selectFrom('deliverables')
      .select(columns)
      .where('publishAt', '<=', riskHorizon('publish', now, leadTimes).toISOString())
      .where('status', 'in', [...PUBLISH_PENDING])
      .execute(),
  ]);
  const candidates = new Map<string, RiskSubject>();
  for (const row of [...drafts, ...posts]) candidates.set(row.id, row);
  let overdue = 0;
  let dueSoon = 0;
  for (const d of candidates.values()) {
    const risk = deliverableRiskOf(d, now, leadTimes);
    if (risk === 'overdue') overdue++;
    else if (risk === 'due_soon') dueSoon++;
  }
  return { overdue, dueSoon, atRisk: overdue + dueSoon };
}
