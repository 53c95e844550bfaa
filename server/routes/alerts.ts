import { Hono } from 'hono';
import { alertListQuerySchema, snoozeSchema } from '../../shared/schemas/alert';
import { currentUser } from '../auth/session';
import { acknowledgeAlert, countOpenAlerts, listAlerts, snoozeAlert } from '../db/queries/alerts';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function alertRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', alertListQuerySchema), async (c) => {
      const now = clock.now();
      const [items, openCount] = await Promise.all([
        listAlerts(db, c.req.valid('query'), now),
        countOpenAlerts(db, now),
      ]);
      return c.json({ items, openCount }, 200);
    })
    .get('/count', async (c) => c.json({ open: await countOpenAlerts(db, clock.now()) }, 200))
    .post('/:id/ack', async (c) => {
      return c.json(await acknowledgeAlert(db, c.req.param('id'), currentUser(c).id, clock.now()), 200);
    })
    .post('/:id/snooze', validate('json', snoozeSchema), async (c) => {
      return c.json(await snoozeAlert(db, c.req.param('id'), c.req.valid('json').until, clock.now()), 200);
    });
}
