import { Hono, type Context } from 'hono';
import {
  calendarQuerySchema,
  deliverableCreateSchema,
  deliverableListQuerySchema,
  deliverablePatchSchema,
  type Deliverable,
} from '../../shared/schemas/deliverable';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import {
  deleteDeliverable,
  deliverableWarnings,
  getDeliverable,
  insertDeliverable,
  listCalendarDeliverables,
  listDeliverables,
  updateDeliverable,
  withWarnings,
} from '../db/queries/deliverables';
import type { AppDeps, AppEnv } from '../env';
import { jsonItems } from '../json-bytes';
import { validate } from '../validate';

export function deliverableRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>): AuditedTarget<Deliverable> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'deliverable',
    summary: (deliverable) => `Deliverable "${deliverable.title}"`,
  });
  return new Hono<AppEnv>()
    .get('/', validate('query', deliverableListQuerySchema), async (c) => {
      const items = await listDeliverables(db, c.req.valid('query'));
      // A month of the calendar is megabytes of JSON: encoded to bytes item by item.
      return jsonItems(c, await withWarnings(db, items, clock.now()), 200);
    })
    .get('/calendar', validate('query', calendarQuerySchema), async (c) => {
      const items = await listCalendarDeliverables(db, c.req.valid('query'));
      return jsonItems(c, await withWarnings(db, items, clock.now()), 200);
    })
    .post('/', validate('json', deliverableCreateSchema), async (c) => {
      const t = target(c);
      const deliverable = await auditedCreate(t, (trx) =>
        insertDeliverable(trx, c.req.valid('json'), t.now),
      );
      return c.json(
        { ...deliverable, warnings: await deliverableWarnings(db, deliverable, t.now) },
        201,
      );
    })
    .get('/:id', async (c) => {
      const deliverable = await getDeliverable(db, c.req.param('id'));
      return c.json(
        { ...deliverable, warnings: await deliverableWarnings(db, deliverable, clock.now()) },
        200,
      );
    })
    .patch('/:id', validate('json', deliverablePatchSchema), async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      const deliverable = await auditedUpdate(
        t,
        (trx) => getDeliverable(trx, id),
        (trx, before) => updateDeliverable(trx, id, c.req.valid('json'), t.now, before),
      );
      return c.json(
        { ...deliverable, warnings: await deliverableWarnings(db, deliverable, t.now) },
        200,
      );
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => getDeliverable(trx, id),
        (trx) => deleteDeliverable(trx, id),
      );
      return c.body(null, 204);
    });
}
