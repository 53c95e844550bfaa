import { afterEach, describe, expect, it } from 'vitest';
import { runAlertScan } from '../../../server/alerts/scan';
import { createApp } from '../../../server/app';
import { createWorkspace, TestClient, TEST_PASSWORD_COST, type Workspace } from '../../support/app';
import { at, createDeliverable, HOUR, MINUTE, scan } from '../../support/alerts';

let t: Workspace;
afterEach(async () => t?.close());

// The workspace clock reads 2026-03-01T12:00Z.
const NOW = '2026-03-01T12:00:00.000Z';

async function health(client: TestClient = t.client()) {
  const res = await client.get('/api/health');
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/health: the scheduler', () => {
  it('says not_started before any run', async () => {
    t = await createWorkspace();
    expect(await health()).toEqual({
      status: 'ok',
      scheduler: {
        status: 'not_started',
        running: false,
        lastRunStartedAt: null,
        lastRunFinishedAt: null,
        lastRunAlertsRaised: 0,
        lastError: null,
      },
      deliveries: { pending: 0, failed: 0 },
    });
  });

  it('says ok after a run, with how many alerts it raised and the deliveries waiting', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(NOW, -HOUR) });
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(NOW, -2 * HOUR) });
    await scan(t, NOW, true);

    expect(await health()).toMatchObject({
      status: 'ok',
      scheduler: {
        status: 'ok',
        lastRunStartedAt: NOW,
        lastRunFinishedAt: NOW,
        lastRunAlertsRaised: 2,
        lastError: null,
      },
      deliveries: { pending: 2, failed: 0 },
    });

    // The next run raises nothing: the count is of the last run, not a total.
    t.clock.advance(MINUTE);
    await scan(t, t.clock.now(), true);
    expect((await health()).scheduler).toMatchObject({
      lastRunAlertsRaised: 0,
      lastRunFinishedAt: at(NOW, MINUTE),
    });
  });

  it('says stalled once the clock is more than 5 minutes past the last finished run', async () => {
    t = await createWorkspace();
    await scan(t, NOW);

    t.clock.set(at(NOW, 5 * MINUTE));
    expect((await health()).scheduler.status).toBe('ok');
    t.clock.set(at(NOW, 5 * MINUTE + 1));
    expect((await health()).scheduler.status).toBe('stalled');

    await scan(t, t.clock.now());
    expect((await health()).scheduler.status).toBe('ok');
  });

  it('allows three scheduled intervals before saying stalled when the interval is long', async () => {
    t = await createWorkspace();
    const app = createApp({
      db: t.db,
      clock: t.clock,
      passwordCost: TEST_PASSWORD_COST,
      scheduler: { running: true, intervalMs: 10 * MINUTE },
    });
    const client = new TestClient(app);
    await scan(t, NOW);

    t.clock.set(at(NOW, 30 * MINUTE));
    expect((await health(client)).scheduler).toMatchObject({ status: 'ok', running: true });
    t.clock.set(at(NOW, 30 * MINUTE + 1));
    expect((await health(client)).scheduler.status).toBe('stalled');
  });

  it('counts deliveries being sent as pending, and failed ones apart', async () => {
    t = await createWorkspace();
    for (let i = 1; i <= 4; i++)
      await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(NOW, -i * HOUR) });
    await scan(t, NOW, true);
    const rows = await t.db.selectFrom('deliveries').select('id').orderBy('id').execute();
    expect(rows).toHaveLength(4);
    await t.db
      .updateTable('deliveries')
      .set({ status: 'sending', claimedUntil: at(NOW, MINUTE) })
      .where('id', '=', rows[0]!.id)
      .execute();
    await t.db
      .updateTable('deliveries')
      .set({ status: 'failed', lastError: 'HTTP 500' })
      .where('id', '=', rows[1]!.id)
      .execute();
    await t.db
      .updateTable('deliveries')
      .set({ status: 'sent', sentAt: NOW })
      .where('id', '=', rows[2]!.id)
      .execute();

    expect((await health()).deliveries).toEqual({ pending: 2, failed: 1 });
  });

  it('reports the error of a failed run, which does not count as finished', async () => {
    t = await createWorkspace();
    await scan(t, NOW);
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(NOW, -HOUR) });
    // A zone the message renderer cannot use makes the next run throw.
    await t.db.updateTable('workspaceSettings').set({ timeZone: 'Mars/Olympus_Mons' }).execute();

    t.clock.set(at(NOW, 10 * MINUTE));
    await expect(
      runAlertScan({ db: t.db, now: t.clock.now(), emailEnabled: false }),
    ).rejects.toThrow();
    const scheduler = (await health()).scheduler;
    expect(scheduler).toMatchObject({
      status: 'stalled',
      lastRunStartedAt: at(NOW, 10 * MINUTE),
      lastRunFinishedAt: NOW,
    });
    expect(scheduler.lastError).toEqual(expect.any(String));
    expect(scheduler.lastError!.length).toBeGreaterThan(0);
  });
});
