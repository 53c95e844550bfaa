import type { Kysely } from 'kysely';
import { todayIn, zonedInstant } from '../../../shared/days';
import type { Deal } from '../../../shared/schemas/deal';
import type { Deliverable, Format, Platform } from '../../../shared/schemas/deliverable';
import type { ProposalTerms } from '../../../shared/schemas/proposal';
import type { AuditActor } from '../../audit/record';
import { recordAudit } from '../../audit/record';
import type { Database } from '../schema';
import { getDeal, updateDeal } from './deals';
import { insertDeliverable, updateDeliverable } from './deliverables';

/** When an accepted item's go-live day is planned, in the workspace's zone. */
export const PROPOSAL_PUBLISH_TIME = '10:00';

/** The deliverable a proposal item becomes: a post on a platform, or with a go-live day. */
interface PlannedDeliverable {
  title: string;
  platform: Platform;
  format: Format;
  publishAt: string | null;
}

/**
 * The deliverables the terms promise: one per unit of each item that names a
 * platform or a go-live day. An item with neither (a usage-rights fee, say)
 * is money on the deal, not a post on the calendar.
 */
export function plannedDeliverables(terms: ProposalTerms, timeZone: string): PlannedDeliverable[] {
  const planned: PlannedDeliverable[] = [];
  for (const item of terms.items) {
    if (item.platform === null && item.publishOn === null) continue;
    for (let i = 0; i < item.quantity; i++) {
      planned.push({
        title: item.description,
        platform: item.platform ?? 'other',
        format: item.format ?? 'post',
        publishAt:
          item.publishOn === null
            ? null
            : zonedInstant(item.publishOn, PROPOSAL_PUBLISH_TIME, timeZone),
      });
    }
  }
  return planned;
}

export interface AcceptanceOptions {
  now: Date;
  timeZone: string;
  actor: AuditActor;
  /** How the trail names who accepted, e.g. `the brand (Bea Brand) via a proposal link`. */
  by: string;
}

/**
 * What accepting a proposal does to its deal, in the caller's transaction:
 * the deal is `contracted` from today (in the workspace's zone) with the
 * proposal's fee, currency, payment terms, usage rights and exclusivity, and
 * each promised deliverable exists: one already on the deal with the same
 * title, platform and format (from an accepted request, say) gets the
 * proposal's go-live day; the others are created, planned.
 */
export async function applyAcceptedProposal(
  trx: Kysely<Database>,
  dealId: string,
  terms: ProposalTerms,
  { now, timeZone, actor, by }: AcceptanceOptions,
): Promise<{ deal: Deal; deliverables: Deliverable[] }> {
  const before = await getDeal(trx, dealId, now);
  const deal = await updateDeal(
    trx,
    dealId,
    {
      version: before.version,
      status: 'contracted',
      contractSignedOn: todayIn(now, timeZone),
      feeCents: terms.totalCents,
      currency: terms.currency,
      paymentTermsDays: terms.paymentTermsDays,
      paymentTrigger: terms.paymentTrigger,
      usageRightsUntil: terms.usageRightsUntil,
      exclusivityCategory: terms.exclusivityCategory,
      exclusivityUntil: terms.exclusivityUntil,
    },
    now,
    before,
  );
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      entityType: 'deal',
      entityId: deal.id,
      summary: `Deal "${deal.title}" contracted: proposal accepted by ${by}`,
      before,
      after: deal,
    },
    now,
  );

  const existing = await trx
    .selectFrom('deliverables')
    .select(['id', 'title', 'platform', 'format', 'publishAt', 'version'])
    .where('dealId', '=', dealId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const unmatched = [...existing];
  const deliverables: Deliverable[] = [];
  for (const plan of plannedDeliverables(terms, timeZone)) {
    const index = unmatched.findIndex(
      (d) => d.title === plan.title && d.platform === plan.platform && d.format === plan.format,
    );
    if (index >= 0) {
      const [match] = unmatched.splice(index, 1);
      if (plan.publishAt === null || match!.publishAt === plan.publishAt) continue;
      const updated = await updateDeliverable(
        trx,
        match!.id,
        { version: match!.version, publishAt: plan.publishAt },
        now,
      );
      await recordAudit(
        trx,
        actor,
        {
          action: 'update',
          entityType: 'deliverable',
          entityId: updated.id,
          summary: `Deliverable "${updated.title}" dated by the proposal accepted by ${by}`,
          before: { publishAt: match!.publishAt },
          after: { publishAt: updated.publishAt },
        },
        now,
      );
      deliverables.push(updated);
      continue;
    }
    const created = await insertDeliverable(
      trx,
      {
        dealId,
        title: plan.title,
        platform: plan.platform,
        format: plan.format,
        publishAt: plan.publishAt,
      },
      now,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'create',
        entityType: 'deliverable',
        entityId: created.id,
        summary: `Deliverable "${created.title}" from the proposal accepted by ${by}`,
        after: created,
      },
      now,
    );
    deliverables.push(created);
  }
  return { deal, deliverables };
}
