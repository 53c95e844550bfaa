import { Hono } from 'hono';
import { sql, type Selectable } from 'kysely';
import { preparedQuery } from '../db/prepared';
import { cachedRead } from '../db/read-cache';
import type { Database } from '../db/schema';
import type { AppDeps, AppEnv } from '../env';
import { z } from 'zod';
import { declare } from './declare';

/** A scheduler that has not finished a run in this long is reported as stalled. */
export const STALL_AFTER_MS = 5 * 60 * 1000;

const route = declare({
  access: 'public',
  summary: 'Health: 200 when the database answers, 503 when it does not',
  answers: {
    200: z.object({
      status: z.literal('ok'),
      scheduler: z.object({
        status: z.enum(['not_started', 'ok', 'stalled']),
        running: z.boolean(),
        lastRunStartedAt: z.string().nullable(),
        lastRunFinishedAt: z.string().nullable(),
        lastRunAlertsRaised: z.number().int(),
        lastError: z.string().nullable(),
      }),
      deliveries: z.object({ pending: z.number().int(), failed: z.number().int() }),
    }),
    503: z.object({ status: z.literal('error'), database: z.literal('unreachable') }),
  },
});

/**
 * The scheduler's one row, built and compiled once: monitors ask /api/health every few
 * seconds, and during a scan a Kysely build per check was most of the check's own work
 * on the API's thread (and of its garbage).
 */
const schedulerState = preparedQuery<Record<string, never>, Selectable<Database['schedulerState']>>(
  (db) => db.selectFrom('schedulerState').selectAll().where('id', '=', 1),
);

export function healthRoutes({ db, clock, scheduler }: AppDeps) {
  return new Hono<AppEnv>().get('/', route, async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      return c.json({ status: 'error' as const, database: 'unreachable' }, 503);
    }
    const now = clock.now();
    const [state] = await schedulerState(db, {});
    // Counting reads every delivery waiting: the 15,000 a first scan of a million deliverables
    // queues made each check 0.7 ms more of the API's thread, growing as the scan went. Kept
    // for a moment (read-cache.ts), dropped as soon as this process writes deliveries.
    const counts = await cachedRead(db, 'health:deliveries', ['deliveries'], () =>
      db
        .selectFrom('deliveries')
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
        .where('status', 'in', ['pending', 'sending', 'failed'])
        .groupBy('status')
        .execute(),
    );
    const count = (status: string) => Number(counts.find((r) => r.status === status)?.count ?? 0);
    const finished = state?.lastRunFinishedAt ? Date.parse(state.lastRunFinishedAt) : null;
    const stallAfter = Math.max(STALL_AFTER_MS, 3 * (scheduler?.intervalMs ?? 0));
    const schedulerStatus =
      finished === null ? 'not_started' : now.getTime() - finished > stallAfter ? 'stalled' : 'ok';
    return c.json(
      {
        status: 'ok' as const,
        scheduler: {
          status: schedulerStatus,
          running: scheduler?.running ?? false,
          lastRunStartedAt: state?.lastRunStartedAt ?? null,
          lastRunFinishedAt: state?.lastRunFinishedAt ?? null,
          lastRunAlertsRaised: state?.lastRunRaised ?? 0,
          lastError: state?.lastError ?? null,
        },
        deliveries: { pending: count('pending') + count('sending'), failed: count('failed') },
      },
      200,
    );
  });
}
