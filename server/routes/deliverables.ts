import { Hono } from 'hono';
import {
  deliverableCreateSchema,
  deliverableListQuerySchema,
  deliverablePatchSchema,
} from '../../shared/schemas/deliverable';
import {
  deleteDeliverable,
  deliverableWarnings,
  getDeliverable,
  insertDeliverable,
  listDeliverables,
  updateDeliverable,
} from '../db/queries/deliverables';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function deliverableRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', deliverableListQuerySchema), async (c) => {
      return c.json({ items: await listDeliverables(db, c.req.valid('query')) }, 200);
    })
    .post('/', validate('json', deliverableCreateSchema), async (c) => {
      const deliverable = await insertDeliverable(db, c.req.valid('json'), clock.now());
      return c.json({ ...deliverable, warnings: deliverableWarnings(deliverable) }, 201);
    })
    .get('/:id', async (c) => {
      return c.json(await getDeliverable(db, c.req.param('id')), 200);
    })
    .patch('/:id', validate('json', deliverablePatchSchema), async (c) => {
      const deliverable = await updateDeliverable(db, c.req.param('id'), c.req.valid('json'), clock.now());
      return c.json({ ...deliverable, warnings: deliverableWarnings(deliverable) }, 200);
    })
    .delete('/:id', async (c) => {
      await deleteDeliverable(db, c.req.param('id'));
      return c.body(null, 204);
    });
}
