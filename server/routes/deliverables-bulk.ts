import { Hono, type Context } from 'hono';
import {
  boardAnswerSchema,
  boardQuerySchema,
  bulkAnswerSchema,
  bulkRequestSchema,
  restoreRequestSchema,
} from '../../shared/schemas/bulk';
import { deliverableSchema, type Deliverable } from '../../shared/schemas/deliverable';
import { auditActor, recordAudit } from '../audit/record';
import { currentUser } from '../auth/session';
import { applyBulkAction, listBoardDeliverables, restoreDeliverables } from '../db/queries/bulk';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { declare, list } from './declare';

const route = {
  board: declare({
    access: 'viewer',
    summary:
      'The status board: deliverables due in a window (default from 30 days ago) and undated ones, at most 1000',
    query: boardQuerySchema,
    answers: { 200: boardAnswerSchema },
  }),
  bulk: declare({
    access: 'editor',
    summary:
      'Change status or assignee, shift dates or delete many deliverables at once (at most 500; all or nothing; 409 naming the stale ones)',
    body: bulkRequestSchema,
    answers: { 200: bulkAnswerSchema },
    errors: [409],
  }),
  restore: declare({
    access: 'editor',
    summary:
      'Undo a bulk action or a delete: put deliverables back as their snapshots say (409 when changed since)',
    body: restoreRequestSchema,
    answers: { 200: list(deliverableSchema) },
    errors: [409],
  }),
};

const summary = (d: Deliverable) => `Deliverable "${d.title}"`;

/** Bulk changes to deliverables and the board's read; mounted before `/api/deliverables/:id`. */
export function deliverableBulkRoutes({ db, clock }: AppDeps) {
  const timeZoneOf = async (c: Context<AppEnv>, now: Date) =>
    currentUser(c).timeZone ?? (await getSettings(db, now)).timeZone;
  return new Hono<AppEnv>()
    .get('/board', route.board, validate('query', boardQuerySchema), async (c) =>
      c.json(await listBoardDeliverables(db, c.req.valid('query'), clock.now()), 200),
    )
    .post('/bulk', route.bulk, validate('json', bulkRequestSchema), async (c) => {
      const now = clock.now();
      const { ids, action } = c.req.valid('json');
      const timeZone = await timeZoneOf(c, now);
      const actor = auditActor(c);
      const items = await inTransaction(db, async (trx) => {
        const results = await applyBulkAction(trx, ids, action, now, timeZone);
        for (const { before, after } of results) {
          await recordAudit(
            trx,
            actor,
            after
              ? {
                  action: 'update',
                  entityType: 'deliverable',
                  entityId: before.id,
                  summary: summary(after),
                  before,
                  after,
                }
              : {
                  action: 'delete',
                  entityType: 'deliverable',
                  entityId: before.id,
                  summary: summary(before),
                  before,
                },
            now,
          );
        }
        return results;
      });
      return c.json({ items }, 200);
    })
    .post('/bulk/restore', route.restore, validate('json', restoreRequestSchema), async (c) => {
      const now = clock.now();
      const actor = auditActor(c);
      const items = await inTransaction(db, async (trx) => {
        const results = await restoreDeliverables(trx, c.req.valid('json').items, now);
        for (const { before, after } of results) {
          await recordAudit(
            trx,
            actor,
            before
              ? {
                  action: 'update',
                  entityType: 'deliverable',
                  entityId: after.id,
                  summary: summary(after),
                  before,
                  after,
                }
              : {
                  action: 'create',
                  entityType: 'deliverable',
                  entityId: after.id,
                  summary: summary(after),
                  after,
                },
            now,
          );
        }
        return results.map((r) => r.after);
      });
      return c.json({ items }, 200);
    });
}
