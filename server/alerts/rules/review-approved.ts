import { describeWhen } from '../time';
import { deliverableGone } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand approved a draft on its review link (raised by the review-link route). */
export const reviewApproved: AlertRuleModule<'deliverable'> = {
  rule: 'review_approved',
  subjectType: 'deliverable',
  headline: 'Brand approved the draft',
  stale: staleWhen<'deliverable'>(deliverableGone),
  // The brand is who did it: named once, not again as the post's brand.
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} approved “${subject.title}” ${describeWhen(alert.dueAt, now, timeZone)}`,
};
