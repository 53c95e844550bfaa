import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';
import { loadInvoicePdf } from '../invoices/pdf-source';
import { declare, file } from './declare';
import { pdfDownload } from './downloads';

const route = declare({
  access: 'viewer',
  summary: 'The invoice as a PDF',
  answers: { 200: file('application/pdf') },
});

/** An invoice as a PDF to download; anyone who may read invoices may. */
export function invoicePdfRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().get('/:id/pdf', route, async (c) => {
    const { pdf, filename } = await loadInvoicePdf(db, c.req.param('id'), {
      now: clock.now(),
      publicUrl: null,
    });
    return pdfDownload(c, pdf, filename);
  });
}
