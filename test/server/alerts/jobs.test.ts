import { randomBytes } from 'node:crypto';
import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../../server/clock';
import { newId } from '../../../server/ids';
import {
  assertValidCron,
  PURGE_CRON,
  startJobs,
  type Jobs,
  type JobsOptions,
} from '../../../server/jobs';
import { createWorkspace as createWorkspaceAt, type Workspace } from '../../support/app';
import { alertRows, createDeliverable, waitFor } from '../../support/alerts';

let t: Workspace | undefined;
let jobs: Jobs | undefined;
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await t?.close();
  t = undefined;
});

const YEARLY = '0 0 1 1 *';

/**
 * A workspace made now: the jobs run on the real clock, and their start-up purge
 * must not find the owner's session (made on the app's clock) long expired.
 */
const createWorkspace = () => createWorkspaceAt({ now: new Date().toISOString() });

function start(w: Workspace, options: Partial<JobsOptions> = {}): Jobs {
  jobs = startJobs({
    db: w.db,
    clock: systemClock,
    cronExpression: YEARLY,
    appUrl: 'http://localhost:8787',
    email: null,
    linkSecret: randomBytes(32),
    log: () => undefined,
    ...options,
  });
  return jobs;
}

/** The real clock, counting how often it is read: a run reads it, a skipped run does not. */
function countingClock(): Clock & { reads: number } {
  const clock = {
    reads: 0,
    now() {
      clock.reads++;
      return new Date();
    },
  };
  return clock;
}

describe('startJobs', () => {
  it('raises a deliverable that falls due within seconds on a per-second schedule', async () => {
    t = await createWorkspace();
    const running = start(t, { cronExpression: '*/1 * * * * *' });
    expect(running.intervalMs).toBe(1000);
    await running.runOnce();

    // Created after the start-up run: only a scheduled run can find it.
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: new Date(Date.now() - 1000).toISOString(),
    });
    const alert = await waitFor(
      async () => (await alertRows(t!.db)).find((a) => a.subjectId === d.id),
      {
        timeoutMs: 10_000,
      },
    );
    expect(alert).toMatchObject({ rule: 'draft_overdue', subjectId: d.id });
  });

  it('runs once at start-up, so what fell due while it was down is raised at once', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const running = start(t);
    await running.runOnce();
    expect((await alertRows(t.db)).map((a) => [a.rule, a.subjectId])).toEqual([
      ['draft_overdue', d.id],
    ]);
    const state = await t.db.selectFrom('schedulerState').selectAll().executeTakeFirstOrThrow();
    expect(state.lastRunFinishedAt).not.toBeNull();
  });

  it('does not start a second run while one is in progress', async () => {
    t = await createWorkspace();
    const clock = countingClock();
    const running = start(t, { clock });
    await running.runOnce();
    // What one run on its own costs.
    const before = clock.reads;
    await running.runOnce();
    const perRun = clock.reads - before;
    expect(perRun).toBeGreaterThan(0);

    const startedAt = clock.reads;
    const first = running.runOnce();
    const second = running.runOnce();
    const third = running.runOnce();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await Promise.all([first, second, third]);
    expect(clock.reads - startedAt).toBe(perRun);
  });

  it('logs a failed run instead of throwing, and keeps running', async () => {
    t = await createWorkspace();
    const logged: string[] = [];
    await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await t.db.updateTable('workspaceSettings').set({ timeZone: 'Mars/Olympus_Mons' }).execute();
    const running = start(t, { log: (line) => logged.push(line) });
    await running.runOnce();
    expect(logged.some((line) => line.startsWith('alert run failed'))).toBe(true);

    await t.db.updateTable('workspaceSettings').set({ timeZone: 'UTC' }).execute();
    await running.runOnce();
    expect(await alertRows(t.db)).toHaveLength(1);
    expect(logged.at(-1)).toMatch(/^alerts: 1 raised/);
  });

  it.each([
    ['* * * * *', 60_000],
    ['*/5 * * * *', 5 * 60_000],
    ['*/10 * * * * *', 10_000],
  ])('works out the interval of "%s"', async (cronExpression, intervalMs) => {
    t = await createWorkspace();
    expect(start(t, { cronExpression }).intervalMs).toBe(intervalMs);
  });

  it('refuses an invalid ALERT_CRON with a clear error, and schedules nothing', async () => {
    t = await createWorkspace();
    expect(() => start(t!, { cronExpression: 'every minute' })).toThrow(
      'ALERT_CRON "every minute" is not a valid cron expression',
    );
    jobs = undefined;
    expect(() => assertValidCron('61 * * * *')).toThrow(/ALERT_CRON "61 \* \* \* \*"/);
    expect(() => assertValidCron('*/1 * * * * *')).not.toThrow();
    expect(await t.db.selectFrom('schedulerState').selectAll().execute()).toEqual([]);
  });

  it('stops running after stop()', async () => {
    t = await createWorkspace();
    const clock = countingClock();
    const running = start(t, { clock, cronExpression: '*/1 * * * * *' });
    await waitFor(async () => clock.reads >= 4, { timeoutMs: 5_000, intervalMs: 20 });
    await running.stop();
    jobs = undefined;

    const after = clock.reads;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(clock.reads).toBe(after);
  });

  it('purges what has expired once at start-up, and schedules the purge hourly', async () => {
    t = await createWorkspace();
    const session = (expiresAt: number) => ({
      id: newId(),
      userId: t!.user.id,
      createdAt: new Date(expiresAt - 60_000).toISOString(),
      lastSeenAt: new Date(expiresAt - 60_000).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      userAgent: null,
    });
    const expired = session(Date.now() - 60_000);
    const live = session(Date.now() + 60 * 60_000);
    await t.db.insertInto('sessions').values([expired, live]).execute();
    const logged: string[] = [];

    const running = start(t, { log: (line) => logged.push(line) });
    const purge = [...cron.getTasks().values()].filter((task) => task.name === 'purge');
    expect(purge.map((task) => task.getPattern())).toEqual([PURGE_CRON]);
    const [first, second] = purge[0]!.getNextRuns(2);
    expect(second!.getTime() - first!.getTime()).toBe(60 * 60_000);
    // stop() waits for the run in progress: the start-up purge.
    await running.stop();
    jobs = undefined;

    const sessions = (await t.db.selectFrom('sessions').select('id').execute()).map((s) => s.id);
    expect(sessions).toContain(live.id);
    expect(sessions).not.toContain(expired.id);
    expect(logged).toContain('purge: deleted expired sessions: 1');
    expect([...cron.getTasks().values()].filter((task) => task.name === 'purge')).toEqual([]);
  });

  it('logs nothing for a purge that found nothing to delete', async () => {
    t = await createWorkspace();
    const logged: string[] = [];
    await start(t, { log: (line) => logged.push(line) }).stop();
    jobs = undefined;
    expect(logged.filter((line) => line.startsWith('purge'))).toEqual([]);
  });
});
