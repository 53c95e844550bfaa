import type { Kysely } from 'kysely';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import type { InvoiceView } from '../db/queries/invoices';
import { getSettings } from '../db/queries/settings';
import type { Database } from '../db/schema';
import { todayIn } from '../../shared/days';
import { invoiceLinkUrl, type LinkSigner } from './links';

/** How the team sees invoices now: today in the workspace's zone, and their public links' addresses. */
export async function workspaceInvoiceView(
  db: Kysely<Database>,
  signer: LinkSigner,
  now: Date,
): Promise<{ view: InvoiceView; settings: WorkspaceSettings }> {
  const settings = await getSettings(db, now);
  return {
    settings,
    view: {
      today: todayIn(now, settings.timeZone),
      publicUrl: (link) => invoiceLinkUrl(signer, link),
    },
  };
}
