import { describe, expect, it } from 'vitest';
import {
  alertKeys,
  countAlerts,
  countBy,
  useProcessScope,
  getHealth,
  prepareWorkspace,
  readOutbox,
  seedDueDeliverables,
  SHORT_LEASE_SCHEDULER_ENV as SCHEDULER_ENV,
  waitFor,
} from './support';

const scope = useProcessScope();

async function waitForRunSince(url: string, since: string): Promise<void> {
  await waitFor(
    `an alert run that started after ${since}`,
    async () => {
      const { scheduler } = await getHealth(url);
      return scheduler.lastRunFinishedAt !== null && scheduler.lastRunFinishedAt >= since;
    },
    { intervalMs: 250 },
  );
}

describe('alert scheduler killed with SIGKILL while raising (real processes, one SQLite file)', () => {
  it('keeps one alert per key, each with its delivery, and raises the rest after the restart', async () => {
    const receiver = await scope().receiver();
    const workspace = await prepareWorkspace(scope(), receiver.url);
    const db = workspace.handle;

    // The start-up run raises before the server even listens, so the work goes to a
    // scheduled run instead: written into the file while the server is up and idle.
    const startedAt = new Date().toISOString();
    const crashing = await scope().start(SCHEDULER_ENV);
    await waitForRunSince(crashing.url, startedAt);
    // 6000 alerts: the run commits them 200 at a time over a second or more.
    const { expectedKeys } = await seedDueDeliverables(workspace, 3000);
    const seen = await waitFor(
      'the first alerts to be committed',
      async () => (await countAlerts(db)) || undefined,
      { intervalMs: 1 },
    );
    await crashing.stop('SIGKILL');

    const atKill = await readOutbox(db);
    console.log(
      `SIGKILL while raising: ${seen} alerts seen, ${atKill.alerts.length}/${expectedKeys.length} committed at the kill`,
    );
    expect(atKill.alerts.length, 'the kill came after the run had raised everything').toBeLessThan(
      expectedKeys.length,
    );
    // The outbox is written in the alert's transaction: no alert without its delivery, nor the reverse.
    expect(countBy(atKill.deliveries.map((d) => d.alertId))).toEqual(
      new Map(atKill.alerts.map((a) => [a.id, 1])),
    );
    expect(receiver.received).toEqual([]);

    const restartedAt = new Date().toISOString();
    const restarted = await scope().start(SCHEDULER_ENV);
    await waitForRunSince(restarted.url, restartedAt);
    await restarted.stop('SIGTERM');

    const { alerts, deliveries } = await readOutbox(db);
    expect(alertKeys(alerts)).toEqual(expectedKeys);
    expect(countBy(deliveries.map((d) => d.alertId))).toEqual(
      new Map(alerts.map((a) => [a.id, 1])),
    );
    // What was committed before the kill stayed as it was; the restart added only the rest.
    const ids = new Set(alerts.map((a) => a.id));
    expect(atKill.alerts.filter((a) => !ids.has(a.id))).toEqual([]);
  });
});
