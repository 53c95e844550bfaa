import { describeWhen } from '../time';
import { PUBLISH_DUE, dateStale, findDueSoon, namedFor, platformName } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** A post goes live within the lead time (hours). */
export const publishDueSoon: AlertRuleModule<'deliverable'> = {
  rule: 'publish_due_soon',
  subjectType: 'deliverable',
  headline: 'Go-live coming up',
  findDue: (db, window) => findDueSoon(db, window, 'publish_due_soon', PUBLISH_DUE),
  // Past its moment, the overdue rule takes over.
  stale: staleWhen<'deliverable'>(
    (a, now) => dateStale(a, PUBLISH_DUE) || Date.parse(a.dueAt) <= now.getTime(),
  ),
  message: (alert, subject, now, timeZone) =>
    `Goes live on ${platformName(subject.platform)} ${describeWhen(alert.dueAt, now, timeZone)}: ${namedFor(subject)}`,
};
