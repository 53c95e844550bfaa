import { formatMoney } from '../../../shared/currency';
import { olderThan } from '../cursor';
import { describeChanges, words, type AuditChanges } from './brand';
import { brandPerson, clip, entry, teammate, type TimelineSource } from './source';

/** Deals added, their status changes and other edits (the audit trail of the brand's deals). */
export const dealAuditSource: TimelineSource = {
  name: 'deal-audit',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('auditLog')
      .innerJoin('deals', 'deals.id', 'auditLog.entityId')
      .select([
        'auditLog.id',
        'auditLog.at',
        'auditLog.action',
        'auditLog.actorId',
        'auditLog.actorName',
        'auditLog.changes',
        'deals.id as dealId',
        'deals.title',
      ])
      .where('auditLog.entityType', '=', 'deal')
      // "Its deals' entries", not a join filtered on the deal's brand: SQLite would then walk
      // every deal's trail (entity_type alone) instead of each of this brand's deals' own.
      .where('auditLog.entityId', 'in', (eb) =>
        eb.selectFrom('deals').select('deals.id').where('deals.brandId', '=', brandId),
      )
      .where((eb) => olderThan(eb, 'auditLog.at', 'auditLog.id', 'deal-audit', before))
      .orderBy('auditLog.at', 'desc')
      .orderBy('auditLog.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const changes = JSON.parse(row.changes) as AuditChanges;
      const common = {
        at: row.at,
        actor: teammate(row.actorId, row.actorName),
        subjectType: 'deal' as const,
        subjectId: row.dealId,
        dealId: row.dealId,
      };
      if (row.action === 'create') {
        const status = changes['status']?.to;
        return entry('deal-audit', row.id, {
          ...common,
          type: 'deal_created',
          summary: `Deal "${row.title}" added${status ? ` (${words(status)})` : ''}`,
        });
      }
      return entry('deal-audit', row.id, {
        ...common,
        type: changes['status'] ? 'deal_status' : 'deal_changed',
        summary: `Deal "${row.title}" ${describeChanges(changes, 'status')}`,
      });
    });
  },
};

/** The total of a proposal's terms, from the JSON document it was sent as. */
function proposalTotal(terms: string): string {
  try {
    const { totalCents, currency } = JSON.parse(terms) as {
      totalCents?: number;
      currency?: string;
    };
    return typeof totalCents === 'number' && currency
      ? `: ${formatMoney(totalCents, currency)}`
      : '';
  } catch {
    return '';
  }
}

/** Proposals sent to the brand, one entry per version. */
export const proposalsSentSource: TimelineSource = {
  name: 'proposal-sent',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('proposals')
      .innerJoin('deals', 'deals.id', 'proposals.dealId')
      .leftJoin('users', 'users.id', 'proposals.createdBy')
      .select([
        'proposals.id',
        'proposals.createdAt',
        'proposals.version',
        'proposals.terms',
        'proposals.createdBy',
        'users.name as actorName',
        'deals.id as dealId',
        'deals.title',
      ])
      .where('deals.brandId', '=', brandId)
      .where((eb) => olderThan(eb, 'proposals.createdAt', 'proposals.id', 'proposal-sent', before))
      .orderBy('proposals.createdAt', 'desc')
      .orderBy('proposals.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('proposal-sent', row.id, {
        type: 'proposal_sent',
        at: row.createdAt,
        actor: teammate(row.createdBy, row.actorName),
        subjectType: 'proposal',
        subjectId: row.id,
        dealId: row.dealId,
        summary: `Proposal v${row.version} for "${row.title}" sent${proposalTotal(row.terms)}`,
      }),
    );
  },
};

/** The brand's answers to proposals: accepted (signed with a name) or changes asked for. */
export const proposalAnswersSource: TimelineSource = {
  name: 'proposal-answer',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('proposals')
      .innerJoin('deals', 'deals.id', 'proposals.dealId')
      .select([
        'proposals.id',
        'proposals.decidedAt',
        'proposals.version',
        'proposals.status',
        'proposals.decidedName',
        'proposals.decidedTitle',
        'proposals.comment',
        'deals.id as dealId',
        'deals.title',
      ])
      .where('deals.brandId', '=', brandId)
      .where('proposals.decidedAt', 'is not', null)
      .where((eb) =>
        olderThan(eb, 'proposals.decidedAt', 'proposals.id', 'proposal-answer', before),
      )
      .orderBy('proposals.decidedAt', 'desc')
      .orderBy('proposals.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const who = brandPerson(row.decidedName, 'The brand');
      const title = row.decidedTitle ? ` (${row.decidedTitle})` : '';
      const verb = row.status === 'changes_requested' ? 'Changes requested to' : 'Accepted';
      return entry('proposal-answer', row.id, {
        type: 'proposal_answered',
        at: row.decidedAt!,
        actor: who,
        subjectType: 'proposal',
        subjectId: row.id,
        dealId: row.dealId,
        summary: `${verb} proposal v${row.version} for "${row.title}" by ${who!.name}${title}`,
        detail: row.comment || null,
      });
    });
  },
};

/** Requests sent through the media kit's form that became this brand's. */
export const requestsSource: TimelineSource = {
  name: 'request',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('brandRequests')
      .select(['id', 'createdAt', 'name', 'company', 'message', 'dealId'])
      .where('brandId', '=', brandId)
      .where((eb) => olderThan(eb, 'createdAt', 'id', 'request', before))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('request', row.id, {
        type: 'request_received',
        at: row.createdAt,
        actor: brandPerson(row.name, row.company),
        subjectType: 'request',
        subjectId: row.id,
        dealId: row.dealId,
        summary: `Request received from ${clip(row.name, 80)} at ${clip(row.company, 80)}`,
        detail: row.message || null,
      }),
    );
  },
};

/** The team's decision on those requests. */
export const requestDecisionsSource: TimelineSource = {
  name: 'request-decision',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('brandRequests')
      .leftJoin('users', 'users.id', 'brandRequests.decidedBy')
      .select([
        'brandRequests.id',
        'brandRequests.decidedAt',
        'brandRequests.status',
        'brandRequests.decidedBy',
        'brandRequests.dealId',
        'users.name as actorName',
      ])
      .where('brandRequests.brandId', '=', brandId)
      .where('brandRequests.decidedAt', 'is not', null)
      .where((eb) =>
        olderThan(eb, 'brandRequests.decidedAt', 'brandRequests.id', 'request-decision', before),
      )
      .orderBy('brandRequests.decidedAt', 'desc')
      .orderBy('brandRequests.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('request-decision', row.id, {
        type: 'request_decided',
        at: row.decidedAt!,
        actor: teammate(row.decidedBy, row.actorName),
        subjectType: 'request',
        subjectId: row.id,
        dealId: row.dealId,
        summary: `Request ${words(row.status)}`,
      }),
    );
  },
};
