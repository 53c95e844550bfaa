import { Hono, type Context } from 'hono';
import { invoiceSendSchema, reminderPreviewQuerySchema } from '../../shared/schemas/getting-paid';
import { listInvoiceEvents, recordInvoiceEvent } from '../db/queries/invoice-events';
import { getInvoice } from '../db/queries/invoices';
import { confirmRemittance, dismissRemittance } from '../db/queries/remittances';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { revokeInvoiceLinks } from '../invoices/links';
import { previewReminder } from '../invoices/reminders';
import { previewInvoiceEmail, sendInvoice, type SendDeps } from '../invoices/send';
import { workspaceInvoiceView } from '../invoices/view';
import { validate } from '../validate';

const sender = (c: Context<AppEnv>) => ({
  id: c.get('user')?.id ?? null,
  email: c.get('user')?.email ?? null,
});

/**
 * Sending an invoice to its payer and what followed: the e-mail's preview and
 * the send, the invoice's timeline, the payer's "we've paid" notices (confirm
 * or dismiss), and ending its public link. Mounted under `/api/invoices`.
 */
export function invoiceSendingRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const sendDeps = (): SendDeps => ({
    db,
    now: clock.now(),
    mailer: deps.mailer,
    linkSecret: deps.linkSecret,
    appUrl: deps.config.APP_URL,
  });
  const invoiceNow = async (id: string, trx = db) => {
    const { view } = await workspaceInvoiceView(trx, sendDeps(), clock.now());
    return getInvoice(trx, id, view);
  };
  return new Hono<AppEnv>()
    .get('/:id/send-preview', async (c) => {
      return c.json(await previewInvoiceEmail(sendDeps(), c.req.param('id'), sender(c).email), 200);
    })
    .post('/:id/send', validate('json', invoiceSendSchema), async (c) => {
      const sent = await sendInvoice(sendDeps(), c.req.param('id'), c.req.valid('json'), sender(c));
      return c.json(sent, 200);
    })
    .get('/:id/reminder-preview', validate('query', reminderPreviewQuerySchema), async (c) => {
      const { offsetDays } = c.req.valid('query');
      return c.json(await previewReminder(sendDeps(), c.req.param('id'), offsetDays), 200);
    })
    .get('/:id/events', async (c) => {
      const id = c.req.param('id');
      await invoiceNow(id);
      return c.json({ items: await listInvoiceEvents(db, id) }, 200);
    })
    .post('/:id/link/revoke', async (c) => {
      const id = c.req.param('id');
      const now = clock.now();
      const invoice = await inTransaction(db, async (trx) => {
        await invoiceNow(id, trx);
        if ((await revokeInvoiceLinks(trx, id, now)) > 0) {
          await recordInvoiceEvent(trx, id, 'link_revoked', now, sender(c).id);
        }
        return invoiceNow(id, trx);
      });
      return c.json(invoice, 200);
    })
    .post('/:id/remittances/:remittanceId/confirm', async (c) => {
      const id = c.req.param('id');
      const remittanceId = c.req.param('remittanceId');
      const now = clock.now();
      const invoice = await inTransaction(db, async (trx) => {
        await confirmRemittance(trx, id, remittanceId, now, sender(c).id);
        return invoiceNow(id, trx);
      });
      return c.json(invoice, 200);
    })
    .post('/:id/remittances/:remittanceId/dismiss', async (c) => {
      const id = c.req.param('id');
      const now = clock.now();
      const invoice = await inTransaction(db, async (trx) => {
        await dismissRemittance(trx, id, c.req.param('remittanceId'), now, sender(c).id);
        return invoiceNow(id, trx);
      });
      return c.json(invoice, 200);
    });
}
