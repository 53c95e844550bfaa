import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { yieldToEventLoop } from '../../event-loop';
import { findDealsChangedSince, noDealAlertYet } from './deal-changes';
import { staleWhen, type AlertRuleModule, type DueAlert, type RuleWindow } from './rule';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deals checked per query: well inside either engine's parameter limit. */
const BATCH = 500;

/**
 * The deals that may have fallen due in the window: those whose last go-live
 * passed the lead time in it (a published go-live in the window shifted back by
 * the lead), and those changed since (`findDealsChangedSince`). After the
 * workspace settings changed (the lead time, say), every go-live up to the
 * cutoff counts: the deals a shorter lead made due are found in the same scan.
 */
async function findCandidateDeals(
  db: Kysely<Database>,
  { now, since, settings }: RuleWindow,
  leadMs: number,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - leadMs).toISOString();
  let wentLive = db
    .selectFrom('deliverables')
    .select('dealId')
    .distinct()
    .where('status', '=', 'published')
    .where('publishAt', '<=', cutoff);
  if (Date.parse(settings.updatedAt) <= since.getTime())
    wentLive = wentLive.where('publishAt', '>', new Date(since.getTime() - leadMs).toISOString());
  const ids = await findDealsChangedSince(db, since);
  for (const row of await wentLive.execute()) ids.add(row.dealId);
  return [...ids].sort();
}

/**
 * Of `dealIds`, the deals due at `cutoff` (their last go-live at or before it), with that
 * go-live. The subqueries select the columns they search on: each is then answered from
 * its index alone, a deal's deliverables from (deal_id, status, publish_at).
 */
function findReportDueAmong(db: Kysely<Database>, dealIds: string[], cutoff: string) {
  return db
    .selectFrom('deals')
    .innerJoin('deliverables', 'deliverables.dealId', 'deals.id')
    .select((eb) => ['deals.id', eb.fn.max('deliverables.publishAt').as('lastLive')])
    .where('deals.id', 'in', dealIds)
    .where('deals.status', '!=', 'cancelled')
    .where('deliverables.status', '=', 'published')
    .where('deliverables.publishAt', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deliverables as open')
            .select('open.dealId')
            .whereRef('open.dealId', '=', 'deals.id')
            .where('open.status', 'not in', ['published', 'cancelled']),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reportLinks')
            .select('reportLinks.dealId')
            .whereRef('reportLinks.dealId', '=', 'deals.id'),
        ),
      ),
    )
    .where(noDealAlertYet('report_due'))
    .groupBy('deals.id')
    .having((eb) => eb.fn.max('deliverables.publishAt'), '<=', cutoff)
    .execute();
}

/**
 * `report_due`: the lead time (in days) after a deal's last deliverable went
 * live, while none of its deliverables is still to come and no report link
 * was ever shared. Once per deal: a deal with a `report_due` alert is not read
 * again. The due moment is the last go-live plus the lead time. Like the
 * overdue rules, a scan reads only what may have fallen due since the last one
 * (see `findCandidateDeals`), so what fell due while the server was down is
 * still found, and its cost follows what changed, not the number of deals.
 */
export const reportDue: AlertRuleModule<'deal'> = {
  rule: 'report_due',
  subjectType: 'deal',
  headline: 'Campaign report due',
  async findDue(db, window) {
    const lead = window.settings.leadTimes.reportDueDays;
    if (lead <= 0) return [];
    const leadMs = lead * DAY_MS;
    const cutoff = new Date(window.now.getTime() - leadMs).toISOString();
    const candidates = await findCandidateDeals(db, window, leadMs);
    const due: DueAlert[] = [];
    for (let i = 0; i < candidates.length; i += BATCH) {
      await yieldToEventLoop();
      for (const row of await findReportDueAmong(db, candidates.slice(i, i + BATCH), cutoff)) {
        due.push({
          rule: 'report_due',
          subjectType: 'deal',
          subjectId: row.id,
          dueAt: new Date(Date.parse(String(row.lastLive)) + leadMs).toISOString(),
          severity: 'info',
          assigneeId: null,
        });
      }
    }
    return due;
  },
  // The deal was deleted or cancelled, or its report was shared.
  stale: async (db, open, now, timeZone) => {
    const gone = await staleWhen<'deal'>((a) => !a.dealId || a.status === 'cancelled')(
      db,
      open,
      now,
      timeZone,
    );
    const ids = open.filter((a) => a.dealId).map((a) => a.dealId!);
    if (ids.length === 0) return gone;
    const shared = new Set(
      (
        await db
          .selectFrom('reportLinks')
          .select('dealId')
          .where('dealId', 'in', [...new Set(ids)])
          .execute()
      ).map((r) => r.dealId),
    );
    return [...gone, ...open.filter((a) => a.dealId && shared.has(a.dealId)).map((a) => a.id)];
  },
  message: (_alert, subject) =>
    `Campaign report due: every post of “${subject.title}” is live — share the results with ${subject.brandName}`,
};
