import { describeWhen } from '../time';
import { deliverableGone, namedFor } from './deliverable-dates';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand approved a draft on its review link (raised by the review-link route). */
export const reviewApproved: AlertRuleModule<'deliverable'> = {
  rule: 'review_approved',
  subjectType: 'deliverable',
  headline: 'Brand approved the draft',
  stale: staleWhen<'deliverable'>(deliverableGone),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} approved ${namedFor(subject)} ${describeWhen(alert.dueAt, now, timeZone)}`,
};
