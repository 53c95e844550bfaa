import type { Kysely } from 'kysely';
import { getSettings } from '../db/queries/settings';
import type { Database } from '../db/schema';
import { raiseAlerts, raiseAlertsInTransaction } from './raise';
import { resolveStaleAlerts } from './resolve';
import { yieldToEventLoop } from '../event-loop';
import { ALERT_RULE_MODULES } from './rules';
import { HOUR_MS, type DueAlert, type RuleWindow } from './rules/rule';

/** Overdue scans re-read a little before the watermark, so a write that committed late is not missed. */
export const WATERMARK_OVERLAP_MS = 10 * 60 * 1000;
/** On the very first scan of a database, how far back overdue moments are still raised. */
export const FIRST_SCAN_LOOKBACK_MS = 7 * 24 * HOUR_MS;

export interface AlertScanOptions {
  db: Kysely<Database>;
  now: Date;
  emailEnabled: boolean;
}

export interface AlertScanResult {
  raised: number;
  resolved: number;
}

async function readState(db: Kysely<Database>) {
  await db
    .insertInto('schedulerState')
    .values({
      id: 1,
      watermark: null,
      lastRunStartedAt: null,
      lastRunFinishedAt: null,
      lastError: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db.selectFrom('schedulerState').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * One run of the alert rules: raise what is due (once, ever), resolve what no
 * longer applies, and move the watermark. Safe to re-run, to run after a crash,
 * and to run in several processes at once.
 */
export async function runAlertScan({
  db,
  now,
  emailEnabled,
}: AlertScanOptions): Promise<AlertScanResult> {
  const nowIso = now.toISOString();
  const state = await readState(db);
  await db
    .updateTable('schedulerState')
    .set({ lastRunStartedAt: nowIso })
    .where('id', '=', 1)
    .execute();

  const watermark = state.watermark
    ? Date.parse(state.watermark)
    : now.getTime() - FIRST_SCAN_LOOKBACK_MS;
  // A clock that went backwards must not skip anything: look back from the earlier of the two.
  const since = new Date(Math.min(watermark, now.getTime()) - WATERMARK_OVERLAP_MS);

  try {
    const settings = await getSettings(db, now);
    const highWater = new Date(Math.max(watermark, now.getTime()));
    const window: RuleWindow = { now, since, highWater, settings };
    // One rule at a time, letting the API's requests in between (its queries block while they run).
    const due: DueAlert[] = [];
    for (const rule of ALERT_RULE_MODULES) {
      if (!rule.findDue) continue;
      due.push(...(await rule.findDue(db, window)));
      await yieldToEventLoop();
    }
    const raisedIds = new Set<string>();
    const raiseOptions = { now, timeZone: settings.timeZone, emailEnabled, raisedIds };
    let raised = await raiseAlerts(db, due, raiseOptions);
    // Rules that write more than the alert (a draft invoice) raise theirs in their own transactions.
    for (const rule of ALERT_RULE_MODULES) {
      if (!rule.raiseDue) continue;
      raised += await rule.raiseDue(db, window, (trx, alerts) =>
        raiseAlertsInTransaction(trx, alerts, raiseOptions),
      );
    }
    const resolved = await resolveStaleAlerts(db, now, settings.timeZone, raisedIds);

    const nextWatermark = state.watermark && state.watermark > nowIso ? state.watermark : nowIso;
    await db
      .updateTable('schedulerState')
      .set({
        watermark: nextWatermark,
        lastRunFinishedAt: nowIso,
        lastRunRaised: raised,
        lastError: null,
      })
      .where('id', '=', 1)
      .execute();
    return { raised, resolved };
  } catch (error) {
    await db
      .updateTable('schedulerState')
      .set({ lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) })
      .where('id', '=', 1)
      .execute()
      .catch(() => undefined);
    throw error;
  }
}

/** Records when a whole run (scan and sending) finished, for /api/health. */
export async function recordRunFinished(db: Kysely<Database>, at: Date): Promise<void> {
  await db
    .updateTable('schedulerState')
    .set({ lastRunFinishedAt: at.toISOString() })
    .where('id', '=', 1)
    .execute();
}
