import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  alertListQuerySchema,
  alertSchema,
  snoozeSchema,
  type Alert,
} from '../../shared/schemas/alert';
import { currentUser } from '../auth/session';
import {
  acknowledgeAlert,
  countOpenAlerts,
  getAlert,
  listAlerts,
  reopenAlert,
  snoozeAlert,
  type AlertView,
} from '../db/queries/alerts';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { auditedUpdate } from '../audit/audited';
import { auditActor, recordAudit } from '../audit/record';
import { alertBulkAckAnswerSchema, alertBulkAckSchema } from '../../shared/schemas/bulk';
import { acknowledgeAlerts } from '../db/queries/bulk';
import { inTransaction } from '../db/transaction';
import { declare } from './declare';

const route = {
  list: declare({
    access: 'viewer',
    summary: 'The alert inbox',
    query: alertListQuerySchema,
    answers: { 200: z.object({ items: z.array(alertSchema), openCount: z.number().int() }) },
  }),
  count: declare({
    access: 'viewer',
    summary: 'How many alerts are open (the bell)',
    answers: { 200: z.object({ open: z.number().int() }) },
  }),
  ack: declare({
    access: 'editor',
    summary: 'Acknowledge an alert',
    answers: { 200: alertSchema },
  }),
  ackMany: declare({
    access: 'editor',
    summary: 'Acknowledge the listed alerts ({ids}) or every open one ({all: true})',
    body: alertBulkAckSchema,
    answers: { 200: alertBulkAckAnswerSchema },
  }),
  reopen: declare({
    access: 'editor',
    summary:
      'Put an acknowledged or snoozed alert back in the open inbox (nothing is raised or sent again)',
    answers: { 200: alertSchema },
  }),
  snooze: declare({
    access: 'editor',
    summary: 'Snooze an alert',
    body: snoozeSchema,
    answers: { 200: alertSchema },
  }),
};

export function alertRoutes({ db, clock }: AppDeps) {
  /** The reader's "now" and zone (their own, else the workspace's). */
  const viewOf = async (c: Context<AppEnv>): Promise<AlertView> => {
    const now = clock.now();
    const zone = currentUser(c).timeZone ?? (await getSettings(db, now)).timeZone;
    return { now, timeZone: zone };
  };
  return new Hono<AppEnv>()
    .get('/', route.list, validate('query', alertListQuerySchema), async (c) => {
      const view = await viewOf(c);
      const [items, openCount] = await Promise.all([
        listAlerts(db, c.req.valid('query'), view),
        countOpenAlerts(db, view.now),
      ]);
      return c.json({ items, openCount }, 200);
    })
    .get('/count', route.count, async (c) =>
      c.json({ open: await countOpenAlerts(db, clock.now()) }, 200),
    )
    .post('/ack', route.ackMany, validate('json', alertBulkAckSchema), async (c) => {
      const now = clock.now();
      const actor = auditActor(c);
      const acknowledged = await inTransaction(db, async (trx) => {
        const alerts = await acknowledgeAlerts(trx, c.req.valid('json'), currentUser(c).id, now);
        for (const { message, ...after } of alerts) {
          const before = { ...after, acknowledgedAt: null, acknowledgedBy: null };
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              entityType: 'alert',
              entityId: after.id,
              summary: `Alert: ${message}`,
              before,
              after,
            },
            now,
          );
        }
        return alerts.length;
      });
      return c.json({ acknowledged }, 200);
    })
    .post('/:id/ack', route.ack, async (c) => {
      const view = await viewOf(c);
      const id = c.req.param('id');
      const alert = await auditedUpdate<Alert>(
        { c, db, now: view.now, entityType: 'alert', summary: (a) => `Alert: ${a.message}` },
        (trx) => getAlert(trx, id, view),
        (trx, before) => acknowledgeAlert(trx, id, currentUser(c).id, view, before),
      );
      return c.json(alert, 200);
    })
    .post('/:id/reopen', route.reopen, async (c) => {
      const view = await viewOf(c);
      const id = c.req.param('id');
      const alert = await auditedUpdate<Alert>(
        { c, db, now: view.now, entityType: 'alert', summary: (a) => `Alert: ${a.message}` },
        (trx) => getAlert(trx, id, view),
        (trx, before) => reopenAlert(trx, id, view, before),
      );
      return c.json(alert, 200);
    })
    .post('/:id/snooze', route.snooze, validate('json', snoozeSchema), async (c) => {
      const view = await viewOf(c);
      const id = c.req.param('id');
      const alert = await auditedUpdate<Alert>(
        { c, db, now: view.now, entityType: 'alert', summary: (a) => `Alert: ${a.message}` },
        (trx) => getAlert(trx, id, view),
        (trx, before) => snoozeAlert(trx, id, c.req.valid('json').until, view, before),
      );
      return c.json(alert, 200);
    });
}
