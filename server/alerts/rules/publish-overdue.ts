import { describeWhen } from '../time';
import { PUBLISH_DUE, dateStale, findOverdue, namedFor, platformName } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** A post's go-live moment has passed and it is not published. */
export const publishOverdue: AlertRuleModule<'deliverable'> = {
  rule: 'publish_overdue',
  subjectType: 'deliverable',
  headline: 'Go-live missed',
  findDue: (db, window) => findOverdue(db, window, 'publish_overdue', PUBLISH_DUE),
  stale: staleWhen<'deliverable'>((a) => dateStale(a, PUBLISH_DUE)),
  message: (alert, subject, now, timeZone) =>
    `Not published yet: ${namedFor(subject)} was due to go live on ${platformName(subject.platform)} ${describeWhen(alert.dueAt, now, timeZone)}`,
};
