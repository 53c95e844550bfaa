import { formatMoney } from '../../../shared/currency';
import { olderThan } from '../cursor';
import { brandPerson, entry, teammate, type TimelineSource } from './source';

/** Review links sent to the brand for a deliverable's draft. */
export const reviewLinksSource: TimelineSource = {
  name: 'review-link',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('reviewLinks')
      .innerJoin('deliverables', 'deliverables.id', 'reviewLinks.deliverableId')
      .leftJoin('users', 'users.id', 'reviewLinks.createdBy')
      .select([
        'reviewLinks.id',
        'reviewLinks.createdAt',
        'reviewLinks.createdBy',
        'users.name as actorName',
        'deliverables.id as deliverableId',
        'deliverables.dealId',
        'deliverables.title',
      ])
      .where('deliverables.brandId', '=', brandId)
      .where((eb) =>
        olderThan(eb, 'reviewLinks.createdAt', 'reviewLinks.id', 'review-link', before),
      )
      .orderBy('reviewLinks.createdAt', 'desc')
      .orderBy('reviewLinks.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('review-link', row.id, {
        type: 'review_link_sent',
        at: row.createdAt,
        actor: teammate(row.createdBy, row.actorName),
        subjectType: 'deliverable',
        subjectId: row.deliverableId,
        dealId: row.dealId,
        summary: `Review link made for "${row.title}"`,
      }),
    );
  },
};

/** The brand's review decisions on those links. */
export const reviewDecisionsSource: TimelineSource = {
  name: 'review-decision',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('reviewLinks')
      .innerJoin('deliverables', 'deliverables.id', 'reviewLinks.deliverableId')
      .select([
        'reviewLinks.id',
        'reviewLinks.decidedAt',
        'reviewLinks.decision',
        'reviewLinks.comment',
        'reviewLinks.reviewerName',
        'deliverables.id as deliverableId',
        'deliverables.dealId',
        'deliverables.title',
      ])
      .where('deliverables.brandId', '=', brandId)
      .where('reviewLinks.decidedAt', 'is not', null)
      .where((eb) =>
        olderThan(eb, 'reviewLinks.decidedAt', 'reviewLinks.id', 'review-decision', before),
      )
      .orderBy('reviewLinks.decidedAt', 'desc')
      .orderBy('reviewLinks.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const who = brandPerson(row.reviewerName, 'The brand');
      return entry('review-decision', row.id, {
        type: 'review_decision',
        at: row.decidedAt!,
        actor: who,
        subjectType: 'deliverable',
        subjectId: row.deliverableId,
        dealId: row.dealId,
        summary:
          row.decision === 'approve'
            ? `"${row.title}" approved by ${who!.name}`
            : `Changes requested on "${row.title}" by ${who!.name}`,
        detail: row.comment || null,
      });
    });
  },
};

/** What the brand was sent about money: invoices, reminders, and its "we've paid" notices. */
const INVOICE_EVENT_TYPES = ['sent', 'marked_sent', 'reminder', 'remittance'] as const;

interface InvoiceEventData {
  to?: unknown;
  step?: unknown;
  amountCents?: unknown;
}

function recipients(to: unknown): string {
  return Array.isArray(to) && to.length > 0 ? ` to ${to.map(String).join(', ')}` : '';
}

export const invoiceEventsSource: TimelineSource = {
  name: 'invoice-event',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('invoiceEvents')
      .innerJoin('invoices', 'invoices.id', 'invoiceEvents.invoiceId')
      .innerJoin('deals', 'deals.id', 'invoices.dealId')
      .leftJoin('users', 'users.id', 'invoiceEvents.actorId')
      .select([
        'invoiceEvents.id',
        'invoiceEvents.at',
        'invoiceEvents.type',
        'invoiceEvents.data',
        'invoiceEvents.actorId',
        'users.name as actorName',
        'invoices.id as invoiceId',
        'invoices.number',
        'invoices.currency',
        'invoices.dealId',
      ])
      .where('deals.brandId', '=', brandId)
      .where('invoiceEvents.type', 'in', INVOICE_EVENT_TYPES)
      .where((eb) => olderThan(eb, 'invoiceEvents.at', 'invoiceEvents.id', 'invoice-event', before))
      .orderBy('invoiceEvents.at', 'desc')
      .orderBy('invoiceEvents.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const data = JSON.parse(row.data) as InvoiceEventData;
      const common = {
        at: row.at,
        actor: teammate(row.actorId, row.actorName),
        subjectType: 'invoice' as const,
        subjectId: row.invoiceId,
        dealId: row.dealId,
      };
      const invoice = `invoice ${row.number}`;
      switch (row.type) {
        case 'reminder':
          // Sent by Sponsorcal on the reminder ladder: nobody's hand.
          return entry('invoice-event', row.id, {
            ...common,
            type: 'invoice_reminder',
            actor: null,
            summary: `Reminder sent for ${invoice}${recipients(data.to)}`,
          });
        case 'remittance':
          return entry('invoice-event', row.id, {
            ...common,
            type: 'remittance',
            actor: brandPerson(null, 'The payer'),
            summary: `The payer says ${invoice} is paid${
              typeof data.amountCents === 'number'
                ? ` (${formatMoney(data.amountCents, row.currency)})`
                : ''
            }`,
          });
        case 'marked_sent':
          return entry('invoice-event', row.id, {
            ...common,
            type: 'invoice_sent',
            summary: `Invoice ${row.number} marked as sent`,
          });
        default:
          return entry('invoice-event', row.id, {
            ...common,
            type: 'invoice_sent',
            summary: `Invoice ${row.number} sent${recipients(data.to)}`,
          });
      }
    });
  },
};

/** Payments received (the payments themselves, however they were recorded). */
export const paymentsSource: TimelineSource = {
  name: 'payment',
  read: async (db, { brandId, before, limit }) => {
    const rows = await db
      .selectFrom('payments')
      .innerJoin('invoices', 'invoices.id', 'payments.invoiceId')
      .innerJoin('deals', 'deals.id', 'invoices.dealId')
      .select([
        'payments.id',
        'payments.createdAt',
        'payments.amountCents',
        'payments.currency',
        'payments.paidOn',
        'payments.method',
        'invoices.id as invoiceId',
        'invoices.number',
        'invoices.dealId',
      ])
      .where('deals.brandId', '=', brandId)
      .where((eb) => olderThan(eb, 'payments.createdAt', 'payments.id', 'payment', before))
      .orderBy('payments.createdAt', 'desc')
      .orderBy('payments.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) =>
      entry('payment', row.id, {
        type: 'payment',
        at: row.createdAt,
        actor: null,
        subjectType: 'invoice',
        subjectId: row.invoiceId,
        dealId: row.dealId,
        summary: `Payment of ${formatMoney(row.amountCents, row.currency)} for invoice ${row.number}, paid on ${row.paidOn}${row.method ? ` (${row.method})` : ''}`,
      }),
    );
  },
};
