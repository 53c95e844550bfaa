import { addDays, startOfDay, todayIn } from '../../../shared/days';
import { describeDay } from '../time';
import { soonAfter, staleWhen, type AlertRuleModule } from './rule';

/** Deals whose usage rights still matter: signed and not cancelled. */
const USAGE_RIGHTS_DEAL_STATUSES = ['contracted', 'in_progress', 'delivered', 'completed'] as const;

/**
 * The moment a deal's usage rights end: the start of the day after its last
 * day, in the workspace's zone.
 */
const usageRightsEndMoment = (until: unknown, timeZone: string): string =>
  startOfDay(addDays(String(until).slice(0, 10), 1), timeZone).toISOString();

/**
 * Usage rights ending within the lead (in days) of their end moment, once per
 * deal and end day. Rights that already ended are not announced. A range scan
 * on `usage_rights_until`.
 */
export const usageRightsEnding: AlertRuleModule<'deal'> = {
  rule: 'usage_rights_ending',
  subjectType: 'deal',
  headline: 'Usage rights ending',
  async findDue(db, window) {
    const lead = window.settings.leadTimes.usageRightsEndingDays;
    if (lead <= 0) return [];
    const zone = window.settings.timeZone;
    const rows = await db
      .selectFrom('deals')
      .select(['id', 'usageRightsUntil'])
      .where('usageRightsUntil', '>=', todayIn(soonAfter(window), zone))
      .where('usageRightsUntil', '<=', addDays(todayIn(window.now, zone), lead - 1))
      .where('status', 'in', [...USAGE_RIGHTS_DEAL_STATUSES])
      .execute();
    return rows.map((row) => ({
      rule: 'usage_rights_ending',
      subjectType: 'deal',
      subjectId: row.id,
      dueAt: usageRightsEndMoment(row.usageRightsUntil, zone),
      severity: 'warning',
      assigneeId: null,
    }));
  },
  // The deal was deleted or cancelled, its end day changed, or the rights have ended.
  stale: staleWhen<'deal'>((a, now, timeZone) => {
    const dueTime = Date.parse(a.dueAt);
    const gone =
      !a.dealId ||
      a.usageRightsUntil === null ||
      !(USAGE_RIGHTS_DEAL_STATUSES as readonly string[]).includes(a.status ?? '') ||
      dueTime <= now.getTime();
    const moved =
      !gone &&
      a.updatedAt !== null &&
      a.updatedAt > a.createdAt &&
      Date.parse(usageRightsEndMoment(a.usageRightsUntil, timeZone)) !== dueTime;
    return gone || moved;
  }),
  // A day, decided in the workspace's zone.
  message: (alert, subject, now, timeZone) =>
    `Usage rights for “${subject.title}” (${subject.brandName}) end ${describeDay(
      subject.dueOn ?? alert.dueAt.slice(0, 10),
      now,
      subject.zone ?? timeZone,
    )}: renew or take the content down`,
};
