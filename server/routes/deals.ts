import { Hono } from 'hono';
import { dealCreateSchema, dealListQuerySchema, dealPatchSchema } from '../../shared/schemas/deal';
import { deleteDeal, getDeal, insertDeal, listDeals, updateDeal } from '../db/queries/deals';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function dealRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', dealListQuerySchema), async (c) => {
      return c.json({ items: await listDeals(db, c.req.valid('query')) }, 200);
    })
    .post('/', validate('json', dealCreateSchema), async (c) => {
      const now = clock.now();
      const settings = await getSettings(db, now);
      return c.json(await insertDeal(db, c.req.valid('json'), { currency: settings.currency }, now), 201);
    })
    .get('/:id', async (c) => {
      return c.json(await getDeal(db, c.req.param('id')), 200);
    })
    .patch('/:id', validate('json', dealPatchSchema), async (c) => {
      return c.json(await updateDeal(db, c.req.param('id'), c.req.valid('json'), clock.now()), 200);
    })
    .delete('/:id', async (c) => {
      await deleteDeal(db, c.req.param('id'));
      return c.body(null, 204);
    });
}
