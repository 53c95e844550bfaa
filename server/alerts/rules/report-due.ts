import { staleWhen, type AlertRuleModule } from './rule';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `report_due`: the lead time (in days) after a deal's last deliverable went
 * live, while none of its deliverables is still to come and no report link
 * was ever shared. Once per deal: a deal with a `report_due` alert is not read
 * again. The due moment is the last go-live plus the lead time.
 */
export const reportDue: AlertRuleModule<'deal'> = {
  rule: 'report_due',
  subjectType: 'deal',
  headline: 'Campaign report due',
  async findDue(db, window) {
    const lead = window.settings.leadTimes.reportDueDays;
    if (lead <= 0) return [];
    const cutoff = new Date(window.now.getTime() - lead * DAY_MS).toISOString();
    const rows = await db
      .selectFrom('deals')
      .innerJoin('deliverables', 'deliverables.dealId', 'deals.id')
      .select((eb) => ['deals.id', eb.fn.max('deliverables.publishAt').as('lastLive')])
      .where('deals.status', '!=', 'cancelled')
      .where('deliverables.status', '=', 'published')
      .where('deliverables.publishAt', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('deliverables as open')
              .select('open.id')
              .whereRef('open.dealId', '=', 'deals.id')
              .where('open.status', 'not in', ['published', 'cancelled']),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('reportLinks')
              .select('reportLinks.id')
              .whereRef('reportLinks.dealId', '=', 'deals.id'),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('alerts')
              .select('alerts.id')
              .where('alerts.rule', '=', 'report_due')
              .where('alerts.subjectType', '=', 'deal')
              .whereRef('alerts.subjectId', '=', 'deals.id'),
          ),
        ),
      )
      .groupBy('deals.id')
      .having((eb) => eb.fn.max('deliverables.publishAt'), '<=', cutoff)
      .execute();
    return rows.map((row) => ({
      rule: 'report_due' as const,
      subjectType: 'deal' as const,
      subjectId: row.id,
      dueAt: new Date(Date.parse(String(row.lastLive)) + lead * DAY_MS).toISOString(),
      severity: 'info' as const,
      assigneeId: null,
    }));
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
