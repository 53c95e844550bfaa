import { describeWhen } from '../time';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand asked for changes to a proposal on its link (raised by the proposal-link route). */
export const proposalChangesRequested: AlertRuleModule<'deal'> = {
  rule: 'proposal_changes_requested',
  subjectType: 'deal',
  headline: 'Brand asked for changes to the proposal',
  // Until the team answers with a revision or someone acknowledges it; a gone deal ends it.
  stale: staleWhen<'deal'>((a) => a.dealId === null),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} asked for changes to the proposal for “${subject.title}” ${describeWhen(alert.dueAt, now, timeZone)}`,
};
