import { describe, expect, it } from 'vitest';
import {
  alertIdOf,
  alertKeys,
  countBy,
  useProcessScope,
  getHealth,
  hasValidSignature,
  prepareDueAlerts,
  readOutbox,
  SHORT_LEASE_SCHEDULER_ENV as SCHEDULER_ENV,
  waitFor,
  expectEveryAlertDelivered,
} from './support';

const scope = useProcessScope();

describe('alert scheduler killed with SIGKILL while delivering (real processes, one SQLite file)', () => {
  it('loses no alert and re-sends only the webhook that was in flight', async () => {
    // 600 deliveries: more than one sender batch (500), and ~15 s of sending at 25 ms each.
    const { receiver, workspace, db, expectedKeys } = await prepareDueAlerts(scope(), {
      count: 300,
      delayMs: 25,
    });

    const crashing = await scope().start(SCHEDULER_ENV);
    await waitFor('40 webhooks at the receiver', () => receiver.received.length >= 40, {
      intervalMs: 1,
    });
    await crashing.stop('SIGKILL');
    expect(crashing.process.signalCode).toBe('SIGKILL');

    const atKill = await readOutbox(db);
    const receivedAtKill = new Set(receiver.received.map((r) => r.key));
    const sentAtKill = new Set(
      atKill.deliveries.filter((d) => d.status === 'sent').map((d) => d.id),
    );
    // The scan commits before the sender starts: every alert and its delivery exist already.
    expect(alertKeys(atKill.alerts)).toEqual(expectedKeys);
    expect(atKill.deliveries).toHaveLength(expectedKeys.length);
    expect(receivedAtKill.size, 'the kill came after the sender finished').toBeLessThan(
      expectedKeys.length,
    );
    // Arrived at the receiver, but the killed sender never recorded it: the only ones a retry repeats.
    const inFlight = [...receivedAtKill].filter((key) => !sentAtKill.has(key));

    receiver.delayMs = 0;
    const restarted = await scope().start(SCHEDULER_ENV);
    await waitFor(
      'the outbox to drain after the restart',
      async () => {
        const health = await getHealth(restarted.url);
        return health.deliveries.pending === 0 && health.scheduler.lastRunFinishedAt !== null;
      },
      { intervalMs: 250 },
    );
    await restarted.stop('SIGTERM');

    const { alerts, deliveries, counts } = await expectEveryAlertDelivered({
      db,
      receiver,
      expectedKeys,
    });
    expect(deliveries).toHaveLength(alerts.length);
    expect(countBy(deliveries.map((d) => d.alertId))).toEqual(
      new Map(alerts.map((a) => [a.id, 1])),
    );
    const duplicates = receiver.received.length - counts.size;
    console.log(
      `SIGKILL while delivering: ${receivedAtKill.size}/${deliveries.length} received before the kill, ` +
        `${inFlight.length} in flight, ${duplicates} duplicate webhook(s)`,
    );
    expect(duplicates).toBe(inFlight.length);
    // One sender sends one webhook at a time.
    expect(duplicates).toBeLessThanOrEqual(1);
    const alertOfDelivery = new Map(deliveries.map((d) => [d.id, d.alertId]));
    expect(receiver.received.filter((r) => alertIdOf(r) !== alertOfDelivery.get(r.key))).toEqual(
      [],
    );
    expect(
      receiver.received.filter((r) => !hasValidSignature(r, workspace.channel.secret)),
    ).toEqual([]);
  });
});
