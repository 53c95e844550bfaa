import { Hono, type Context } from 'hono';
import {
  invoiceSendSchema,
  reminderPreviewQuerySchema,
  invoiceEventSchema,
  invoiceSendPreviewSchema,
  invoiceSentSchema,
} from '../../shared/schemas/getting-paid';
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
import { z } from 'zod';
import { declare, list } from './declare';
import { invoiceSchema } from '../../shared/schemas/invoice';

const sender = (c: Context<AppEnv>) => ({
  id: c.get('user')?.id ?? null,
  email: c.get('user')?.email ?? null,
});

/**
 * Sending an invoice to its payer and what followed: the e-mail's preview and
 * the send, the invoice's timeline, the payer's "we've paid" notices (confirm
 * or dismiss), and ending its public link. Mounted under `/api/invoices`.
 */
const route = {
  sendPreview: declare({
    access: 'viewer',
    summary: 'What "Send invoice" would send now, or why it cannot',
    answers: { 200: invoiceSendPreviewSchema },
  }),
  send: declare({
    access: 'editor',
    summary: "E-mail the invoice to its payer (PDF attached, a link to the invoice's page)",
    body: invoiceSendSchema,
    answers: { 200: invoiceSentSchema },
    errors: [409],
  }),
  reminderPreview: declare({
    access: 'viewer',
    summary: 'The reminder a ladder step (?offsetDays=) would send for this invoice',
    query: reminderPreviewQuerySchema,
    answers: {
      200: z.object({ subject: z.string(), message: z.string(), to: z.array(z.string()) }),
    },
  }),
  events: declare({
    access: 'viewer',
    summary: "The invoice's timeline, newest first",
    answers: { 200: list(invoiceEventSchema) },
  }),
  revokeLink: declare({
    access: 'editor',
    summary: "End the invoice's public link",
    answers: { 200: invoiceSchema },
  }),
  confirmRemittance: declare({
    access: 'editor',
    summary: 'Confirm a "we\'ve paid" notice as a payment',
    answers: { 200: invoiceSchema },
    errors: [409],
  }),
  dismissRemittance: declare({
    access: 'editor',
    summary: 'Dismiss a "we\'ve paid" notice',
    answers: { 200: invoiceSchema },
    errors: [409],
  }),
};

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
    .get('/:id/send-preview', route.sendPreview, async (c) => {
      return c.json(await previewInvoiceEmail(sendDeps(), c.req.param('id'), sender(c).email), 200);
    })
    .post('/:id/send', route.send, validate('json', invoiceSendSchema), async (c) => {
      const sent = await sendInvoice(sendDeps(), c.req.param('id'), c.req.valid('json'), sender(c));
      return c.json(sent, 200);
    })
    .get(
      '/:id/reminder-preview',
      route.reminderPreview,
      validate('query', reminderPreviewQuerySchema),
      async (c) => {
        const { offsetDays } = c.req.valid('query');
        return c.json(await previewReminder(sendDeps(), c.req.param('id'), offsetDays), 200);
      },
    )
    .get('/:id/events', route.events, async (c) => {
      const id = c.req.param('id');
      await invoiceNow(id);
      return c.json({ items: await listInvoiceEvents(db, id) }, 200);
    })
    .post('/:id/link/revoke', route.revokeLink, async (c) => {
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
    .post('/:id/remittances/:remittanceId/confirm', route.confirmRemittance, async (c) => {
      const id = c.req.param('id');
      const remittanceId = c.req.param('remittanceId');
      const now = clock.now();
      const invoice = await inTransaction(db, async (trx) => {
        await confirmRemittance(trx, id, remittanceId, now, sender(c).id);
        return invoiceNow(id, trx);
      });
      return c.json(invoice, 200);
    })
    .post('/:id/remittances/:remittanceId/dismiss', route.dismissRemittance, async (c) => {
      const id = c.req.param('id');
      const now = clock.now();
      const invoice = await inTransaction(db, async (trx) => {
        await dismissRemittance(trx, id, c.req.param('remittanceId'), now, sender(c).id);
        return invoiceNow(id, trx);
      });
      return c.json(invoice, 200);
    });
}
