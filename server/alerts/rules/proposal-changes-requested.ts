import { describeWhen } from '../time';
import type { AlertRuleModule } from './rule';

/** The brand asked for changes to a proposal on its link (raised by the proposal-link route). */
export const proposalChangesRequested: AlertRuleModule<'deal'> = {
  rule: 'proposal_changes_requested',
  subjectType: 'deal',
  headline: 'Brand asked for changes to the proposal',
  // Until the team answers with a revision (the asked-about version is then replaced) or
  // withdraws it, or someone acknowledges it; a gone deal ends it.
  stale: async (db, open) => {
    const dealIds = open.flatMap((a) => (a.dealId === null ? [] : [a.dealId]));
    const waiting = new Set(
      dealIds.length === 0
        ? []
        : (
            await db
              .selectFrom('proposals')
              .select('dealId')
              .where('dealId', 'in', dealIds)
              .where('status', '=', 'changes_requested')
              .execute()
          ).map((p) => p.dealId),
    );
    return open.filter((a) => a.dealId === null || !waiting.has(a.dealId)).map((a) => a.id);
  },
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} asked for changes to the proposal for “${subject.title}” ${describeWhen(alert.dueAt, now, timeZone)}`,
};
