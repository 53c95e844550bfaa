import type { Kysely, Selectable } from 'kysely';
import type {
  Deliverable,
  DeliverableStatus,
  DraftLink,
} from '../../../shared/schemas/deliverable';
import type {
  ReviewDecision,
  ReviewLink,
  ReviewLinkState,
  ReviewView,
} from '../../../shared/schemas/review';
import { notFound } from '../../errors';
import type { Database, ReviewLinksTable } from '../schema';
import { toDeliverable } from './deliverables';

type ReviewLinkRow = Selectable<ReviewLinksTable>;

function stateOf(row: ReviewLinkRow, now: Date): ReviewLinkState {
  if (row.decision === 'approve') return 'approved';
  if (row.decision === 'request_changes') return 'changes_requested';
  if (row.revokedAt) return 'revoked';
  if (Date.parse(row.expiresAt) <= now.getTime()) return 'expired';
  return 'open';
}

function toReviewLink(row: ReviewLinkRow & { creatorName: string | null }, now: Date): ReviewLink {
  return {
    id: row.id,
    deliverableId: row.deliverableId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    decidedAt: row.decidedAt,
    decision: row.decision,
    comment: row.comment,
    reviewerName: row.reviewerName,
    createdBy:
      row.createdBy && row.creatorName ? { id: row.createdBy, name: row.creatorName } : null,
    state: stateOf(row, now),
  };
}

function selectReviewLinks(db: Kysely<Database>) {
  return db
    .selectFrom('reviewLinks')
    .leftJoin('users', 'users.id', 'reviewLinks.createdBy')
    .selectAll('reviewLinks')
    .select('users.name as creatorName');
}

/** The deliverable's status, or 404 when there is no such deliverable. */
export async function deliverableStatusOf(
  db: Kysely<Database>,
  deliverableId: string,
): Promise<{ status: DeliverableStatus; title: string }> {
  const row = await db
    .selectFrom('deliverables')
    .select(['status', 'title'])
    .where('id', '=', deliverableId)
    .executeTakeFirst();
  if (!row) throw notFound('Deliverable');
  return row;
}

export async function insertReviewLink(
  db: Kysely<Database>,
  input: Pick<ReviewLinkRow, 'id' | 'deliverableId' | 'tokenHash' | 'createdBy' | 'expiresAt'>,
  now: Date,
): Promise<ReviewLink> {
  await db
    .insertInto('reviewLinks')
    .values({
      ...input,
      createdAt: now.toISOString(),
      revokedAt: null,
      decidedAt: null,
      decision: null,
      comment: null,
      reviewerName: null,
    })
    .execute();
  return getReviewLink(db, input.deliverableId, input.id, now);
}

/** One link of the deliverable; 404 when the id is not a link of that deliverable. */
export async function getReviewLink(
  db: Kysely<Database>,
  deliverableId: string,
  id: string,
  now: Date,
): Promise<ReviewLink> {
  const row = await selectReviewLinks(db)
    .where('reviewLinks.id', '=', id)
    .where('reviewLinks.deliverableId', '=', deliverableId)
    .executeTakeFirst();
  if (!row) throw notFound('Review link');
  return toReviewLink(row, now);
}

/** The deliverable's review history, newest first. */
export async function listReviewLinks(
  db: Kysely<Database>,
  deliverableId: string,
  now: Date,
): Promise<ReviewLink[]> {
  const rows = await selectReviewLinks(db)
    .where('reviewLinks.deliverableId', '=', deliverableId)
    .orderBy('reviewLinks.createdAt', 'desc')
    .orderBy('reviewLinks.id', 'desc')
    .execute();
  return rows.map((row) => toReviewLink(row, now));
}

/**
 * Revokes an open link; a link already decided, revoked or expired is left as it is.
 * `before` is the link as read before (the audited route has it): not read again.
 */
