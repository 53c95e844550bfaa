import { Hono, type Context } from 'hono';
import {
  dealCreateSchema,
  dealListQuerySchema,
  dealPatchSchema,
  type Deal,
  dealDeletionSchema,
  dealSchema,
} from '../../shared/schemas/deal';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { deleteDeal, getDeal, insertDeal, listDeals, updateDeal } from '../db/queries/deals';
import { dealDeletionRefusal } from '../db/queries/deal-deletion';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { declare, list } from './declare';

const route = {
  list: declare({
    access: 'viewer',
    summary: 'Deals',
    query: dealListQuerySchema,
    answers: { 200: list(dealSchema) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Create a deal',
    body: dealCreateSchema,
    answers: { 201: dealSchema },
  }),
  one: declare({ access: 'viewer', summary: 'One deal', answers: { 200: dealSchema } }),
  update: declare({
    access: 'editor',
    summary: 'Change a deal (with its version)',
    body: dealPatchSchema,
    answers: { 200: dealSchema },
    errors: [409],
  }),
  deletion: declare({
    access: 'viewer',
    summary: 'Whether deleting a deal would be refused, and why (asked before confirming)',
    answers: { 200: dealDeletionSchema },
  }),
  remove: declare({
    access: 'editor',
    summary: 'Delete a deal',
    answers: { 204: null },
    errors: [409],
  }),
};

export function dealRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>): AuditedTarget<Deal> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'deal',
    summary: (deal) => `Deal "${deal.title}"`,
  });
  return new Hono<AppEnv>()
    .get('/', route.list, validate('query', dealListQuerySchema), async (c) => {
      return c.json({ items: await listDeals(db, c.req.valid('query'), clock.now()) }, 200);
    })
    .post('/', route.create, validate('json', dealCreateSchema), async (c) => {
      const t = target(c);
      const settings = await getSettings(db, t.now);
      const deal = await auditedCreate(t, (trx) =>
        insertDeal(trx, c.req.valid('json'), { currency: settings.currency }, t.now),
      );
      return c.json(deal, 201);
    })
    .get('/:id', route.one, async (c) => {
      return c.json(await getDeal(db, c.req.param('id'), clock.now()), 200);
    })
    .get('/:id/deletion', route.deletion, async (c) => {
      const deal = await getDeal(db, c.req.param('id'), clock.now());
      const reason = await dealDeletionRefusal(db, deal);
      return c.json({ allowed: reason === null, reason }, 200);
    })
    .patch('/:id', route.update, validate('json', dealPatchSchema), async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      const deal = await auditedUpdate(
        t,
        (trx) => getDeal(trx, id, t.now),
        (trx, before) => updateDeal(trx, id, c.req.valid('json'), t.now, before),
      );
      return c.json(deal, 200);
    })
    .delete('/:id', route.remove, async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      // Its deliverables go with it; the entry names the deal, whose id finds them in the trail.
      await auditedDelete(
        t,
        (trx) => getDeal(trx, id, t.now),
        (trx) => deleteDeal(trx, id),
      );
      return c.body(null, 204);
    });
}
