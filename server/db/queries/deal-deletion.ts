import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Why a deal may not be deleted, or null when it may: a deal with sent or paid
 * invoices keeps its money records. One rule for the delete itself and for the
 * warning shown before the user confirms.
 */
export async function dealDeletionRefusal(
  db: Kysely<Database>,
  deal: { id: string; title: string },
): Promise<string | null> {
  const billed = await db
    .selectFrom('invoices')
    .select('number')
    .where('dealId', '=', deal.id)
    .where('status', 'in', ['sent', 'paid'])
    .orderBy('number')
    .execute();
  if (billed.length === 0) return null;
  return `${deal.title} has sent or paid invoices (${billed.map((b) => b.number).join(', ')}). Void them first; the deal keeps its money records.`;
}
