import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import {
  remittanceCreateSchema,
  type PublicInvoice,
  publicInvoiceSchema,
} from '../../shared/schemas/getting-paid';
import type { Invoice } from '../../shared/schemas/invoice';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import { raiseAlertsInTransaction } from '../alerts/raise';
import { getInvoice } from '../db/queries/invoices';
import { insertRemittance } from '../db/queries/remittances';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { invoiceOfToken } from '../invoices/links';
import { invoicePdfFilename } from '../invoices/pdf-source';
import { renderInvoicePdf } from '../invoices/pdf';
import { workspaceInvoiceView } from '../invoices/view';
import { validate } from '../validate';
import { z } from 'zod';
import { declare, file } from './declare';
import { pdfDownload } from './downloads';
import { openPublicLink } from './public-link';

/** One answer for every token that opens nothing: unknown, revoked, or its invoice void. */
const inactiveLink = () => new AppError(404, 'not_found', 'This invoice link is not active.');

/** "We've paid" notices per link: a few a day is plenty for an honest payer. */
const PAID_LIMIT = { max: 5, windowMs: 24 * 60 * 60 * 1000 };
const PAID_BODY_BYTES = 4 * 1024;

/** What the payer sees: this invoice and the creator's public details, nothing of the workspace. */
export function toPublicInvoice(invoice: Invoice, settings: WorkspaceSettings): PublicInvoice {
  const { creator } = settings;
  return {
    number: invoice.number,
    status: invoice.status === 'paid' ? 'paid' : 'open',
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    currency: invoice.currency,
    lines: invoice.lines,
    taxes: invoice.taxes,
    discountCents: invoice.discountCents,
    subtotalCents: invoice.subtotalCents,
    taxCents: invoice.taxCents,
    totalCents: invoice.totalCents,
    paidCents: invoice.paidCents,
    balanceCents: invoice.balanceCents,
    poNumber: invoice.poNumber,
    payer: { name: invoice.payer.name, address: invoice.payer.address, taxId: invoice.payer.taxId },
    creator: {
      name: creator.legalName.trim() || settings.name,
      address: creator.address,
      email: creator.email,
      taxId: creator.taxId,
    },
    paymentInstructions: creator.paymentInstructions,
    paymentLink: creator.paymentLink,
    remittancePending: invoice.remittances.some((r) => r.status === 'pending'),
  };
}

/**
 * The payer's side of an invoice, by the token in its e-mailed link: the
 * invoice, its PDF, and "we've paid". Public; mounted under `/api/invoice-links`.
 */
const route = {
  view: declare({
    access: 'public',
    summary: 'The invoice as its payer sees it (public, by the link token)',
    answers: { 200: publicInvoiceSchema },
    errors: [429],
  }),
  pdf: declare({
    access: 'public',
    summary: 'The invoice PDF (public, by the link token)',
    answers: { 200: file('application/pdf') },
    errors: [429],
  }),
  paid: declare({
    access: 'public',
    summary: 'The payer says it has paid (public; a notice for the team, not a payment)',
    body: remittanceCreateSchema,
    answers: { 202: z.object({ received: z.literal(true) }) },
    errors: [413, 429],
  }),
};

export function invoiceLinkRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  const signer = { linkSecret: deps.linkSecret, appUrl: deps.config.APP_URL };
  /** The invoice a live link opens, and the settings its page shows. */
  const show = async (trx: Kysely<Database>, found: { invoiceId: string }) => {
    const { view, settings } = await workspaceInvoiceView(trx, signer, clock.now());
    const invoice = await getInvoice(trx, found.invoiceId, view);
    return { invoice, settings };
  };
  const open = async (trx: Kysely<Database>, token: string) => {
    const found = await invoiceOfToken(trx, token);
    if (!found) throw inactiveLink();
    return show(trx, found);
  };
  return new Hono<AppEnv>()
    .get('/:token', route.view, async (c) => {
      const { invoice, settings } = await open(db, c.req.param('token'));
      c.header('Cache-Control', 'no-store');
      return c.json(toPublicInvoice(invoice, settings), 200);
    })
    .get('/:token/pdf', route.pdf, async (c) => {
      const { invoice, settings } = await open(db, c.req.param('token'));
      const pdf = await renderInvoicePdf({
        invoice,
        creator: settings.creator,
        workspaceName: settings.name,
        publicUrl: invoice.publicUrl,
      });
      return pdfDownload(c, pdf, invoicePdfFilename(invoice.number));
    })
    .post(
      '/:token/paid',
      route.paid,
      bodyLimit({
        maxSize: PAID_BODY_BYTES,
        onError: (c) =>
          c.json(
            { error: { code: 'payload_too_large', message: 'The notice is larger than 4 KB.' } },
            413,
          ),
      }),
      validate('json', remittanceCreateSchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        await inTransaction(db, async (trx) => {
          const paidLink = {
            find: (t: Kysely<Database>) => invoiceOfToken(t, c.req.param('token')),
            unknown: inactiveLink,
            key: (found: { tokenHash: string }) => `invoice-paid:${found.tokenHash}`,
            limit: PAID_LIMIT,
          };
          const { invoice, settings } = await openPublicLink(trx, now, paidLink, show);
          await insertRemittance(
            trx,
            invoice.id,
            { ...input, reference: input.reference ?? '' },
            now,
          );
          // With the notice, in one transaction: the team hears of every notice that was kept.
          await raiseAlertsInTransaction(
            trx,
            [
              {
                rule: 'remittance_notice',
                subjectType: 'invoice',
                subjectId: invoice.id,
                dueAt: now.toISOString(),
                severity: 'info',
                assigneeId: null,
              },
            ],
            { now, timeZone: settings.timeZone, emailEnabled: deps.emailConfigured },
          );
        });
        return c.json({ received: true }, 202);
      },
    );
}
