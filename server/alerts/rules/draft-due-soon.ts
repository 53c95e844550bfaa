import { describeWhen } from '../time';
import { DRAFT_DUE, dateStale, findDueSoon, namedFor } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** A draft is due within the lead time (hours) and not handed in yet. */
export const draftDueSoon: AlertRuleModule<'deliverable'> = {
  rule: 'draft_due_soon',
  subjectType: 'deliverable',
  headline: 'Draft due soon',
  findDue: (db, window) => findDueSoon(db, window, 'draft_due_soon', DRAFT_DUE),
  // Past its moment, the overdue rule takes over.
  stale: staleWhen<'deliverable'>(
    (a, now) => dateStale(a, DRAFT_DUE) || Date.parse(a.dueAt) <= now.getTime(),
  ),
  message: (alert, subject, now, timeZone) =>
    `Draft due ${describeWhen(alert.dueAt, now, timeZone)}: ${namedFor(subject)}`,
};
