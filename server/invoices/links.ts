import type { Kysely } from 'kysely';
import { hashToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { linkToken } from '../security/link-secret';

const PURPOSE = 'invoice';

export interface LinkSigner {
  linkSecret: Buffer;
  appUrl: string;
}

/** The payer's page for a link, or null when this install's secret did not make it. */
export function invoiceLinkUrl(
  { linkSecret, appUrl }: LinkSigner,
  link: { id: string; tokenHash: string },
): string | null {
  const token = linkToken(linkSecret, PURPOSE, link.id);
  if (hashToken(token) !== link.tokenHash) return null;
  return `${appUrl.replace(/\/+$/, '')}/pay/${token}`;
}

/**
 * The invoice's live link whose address this install can show, made when
 * there is none (the first send, or after a revoke). Only the token's hash
 * is stored; the token is an HMAC of the link's id, so reminders can carry
 * the same address later.
 */
export async function ensureInvoiceLink(
  db: Kysely<Database>,
  signer: LinkSigner,
  invoiceId: string,
  now: Date,
): Promise<string> {
  const live = await db
    .selectFrom('invoiceLinks')
    .select(['id', 'tokenHash'])
    .where('invoiceId', '=', invoiceId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .execute();
  for (const link of live) {
    const url = invoiceLinkUrl(signer, link);
    if (url) return url;
  }
  const id = newId();
  const tokenHash = hashToken(linkToken(signer.linkSecret, PURPOSE, id));
  await db
    .insertInto('invoiceLinks')
    .values({ id, invoiceId, tokenHash, createdAt: now.toISOString(), revokedAt: null })
    .execute();
  return invoiceLinkUrl(signer, { id, tokenHash })!;
}

/** Ends every live link of the invoice: their pages answer 404 like an unknown token. */
export async function revokeInvoiceLinks(
  db: Kysely<Database>,
  invoiceId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('invoiceLinks')
    .set({ revokedAt: now.toISOString() })
    .where('invoiceId', '=', invoiceId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The invoice a token opens: a live link of an invoice that is not void (a
 * draft never had one). Undefined for every other token, whatever the reason.
 */
export async function invoiceOfToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ invoiceId: string; tokenHash: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('invoiceLinks')
    .innerJoin('invoices', 'invoices.id', 'invoiceLinks.invoiceId')
    .select(['invoiceLinks.invoiceId as invoiceId'])
    .where('invoiceLinks.tokenHash', '=', tokenHash)
    .where('invoiceLinks.revokedAt', 'is', null)
    .where('invoices.status', 'in', ['sent', 'paid'])
    .executeTakeFirst();
  return row ? { invoiceId: row.invoiceId, tokenHash } : undefined;
}
