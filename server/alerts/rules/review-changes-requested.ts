import { describeWhen } from '../time';
import { deliverableGone } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand asked for changes on its review link (raised by the review-link route). */
export const reviewChangesRequested: AlertRuleModule<'deliverable'> = {
  rule: 'review_changes_requested',
  subjectType: 'deliverable',
  headline: 'Brand asked for changes',
  stale: staleWhen<'deliverable'>(deliverableGone),
  // The brand is who did it: named once, not again as the post's brand.
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} asked for changes to “${subject.title}” ${describeWhen(alert.dueAt, now, timeZone)}`,
};
