import type { Kysely } from 'kysely';
import { chunksOf } from '../db/in-chunks';
import type { AlertSubjectType, Database } from '../db/schema';
import { yieldToEventLoop } from '../event-loop';
import { rulesAbout } from './rules';
import { loadOpenAlerts, SUBJECT_TYPES } from './subjects';

/** Open alerts are checked this many at a time, letting the API's requests in between. */
const RESOLVE_BATCH = 500;

/**
 * The ids of open (unresolved, unacknowledged) alerts about one kind of
 * subject, in batches, but for `fresh` ones: raised by this very run, from
 * what its rules just read, they cannot be stale yet (the next run checks them).
 */
async function openAlertIds(
  db: Kysely<Database>,
  subjectType: AlertSubjectType,
  fresh: ReadonlySet<string>,
): Promise<string[][]> {
  const rows = await db
    .selectFrom('alerts')
    .select('id')
    .where('resolvedAt', 'is', null)
    .where('acknowledgedAt', 'is', null)
    .where('subjectType', '=', subjectType)
    .execute();
  const ids = rows.map((r) => r.id).filter((id) => !fresh.has(id));
  return chunksOf(ids, RESOLVE_BATCH);
}

/** The open alerts about subjects of one type that their rules find stale, in the order read. */
async function staleAbout<S extends AlertSubjectType>(
  db: Kysely<Database>,
  subjectType: S,
  now: Date,
  timeZone: string,
  fresh: ReadonlySet<string>,
): Promise<string[]> {
  const stale: string[] = [];
  for (const ids of await openAlertIds(db, subjectType, fresh)) {
    const open = await loadOpenAlerts(db, subjectType, ids);
    const found = new Set<string>();
    for (const rule of rulesAbout(subjectType)) {
      const mine = open.filter((a) => a.rule === rule.rule);
      if (mine.length === 0) continue;
      for (const id of await rule.stale(db, mine, now, timeZone)) found.add(id);
    }
    stale.push(...open.filter((a) => found.has(a.id)).map((a) => a.id));
    await yieldToEventLoop();
  }
  return stale;
}

/**
 * Marks open alerts that no longer matter (each rule's `stale` says which) as
 * resolved and cancels their pending deliveries. Returns how many. Alerts in
 * `fresh` (just raised by the same run) are left for the next run.
 */
export async function resolveStaleAlerts(
  db: Kysely<Database>,
  now: Date,
  timeZone: string,
  fresh: ReadonlySet<string> = new Set(),
): Promise<number> {
  const nowIso = now.toISOString();
  const stale: string[] = [];
  for (const subjectType of SUBJECT_TYPES)
    stale.push(...(await staleAbout(db, subjectType, now, timeZone, fresh)));

  for (const ids of chunksOf(stale)) {
    await yieldToEventLoop();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('alerts')
        .set({ resolvedAt: nowIso })
        .where('id', 'in', ids)
        .where('resolvedAt', 'is', null)
        .execute();
      await trx
        .updateTable('deliveries')
        .set({ status: 'cancelled', lastError: 'The alert no longer applies' })
        .where('alertId', 'in', ids)
        .where('status', '=', 'pending')
        .execute();
    });
  }
  return stale.length;
}
