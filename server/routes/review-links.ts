import { Hono, type Context } from 'hono';
import {
  REVIEW_LINK_DEFAULT_DAYS,
  reviewDecisionBodySchema,
  reviewLinkCreateSchema,
  type ReviewDecisionResult,
  type ReviewLink,
  type ReviewLinkCreated,
  type ReviewView,
  reviewDecisionResultSchema,
  reviewLinkCreatedSchema,
  reviewLinkSchema,
  reviewViewSchema,
} from '../../shared/schemas/review';
import { raiseAlertsInTransaction } from '../alerts/raise';
import { auditedCreate, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { recordAudit } from '../audit/record';
import { currentUser } from '../auth/session';
import { createToken, hashToken } from '../auth/tokens';
import { getDeliverable } from '../db/queries/deliverables';
import {
  claimReviewLink,
  deliverableStatusOf,
  findOpenReview,
  getReviewLink,
  insertReviewLink,
  listReviewLinks,
  revokeReviewLink,
  setReviewedStatus,
} from '../db/queries/review-links';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { newId } from '../ids';
import { validate } from '../validate';
import { declare, list } from './declare';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One answer for every link that does not open a review, so a token says nothing about why. */
const inactiveLink = () =>
  new AppError(
    404,
    'not_found',
    'This review link is no longer active: it was used, withdrawn or has expired.',
  );

const route = {
  list: declare({
    access: 'viewer',
    summary: "A deliverable's review links and decisions",
    answers: { 200: list(reviewLinkSchema) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Create a brand review link',
    body: reviewLinkCreateSchema,
    answers: { 201: reviewLinkCreatedSchema },
    errors: [409],
  }),
  revoke: declare({
    access: 'editor',
    summary: 'Revoke a review link',
    answers: { 204: null },
  }),
  view: declare({
    access: 'public',
    summary: 'Public: the draft a review link shows',
    answers: { 200: reviewViewSchema },
  }),
  decide: declare({
    access: 'public',
    summary: 'Public: approve or request changes',
    body: reviewDecisionBodySchema,
    answers: { 200: reviewDecisionResultSchema },
    errors: [409],
  }),
};

/**
 * The team's side of brand review: links made from a deliverable in review,
 * its review history, and revoking a link. Mounted under `/api/deliverables`.
 */
export function reviewLinkRoutes({ db, clock, config }: AppDeps) {
  const target = (c: Context<AppEnv>, title: () => string): AuditedTarget<ReviewLink> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'review_link',
    summary: () => `Review link for deliverable "${title()}"`,
  });
  return new Hono<AppEnv>()
    .get('/:id/review-links', route.list, async (c) => {
      const id = c.req.param('id');
      await deliverableStatusOf(db, id);
      return c.json({ items: await listReviewLinks(db, id, clock.now()) }, 200);
    })
    .post(
      '/:id/review-links',
      route.create,
      validate('json', reviewLinkCreateSchema),
      async (c) => {
        const input = c.req.valid('json');
        const deliverableId = c.req.param('id');
        const token = createToken();
        let title = '';
        const t = target(c, () => title);
        const link = await auditedCreate(t, async (trx) => {
          const deliverable = await deliverableStatusOf(trx, deliverableId);
          title = deliverable.title;
          if (deliverable.status !== 'in_review') {
            throw new AppError(
              409,
              'not_in_review',
              'A review link can only be made while the deliverable is "In review". Set its status to In review first.',
            );
          }
          const days = input.expiresInDays ?? REVIEW_LINK_DEFAULT_DAYS;
          return insertReviewLink(
            trx,
            {
              id: newId(),
              deliverableId,
              tokenHash: hashToken(token),
              createdBy: currentUser(c).id,
              expiresAt: new Date(t.now.getTime() + days * DAY_MS).toISOString(),
            },
            t.now,
          );
        });
        const created: ReviewLinkCreated = {
          ...link,
          token,
          url: `${config.APP_URL.replace(/\/+$/, '')}/review/${token}`,
        };
        return c.json(created, 201);
      },
    )
    .delete('/:id/review-links/:linkId', route.revoke, async (c) => {
      const deliverableId = c.req.param('id');
      const linkId = c.req.param('linkId');
      let title = '';
      const t = target(c, () => title);
      await auditedUpdate(
        t,
        async (trx) => {
          title = (await deliverableStatusOf(trx, deliverableId)).title;
          return getReviewLink(trx, deliverableId, linkId, t.now);
        },
        (trx, before) => revokeReviewLink(trx, deliverableId, linkId, t.now, before),
      );
      return c.body(null, 204);
    });
}

const NEW_STATUS = { approve: 'approved', request_changes: 'changes_requested' } as const;

/**
 * The brand's side, without an account: the draft behind a token, and the
 * decision on it. Mounted under `/api/review`; the token is the credential.
 */
export function reviewRoutes({ db, clock, emailConfigured }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:token', route.view, async (c) => {
      const now = clock.now();
      const review = await findOpenReview(db, hashToken(c.req.param('token')), now);
      if (!review) throw inactiveLink();
      const settings = await getSettings(db, now);
      const view: ReviewView = { workspaceName: settings.name, ...review.view };
      return c.json(view, 200);
    })
    .post(
      '/:token/decision',
      route.decide,
      validate('json', reviewDecisionBodySchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        const comment = input.comment?.trim() ? input.comment.trim() : null;
        const reviewerName = input.name ? input.name : null;
        const status = NEW_STATUS[input.decision];
        await inTransaction(db, async (trx) => {
          const review = await findOpenReview(trx, hashToken(c.req.param('token')), now);
          if (!review) throw inactiveLink();
          // Of two decisions at once, one claims the link; the other ends here and rolls back.
          const claimed = await claimReviewLink(
            trx,
            review.linkId,
            { decision: input.decision, comment, reviewerName },
            now,
          );
          if (!claimed) throw inactiveLink();
          const before = await getDeliverable(trx, review.deliverableId);
          const after = await setReviewedStatus(trx, review.deliverableId, status, now);
          if (!after) throw inactiveLink();
          // The brand has no account: the trail says "via a review link" and names whom they said they were.
          const actor = { id: null, name: reviewerName, via: 'public' as const };
          const by = `the brand${reviewerName ? ` (${reviewerName})` : ''} via a review link`;
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              entityType: 'deliverable',
              entityId: after.id,
              summary: `Deliverable "${after.title}" ${input.decision === 'approve' ? 'approved' : 'sent back for changes'} by ${by}`,
              before,
              after,
            },
            now,
          );
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              entityType: 'review_link',
              entityId: review.linkId,
              summary: `Review link for deliverable "${after.title}" answered by ${by}`,
              before: { state: 'open', decision: null, comment: null, reviewerName: null },
              after: {
                state: status === 'approved' ? 'approved' : 'changes_requested',
                decision: input.decision,
                comment,
                reviewerName,
              },
            },
            now,
          );
          // In the same transaction: the decision and the team's alert of it are kept or lost together.
          const { timeZone } = await getSettings(trx, now);
          await raiseAlertsInTransaction(
            trx,
            [
              {
                rule: input.decision === 'approve' ? 'review_approved' : 'review_changes_requested',
                subjectType: 'deliverable',
                subjectId: after.id,
                dueAt: now.toISOString(),
                severity: input.decision === 'approve' ? 'info' : 'warning',
                assigneeId: after.assigneeId,
              },
            ],
            { now, timeZone, emailEnabled: emailConfigured },
          );
        });
        const result: ReviewDecisionResult = {
          decision: input.decision,
          decidedAt: now.toISOString(),
          status,
        };
        return c.json(result, 200);
      },
    );
}
