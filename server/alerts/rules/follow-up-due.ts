import { addDays, startOfDay, todayIn } from '../../../shared/days';
import { describeDay } from '../time';
import { staleWhen, type AlertRuleModule } from './rule';

/** An inactive brand is not chased; every other stage's follow-up counts (partners get renewals). */
const FOLLOW_UP_STAGES = ['prospect', 'pitched', 'negotiating', 'partner'] as const;

const dayStart = (day: unknown, timeZone: string) =>
  startOfDay(String(day).slice(0, 10), timeZone).toISOString();

/**
 * A brand's next follow-up day has begun in the workspace's zone. One alert
 * per brand and day; what came due while the server was down (or was set to a
 * past day by an edit since) is still raised. A range scan on `next_follow_up_on`.
 */
export const followUpDue: AlertRuleModule<'brand'> = {
  rule: 'follow_up_due',
  subjectType: 'brand',
  headline: 'Follow-up due',
  async findDue(db, { now, since, settings }) {
    const zone = settings.timeZone;
    const rows = await db
      .selectFrom('brands')
      .select(['id', 'nextFollowUpOn'])
      .where('nextFollowUpOn', '<=', todayIn(now, zone))
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
      dueAt: dayStart(row.nextFollowUpOn, zone),
      severity: 'info',
      assigneeId: null,
    }));
  },
  // The brand was deleted, became inactive, or got another follow-up day (or none).
  stale: staleWhen<'brand'>((a, _now, timeZone) => {
    const gone = !a.brandId || a.stage === 'inactive' || a.nextFollowUpOn === null;
    const moved =
      !gone &&
      a.updatedAt !== null &&
      a.updatedAt > a.createdAt &&
      dayStart(a.nextFollowUpOn, timeZone) !== new Date(a.dueAt).toISOString();
    return gone || moved;
  }),
  // A day, decided in the workspace's zone.
  message: (alert, subject, now, timeZone) =>
    `Follow up with ${subject.brandName}: planned ${describeDay(
      subject.dueOn ?? alert.dueAt.slice(0, 10),
      now,
      subject.zone ?? timeZone,
    )}`,
};
