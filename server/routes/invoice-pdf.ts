import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';
import { loadInvoicePdf } from '../invoices/pdf-source';

/** An invoice as a PDF to download; anyone who may read invoices may (the default read rule). */
export function invoicePdfRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().get('/:id/pdf', async (c) => {
    const { pdf, filename } = await loadInvoicePdf(db, c.req.param('id'), {
      now: clock.now(),
      publicUrl: null,
    });
    return c.body(pdf, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });
}
