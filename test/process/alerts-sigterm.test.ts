import { describe, expect, it } from 'vitest';
import {
  useProcessScope,
  getHealth,
  prepareDueAlerts,
  readOutbox,
  SHORT_LEASE_SCHEDULER_ENV as SCHEDULER_ENV,
  waitFor,
  expectEveryAlertDelivered,
} from './support';

const scope = useProcessScope();

describe('alert scheduler stopped with SIGTERM while delivering (real processes, one SQLite file)', () => {
  it('stops within its grace period on SIGTERM mid-run, and the restart delivers the rest without loss', async () => {
    // 300 deliveries at 25 ms each: still sending when the 5 s grace period runs out.
    const { receiver, db, expectedKeys } = await prepareDueAlerts(scope(), {
      count: 150,
      delayMs: 25,
    });

    const stopping = await scope().start(SCHEDULER_ENV);
    await waitFor('40 webhooks at the receiver', () => receiver.received.length >= 40, {
      intervalMs: 1,
    });
    const signalledAt = Date.now();
    await stopping.stop('SIGTERM');
    const stopMs = Date.now() - signalledAt;
    // 0: the delivery in progress finished within the grace period (past it, the exit code is 1).
    expect(stopping.process.exitCode, stopping.output()).toBe(0);
    expect(stopping.output()).not.toContain('stopped waiting');

    const atStop = await readOutbox(db);
    const receivedAtStop = new Set(receiver.received.map((r) => r.key));
    const sentAtStop = new Set(
      atStop.deliveries.filter((d) => d.status === 'sent').map((d) => d.id),
    );
    const inFlight = [...receivedAtStop].filter((key) => !sentAtStop.has(key));
    expect(receivedAtStop.size, 'the stop came after the sender finished').toBeLessThan(
      expectedKeys.length,
    );

    receiver.delayMs = 0;
    const restarted = await scope().start(SCHEDULER_ENV);
    await waitFor(
      'the outbox to drain after the restart',
      async () => (await getHealth(restarted.url)).deliveries.pending === 0,
      { intervalMs: 250 },
    );
    await restarted.stop('SIGTERM');

    const { deliveries, counts } = await expectEveryAlertDelivered({
      db,
      receiver,
      expectedKeys,
    });
    const duplicates = receiver.received.length - counts.size;
    console.log(
      `SIGTERM while delivering: exited after ${stopMs} ms, ${receivedAtStop.size}/${deliveries.length} received ` +
        `by then, ${inFlight.length} in flight, ${duplicates} duplicate webhook(s)`,
    );
    expect(duplicates).toBe(inFlight.length);
    expect(duplicates).toBeLessThanOrEqual(1);
  });
});