export async function revokeReviewLink(
  db: Kysely<Database>,
  deliverableId: string,
  id: string,
  now: Date,
  before?: ReviewLink,
): Promise<ReviewLink> {
  const current = before ?? (await getReviewLink(db, deliverableId, id, now));
  if (current.state !== 'open') return current;
  const row = await db
    .updateTable('reviewLinks')
    .set({ revokedAt: now.toISOString() })
    .where('id', '=', id)
    .where('decidedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
  // Decided meanwhile: the decision stands, read as it now is.
  if (!row) return getReviewLink(db, deliverableId, id, now);
  return toReviewLink({ ...row, creatorName: current.createdBy?.name ?? null }, now);
}

function parseDraftLinks(json: string): DraftLink[] {
  try {
    const links: unknown = JSON.parse(json);
    return Array.isArray(links) ? (links as DraftLink[]) : [];
  } catch {
    return [];
  }
}

/**
 * The link behind a token while it still opens a review: not decided, not
 * revoked, not expired, and its deliverable still `in_review`. Answers only
 * what the brand may see; `undefined` for every other case alike.
 */
export async function findOpenReview(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<
  { linkId: string; deliverableId: string; view: Omit<ReviewView, 'workspaceName'> } | undefined
> {
  const row = await db
    .selectFrom('reviewLinks')
    .innerJoin('deliverables', 'deliverables.id', 'reviewLinks.deliverableId')
    .innerJoin('brands', 'brands.id', 'deliverables.brandId')
    .select([
      'reviewLinks.id as linkId',
      'reviewLinks.deliverableId',
      'reviewLinks.expiresAt',
      'brands.name as brandName',
      'deliverables.title',
      'deliverables.platform',
      'deliverables.format',
      'deliverables.status',
      'deliverables.draftDueAt',
      'deliverables.publishAt',
      'deliverables.caption',
      'deliverables.brief',
      'deliverables.draftLinks',
    ])
    .where('reviewLinks.tokenHash', '=', tokenHash)
    .where('reviewLinks.decidedAt', 'is', null)
    .where('reviewLinks.revokedAt', 'is', null)
    .where('reviewLinks.expiresAt', '>', now.toISOString())
    .where('deliverables.status', '=', 'in_review')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    linkId: row.linkId,
    deliverableId: row.deliverableId,
    view: {
      brandName: row.brandName,
      title: row.title,
      platform: row.platform,
      format: row.format,
      status: row.status,
      draftDueAt: row.draftDueAt,
      publishAt: row.publishAt,
      caption: row.caption,
      notes: row.brief,
      draftLinks: parseDraftLinks(row.draftLinks).map(({ label, url }) => ({ label, url })),
      expiresAt: row.expiresAt,
    },
  };
}

export interface ReviewDecisionInput {
  decision: ReviewDecision;
  comment: string | null;
  reviewerName: string | null;
}

/**
 * Records the brand's decision, only if the link is still open: of two
 * decisions at once, exactly one gets `true`.
 */
export async function claimReviewLink(
  db: Kysely<Database>,
  id: string,
  input: ReviewDecisionInput,
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const result = await db
    .updateTable('reviewLinks')
    .set({ decidedAt: nowIso, ...input })
    .where('id', '=', id)
    .where('decidedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a deliverable out of `in_review` to the brand's verdict, only if it is
 * still in review: the deliverable after the change, or `undefined` when it is
 * not (any more) in review.
 */
export async function setReviewedStatus(
  db: Kysely<Database>,
  deliverableId: string,
  status: 'approved' | 'changes_requested',
  now: Date,
): Promise<Deliverable | undefined> {
  const row = await db
    .updateTable('deliverables')
    .set((eb) => ({
      status,
      version: eb('version', '+', 1),
      updatedAt: now.toISOString(),
    }))
    .where('id', '=', deliverableId)
    .where('status', '=', 'in_review')
    .returningAll()
    .executeTakeFirst();
  return row && toDeliverable(row);
}

/**
 * Deletes links that expired before `expiredBefore` without a decision (never
 * opened, ignored or revoked); answers how many. A link with a decision is the
 * deliverable's review history (the verdict and the brand's comment) and stays.
 */
export async function deleteDeadReviewLinks(
  db: Kysely<Database>,
  expiredBefore: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('reviewLinks')
    .where('decidedAt', 'is', null)
    .where('decision', 'is', null)
    .where('expiresAt', '<=', expiredBefore.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
