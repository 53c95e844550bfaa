import { describeWhen } from '../time';
import { deliverableGone, namedFor } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand asked for changes on its review link (raised by the review-link route). */
export const reviewChangesRequested: AlertRuleModule<'deliverable'> = {
  rule: 'review_changes_requested',
  subjectType: 'deliverable',
  headline: 'Brand asked for changes',
  stale: staleWhen<'deliverable'>(deliverableGone),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} asked for changes to ${namedFor(subject)} ${describeWhen(alert.dueAt, now, timeZone)}`,
};
