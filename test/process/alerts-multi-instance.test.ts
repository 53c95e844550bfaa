import { describe, expect, it } from 'vitest';
import type { ServerProcess } from '../e2e/server';
import {
  countBy,
  useProcessScope,
  EVERY_SECOND,
  getHealth,
  prepareDueAlerts,
  waitFor,
  type WebhookReceiver,
  expectEveryAlertDelivered,
} from './support';

const scope = useProcessScope();

/** What one instance says it did, summed over its log lines. */
function reportedWork(server: ServerProcess): { raised: number; sent: number } {
  let raised = 0;
  let sent = 0;
  for (const match of server.output().matchAll(/alerts: (\d+) raised.*deliveries: (\d+) sent/g)) {
    raised += Number(match[1]);
    sent += Number(match[2]);
  }
  return { raised, sent };
}

/** Both instances agree the outbox is empty and the receiver has every delivery; then both stop gracefully. */
async function drainAndStop(
  servers: ServerProcess[],
  receiver: WebhookReceiver,
  deliveries: number,
) {
  await waitFor(
    'every delivery at the receiver and an empty outbox',
    async () => {
      if (receiver.countsByKey().size < deliveries) return false;
      const health = await Promise.all(servers.map((s) => getHealth(s.url)));
      return health.every((h) => h.deliveries.pending === 0);
    },
    { intervalMs: 250 },
  );
  // SIGTERM waits for a run in progress, so nothing is still on its way once they have exited.
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
}

describe('several server processes on one SQLite file', () => {
  it('raises each alert once and delivers each webhook once when two instances run together', async () => {
    const { receiver, db, expectedKeys } = await prepareDueAlerts(scope(), {
      count: 200,
      delayMs: 5,
    });

    const servers = await Promise.all([
      scope().start({ ALERT_CRON: EVERY_SECOND }),
      scope().start({ ALERT_CRON: EVERY_SECOND }),
    ]);
    await drainAndStop(servers, receiver, expectedKeys.length);

    const { alerts, deliveries, counts } = await expectEveryAlertDelivered({
      db,
      receiver,
      expectedKeys,
    });
    expect(countBy(deliveries.map((d) => d.alertId))).toEqual(
      new Map(alerts.map((a) => [a.id, 1])),
    );
    const work = servers.map(reportedWork);
    const duplicates = receiver.received.length - counts.size;
    console.log(
      `two instances: raised ${work.map((w) => w.raised).join(' + ')}, sent ${work.map((w) => w.sent).join(' + ')}, ` +
        `${duplicates} duplicate webhook(s)`,
    );
    expect(work.reduce((sum, w) => sum + w.raised, 0)).toBe(expectedKeys.length);
    expect(work.reduce((sum, w) => sum + w.sent, 0)).toBe(deliveries.length);
    expect(duplicates).toBe(0);
  });

  it('does not re-send a webhook another instance is still sending, even when a run outlasts the lease', async () => {
    // Each run takes several seconds (30 ms a webhook), longer than the 3 s lease; but every
    // single send finishes well inside it, so no instance should ever take over another's.
    // 300 deliveries: fewer than one sender batch, so both instances start from the whole list.
    const { receiver, db, expectedKeys } = await prepareDueAlerts(scope(), {
      count: 150,
      delayMs: 30,
    });

    // The last delivery to arrive is answered slowly (1.8 s, inside the 3 s lease), long
    // enough for the other instance, idle by then, to look at the outbox once or twice.
    const seenKeys = new Set<string>();
    const held: { key: string | null; at: number } = { key: null, at: 0 };
    const claimsWhileHeld: { claimedUntil: string | null; status: string; at: number }[] = [];
    receiver.delayFor = (webhook) => {
      if (seenKeys.has(webhook.key)) return undefined;
      seenKeys.add(webhook.key);
      if (held.key || seenKeys.size < expectedKeys.length) return undefined;
      const { key } = webhook;
      const at = Date.now();
      Object.assign(held, { key, at });
      void db.db
        .selectFrom('deliveries')
        .select(['claimedUntil', 'status'])
        .where('id', '=', key)
        .executeTakeFirst()
        .then((row) => row && claimsWhileHeld.push({ ...row, at }));
      return 1800;
    };

    const env = { ALERT_CRON: EVERY_SECOND, ALERT_DELIVERY_LEASE_SECONDS: '3' };
    const servers = await Promise.all([scope().start(env), scope().start(env)]);
    await drainAndStop(servers, receiver, expectedKeys.length);

    const { counts } = await expectEveryAlertDelivered({
      db,
      receiver,
      expectedKeys,
    });
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
    const work = servers.map(reportedWork);
    console.log(
      `two instances, run longer than the lease: sent ${work.map((w) => w.sent).join(' + ')}, ` +
        `${receiver.received.length - counts.size} duplicate webhook(s)` +
        `; the held delivery arrived ${held.key ? counts.get(held.key) : 0} time(s)` +
        `; its claim as it arrived: ${JSON.stringify(claimsWhileHeld)}`,
    );
    expect(held.key, 'the last delivery was never held').not.toBeNull();
    // The scenario: the sender had been at it for longer than the lease when it took the last one.
    expect(held.at - receiver.received[0]!.receivedAt).toBeGreaterThan(3000);
    // While its sender waits for the receiver, the claim must still be running.
    expect(claimsWhileHeld).toHaveLength(1);
    expect(Date.parse(claimsWhileHeld[0]!.claimedUntil ?? '')).toBeGreaterThan(
      claimsWhileHeld[0]!.at,
    );
    expect(duplicated).toEqual([]);
  });
});
