import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * A PDF answered as a download (an invoice, a proposal, a campaign report),
 * never cached: it is made for whoever asked, from data that may change.
 */
export function pdfDownload(c: Context<AppEnv>, pdf: Uint8Array<ArrayBuffer>, filename: string) {
  return c.body(pdf, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}
