import type { Kysely } from 'kysely';
import type { AlertSubjectType, Database } from '../db/schema';

/**
 * Open (unresolved, unacknowledged) alerts about one kind of subject, each
 * with what the rules' `stale` checks read of its subject (null when the
 * subject is gone): one query per batch of alert ids, for every rule.
 */
const openAlerts = {
  deliverable: (db: Kysely<Database>, ids: string[]) =>
    db
      .selectFrom('alerts')
      .leftJoin('deliverables', 'deliverables.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'deliverables.id as deliverableId',
        'deliverables.status',
        'deliverables.draftDueAt',
        'deliverables.publishAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'deliverable')
      .where('alerts.id', 'in', ids)
      .execute(),
  invoice: (db: Kysely<Database>, ids: string[]) =>
    db
      .selectFrom('alerts')
      .leftJoin('invoices', 'invoices.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'invoices.id as invoiceId',
        'invoices.status',
        'invoices.dueOn',
        'invoices.amountCents',
        'invoices.paidCents',
        'invoices.updatedAt',
        'alerts.createdAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'invoice')
      .where('alerts.id', 'in', ids)
      .execute(),
  brand: (db: Kysely<Database>, ids: string[]) =>
    db
      .selectFrom('alerts')
      .leftJoin('brands', 'brands.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'alerts.createdAt',
        'brands.id as brandId',
        'brands.stage',
        'brands.nextFollowUpOn',
        'brands.updatedAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'brand')
      .where('alerts.id', 'in', ids)
      .execute(),
  deal: (db: Kysely<Database>, ids: string[]) =>
    db
      .selectFrom('alerts')
      .leftJoin('deals', 'deals.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'alerts.createdAt',
        'deals.id as dealId',
        'deals.status',
        'deals.usageRightsUntil',
        'deals.feeCents',
        'deals.updatedAt',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'deal')
      .where('alerts.id', 'in', ids)
      .execute(),
  request: (db: Kysely<Database>, ids: string[]) =>
    db
      .selectFrom('alerts')
      .leftJoin('brandRequests', 'brandRequests.id', 'alerts.subjectId')
      .select([
        'alerts.id',
        'alerts.rule',
        'alerts.dueAt',
        'brandRequests.id as requestId',
        'brandRequests.status',
      ])
      .where('alerts.resolvedAt', 'is', null)
      .where('alerts.acknowledgedAt', 'is', null)
      .where('alerts.subjectType', '=', 'request')
      .where('alerts.id', 'in', ids)
      .execute(),
} satisfies Record<AlertSubjectType, (db: Kysely<Database>, ids: string[]) => Promise<unknown[]>>;

/** An open alert about a subject of this type, with its subject's columns. */
export type OpenAlertOf = {
  [S in AlertSubjectType]: Awaited<ReturnType<(typeof openAlerts)[S]>>[number];
};

/** The subject types, in the order the resolver checks them. */
export const SUBJECT_TYPES = [
  'deliverable',
  'invoice',
  'brand',
  'deal',
  'request',
] as const satisfies readonly AlertSubjectType[];

/** Open alerts about subjects of this type whose ids are given, with their subjects. */
export function loadOpenAlerts<S extends AlertSubjectType>(
  db: Kysely<Database>,
  subjectType: S,
  ids: string[],
): Promise<Array<OpenAlertOf[S]>> {
  return (
    openAlerts[subjectType] as (
      db: Kysely<Database>,
      ids: string[],
    ) => Promise<Array<OpenAlertOf[S]>>
  )(db, ids);
}
