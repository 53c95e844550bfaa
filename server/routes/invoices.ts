import { Hono, type Context } from 'hono';
import type { Invoice } from '../../shared/schemas/invoice';
import {
  invoiceCreateSchema,
  invoiceListQuerySchema,
  invoicePatchSchema,
  nextNumberQuerySchema,
  paymentCreateSchema,
  invoiceSchema,
} from '../../shared/schemas/invoice';
import { auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { auditActor, recordAudit } from '../audit/record';
import { lockTransaction } from '../db/dialect';
import {
  addPayment,
  deleteInvoice,
  deletePayment,
  getInvoice,
  loadInvoice,
  type LoadedInvoice,
  insertInvoice,
  listInvoices,
  suggestInvoiceNumber,
  updateInvoice,
  type InvoiceView,
} from '../db/queries/invoices';
import { recordInvoiceEvent } from '../db/queries/invoice-events';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { workspaceInvoiceView } from '../invoices/view';
import { validate } from '../validate';
import { z } from 'zod';
import { declare, list } from './declare';

type Payment = Invoice['payments'][number];

const actorIdOf = (c: Context<AppEnv>): string | null => c.get('user')?.id ?? null;

const route = {
  list: declare({
    access: 'viewer',
    summary: 'Invoices',
    query: invoiceListQuerySchema,
    answers: { 200: list(invoiceSchema) },
  }),
  nextNumber: declare({
    access: 'viewer',
    summary: 'The invoice number the next invoice would get',
    query: nextNumberQuerySchema,
    answers: { 200: z.object({ number: z.string() }) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Create an invoice',
    body: invoiceCreateSchema,
    answers: { 201: invoiceSchema },
    errors: [409],
  }),
  one: declare({ access: 'viewer', summary: 'One invoice', answers: { 200: invoiceSchema } }),
  update: declare({
    access: 'editor',
    summary: 'Change an invoice (with its version)',
    body: invoicePatchSchema,
    answers: { 200: invoiceSchema },
    errors: [409],
  }),
  remove: declare({
    access: 'editor',
    summary: 'Delete an invoice',
    answers: { 204: null },
    errors: [409],
  }),
  pay: declare({
    access: 'editor',
    summary: 'Record a payment',
    body: paymentCreateSchema,
    answers: { 201: invoiceSchema },
    errors: [409],
  }),
  unpay: declare({
    access: 'editor',
    summary: 'Remove a payment',
    answers: { 200: invoiceSchema },
  }),
};

export function invoiceRoutes({ db, clock, linkSecret, config }: AppDeps) {
  /** "Today" in the workspace's zone (overdue is decided there), and the payer pages' addresses. */
  const workspaceView = async (): Promise<InvoiceView & { paymentTermsDays: number }> => {
    const { view, settings } = await workspaceInvoiceView(
      db,
      { linkSecret, appUrl: config.APP_URL },
      clock.now(),
    );
    return { ...view, paymentTermsDays: settings.defaultPaymentTermsDays };
  };
  const target = (c: Context<AppEnv>): AuditedTarget<Invoice> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'invoice',
    summary: (invoice) => `Invoice ${invoice.number}`,
  });
  /** Records a payment added to or removed from an invoice, in the transaction that did it. */
  const auditPayment = async (
    c: Context<AppEnv>,
    trx: typeof db,
    invoice: Invoice,
    change: { added?: Payment; removed?: Payment },
  ) => {
    const payment = (change.added ?? change.removed)!;
    await recordAudit(
      trx,
      auditActor(c),
      {
        action: change.added ? 'create' : 'delete',
        entityType: 'payment',
        entityId: payment.id,
        summary: `Payment on invoice ${invoice.number}`,
        ...(change.added
          ? { after: { ...payment, invoiceId: invoice.id } }
          : { before: { ...payment, invoiceId: invoice.id } }),
      },
      clock.now(),
    );
  };
  return new Hono<AppEnv>()
    .get('/', route.list, validate('query', invoiceListQuerySchema), async (c) => {
      return c.json(
        { items: await listInvoices(db, c.req.valid('query'), await workspaceView()) },
        200,
      );
    })
    .get('/next-number', route.nextNumber, validate('query', nextNumberQuerySchema), async (c) => {
      const issuedOn = c.req.valid('query').issuedOn ?? (await workspaceView()).today;
      return c.json({ number: await suggestInvoiceNumber(db, issuedOn) }, 200);
    })
    .post('/', route.create, validate('json', invoiceCreateSchema), async (c) => {
      const view = await workspaceView();
      const t = target(c);
      const invoice = await inTransaction(db, async (trx) => {
        // Numbers are taken in turn: the suggested one cannot be taken by another create meanwhile.
        await lockTransaction(trx, 'invoiceNumber');
        const id = await insertInvoice(trx, c.req.valid('json'), view, t.now);
        const invoice = await getInvoice(trx, id, view);
        await recordInvoiceEvent(trx, id, 'created', t.now, actorIdOf(c), {
          ...(invoice.status === 'sent' ? { markedSent: true } : {}),
        });
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'create',
            entityType: 'invoice',
            entityId: id,
            summary: t.summary(invoice),
            after: invoice,
          },
          t.now,
        );
        return invoice;
      });
      return c.json(invoice, 201);
    })
    .get('/:id', route.one, async (c) => {
      return c.json(await getInvoice(db, c.req.param('id'), await workspaceView()), 200);
    })
    .patch('/:id', route.update, validate('json', invoicePatchSchema), async (c) => {
      const view = await workspaceView();
      const t = target(c);
      const id = c.req.param('id');
      let loaded: LoadedInvoice | undefined;
      const invoice = await auditedUpdate(
        t,
        async (trx) => (loaded = await loadInvoice(trx, id, view)).invoice,
        async (trx) => {
          // A new number waits its turn like a new invoice's.
          if (c.req.valid('json').number !== undefined) await lockTransaction(trx, 'invoiceNumber');
          return updateInvoice(trx, loaded!, c.req.valid('json'), t.now, view, actorIdOf(c));
        },
      );
      return c.json(invoice, 200);
    })
    .delete('/:id', route.remove, async (c) => {
      const view = await workspaceView();
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => getInvoice(trx, id, view),
        (trx) => deleteInvoice(trx, id),
      );
      return c.body(null, 204);
    })
    .post('/:id/payments', route.pay, validate('json', paymentCreateSchema), async (c) => {
      const view = await workspaceView();
      const id = c.req.param('id');
      const invoice = await inTransaction(db, async (trx) => {
        const paymentId = await addPayment(trx, id, c.req.valid('json'), clock.now());
        const invoice = await getInvoice(trx, id, view);
        const added = invoice.payments.find((p) => p.id === paymentId);
        if (added) {
          await auditPayment(c, trx, invoice, { added });
          await recordInvoiceEvent(trx, id, 'payment', clock.now(), actorIdOf(c), {
            amountCents: added.amountCents,
            feeCents: added.feeCents,
            paidOn: added.paidOn,
            method: added.method,
          });
        }
        return invoice;
      });
      return c.json(invoice, 201);
    })
    .delete('/:id/payments/:paymentId', route.unpay, async (c) => {
      const view = await workspaceView();
      const id = c.req.param('id');
      const paymentId = c.req.param('paymentId');
      const invoice = await inTransaction(db, async (trx) => {
        const before = await getInvoice(trx, id, view);
        await deletePayment(trx, id, paymentId, clock.now());
        const removed = before.payments.find((p) => p.id === paymentId);
        if (removed) {
          await auditPayment(c, trx, before, { removed });
          await recordInvoiceEvent(trx, id, 'payment_removed', clock.now(), actorIdOf(c), {
            amountCents: removed.amountCents,
            paidOn: removed.paidOn,
          });
        }
        return getInvoice(trx, id, view);
      });
      return c.json(invoice, 200);
    });
}
