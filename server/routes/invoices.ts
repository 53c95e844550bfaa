import { Hono } from 'hono';
import {
  invoiceCreateSchema,
  invoiceListQuerySchema,
  invoicePatchSchema,
  nextNumberQuerySchema,
  paymentCreateSchema,
} from '../../shared/schemas/invoice';
import {
  addPayment,
  deleteInvoice,
  deletePayment,
  getInvoice,
  insertInvoice,
  listInvoices,
  suggestInvoiceNumber,
  updateInvoice,
  type InvoiceView,
} from '../db/queries/invoices';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { todayIn } from '../money';
import { validate } from '../validate';

export function invoiceRoutes({ db, clock }: AppDeps) {
  /** "Today" in the workspace's zone: overdue is decided there. */
  const workspaceView = async (): Promise<InvoiceView & { paymentTermsDays: number }> => {
    const now = clock.now();
    const settings = await getSettings(db, now);
    return { today: todayIn(now, settings.timeZone), paymentTermsDays: settings.defaultPaymentTermsDays };
  };
  return new Hono<AppEnv>()
    .get('/', validate('query', invoiceListQuerySchema), async (c) => {
      return c.json({ items: await listInvoices(db, c.req.valid('query'), await workspaceView()) }, 200);
    })
    .get('/next-number', validate('query', nextNumberQuerySchema), async (c) => {
      const issuedOn = c.req.valid('query').issuedOn ?? (await workspaceView()).today;
      return c.json({ number: await suggestInvoiceNumber(db, issuedOn) }, 200);
    })
    .post('/', validate('json', invoiceCreateSchema), async (c) => {
      const view = await workspaceView();
      const id = await insertInvoice(db, c.req.valid('json'), view, clock.now());
      return c.json(await getInvoice(db, id, view), 201);
    })
    .get('/:id', async (c) => {
      return c.json(await getInvoice(db, c.req.param('id'), await workspaceView()), 200);
    })
    .patch('/:id', validate('json', invoicePatchSchema), async (c) => {
      await updateInvoice(db, c.req.param('id'), c.req.valid('json'), clock.now());
      return c.json(await getInvoice(db, c.req.param('id'), await workspaceView()), 200);
    })
    .delete('/:id', async (c) => {
      await deleteInvoice(db, c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/payments', validate('json', paymentCreateSchema), async (c) => {
      await addPayment(db, c.req.param('id'), c.req.valid('json'), clock.now());
      return c.json(await getInvoice(db, c.req.param('id'), await workspaceView()), 201);
    })
    .delete('/:id/payments/:paymentId', async (c) => {
      await deletePayment(db, c.req.param('id'), c.req.param('paymentId'), clock.now());
      return c.json(await getInvoice(db, c.req.param('id'), await workspaceView()), 200);
    });
}
