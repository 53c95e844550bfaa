import { describeWhen } from '../time';
import { staleWhen, type AlertRuleModule } from './rule';

/** The brand accepted a proposal on its link: the deal is contracted (raised by the proposal-link route). */
export const proposalAccepted: AlertRuleModule<'deal'> = {
  rule: 'proposal_accepted',
  subjectType: 'deal',
  headline: 'Brand accepted the proposal',
  stale: staleWhen<'deal'>((a) => a.dealId === null),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} accepted the proposal for “${subject.title}” ${describeWhen(alert.dueAt, now, timeZone)}: the deal is contracted`,
};
