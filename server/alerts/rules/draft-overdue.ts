import { describeWhen } from '../time';
import { DRAFT_DUE, dateStale, findOverdue, namedFor } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** A draft's due moment has passed and it is not handed in. */
export const draftOverdue: AlertRuleModule<'deliverable'> = {
  rule: 'draft_overdue',
  subjectType: 'deliverable',
  headline: 'Draft overdue',
  findDue: (db, window) => findOverdue(db, window, 'draft_overdue', DRAFT_DUE),
  stale: staleWhen<'deliverable'>((a) => dateStale(a, DRAFT_DUE)),
  message: (alert, subject, now, timeZone) =>
    `Draft overdue: ${namedFor(subject)} was due ${describeWhen(alert.dueAt, now, timeZone)}`,
};
