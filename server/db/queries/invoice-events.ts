import type { Kysely } from 'kysely';
import type { InvoiceEvent } from '../../../shared/schemas/getting-paid';
import { randomBytes } from 'node:crypto';
import type { Database, InvoiceEventType } from '../schema';

let lastTick = 0n;

/**
 * Ids that sort in the order this process wrote them (a monotonic clock, then
 * random bits), so entries of the same moment keep their order in the timeline.
 */
function eventId(): string {
  let tick = process.hrtime.bigint();
  if (tick <= lastTick) tick = lastTick + 1n;
  lastTick = tick;
  return `${tick.toString(36).padStart(14, '0')}-${randomBytes(6).toString('hex')}`;
}

/** Writes one entry of an invoice's timeline (in the caller's transaction, with the change it tells of). */
export async function recordInvoiceEvent(
  db: Kysely<Database>,
  invoiceId: string,
  type: InvoiceEventType,
  at: Date,
  actorId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await db
    .insertInto('invoiceEvents')
    .values({
      id: eventId(),
      invoiceId,
      type,
      at: at.toISOString(),
      actorId,
      data: JSON.stringify(data),
    })
    .execute();
}

/** An invoice's timeline, newest first; who did it named (null: the payer, or Sponsorcal itself). */
export async function listInvoiceEvents(
  db: Kysely<Database>,
  invoiceId: string,
): Promise<InvoiceEvent[]> {
  const rows = await db
    .selectFrom('invoiceEvents')
    .leftJoin('users', 'users.id', 'invoiceEvents.actorId')
    .select([
      'invoiceEvents.id as id',
      'invoiceEvents.type as type',
      'invoiceEvents.at as at',
      'invoiceEvents.data as data',
      'users.name as actorName',
    ])
    .where('invoiceEvents.invoiceId', '=', invoiceId)
    .orderBy('invoiceEvents.at', 'desc')
    .orderBy('invoiceEvents.id', 'desc')
    .execute();
  return rows.map((row) => ({
    ...(JSON.parse(row.data) as Record<string, unknown>),
    id: row.id,
    type: row.type,
    at: row.at,
    actorName: row.actorName ?? null,
  }));
}
