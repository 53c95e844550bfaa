import { describe, expect, it } from 'vitest';
import {
  alertKeys,
  countBy,
  useProcessScope,
  EVERY_SECOND,
  getHealth,
  prepareWorkspace,
  PROCESS_TEST_TIMEOUT_MS,
  readOutbox,
  seedDueDeliverables,
  waitFor,
} from './support';

const scope = useProcessScope();

/** A short lease, so deliveries the stopped sender held are retried within the test. */
const SCHEDULER_ENV = { ALERT_CRON: EVERY_SECOND, ALERT_DELIVERY_LEASE_SECONDS: '2' };

describe('alert scheduler stopped with SIGTERM while delivering (real processes, one SQLite file)', () => {
  it(
    'stops within its grace period on SIGTERM mid-run, and the restart delivers the rest without loss',
    async () => {
      const receiver = await scope().receiver({ delayMs: 25 });
      const workspace = await prepareWorkspace(scope(), receiver.url);
      // 300 deliveries at 25 ms each: still sending when the 5 s grace period runs out.
      const { expectedKeys } = await seedDueDeliverables(workspace, 150);

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

      const atStop = await readOutbox(workspace.handle);
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

      const { alerts, deliveries } = await readOutbox(workspace.handle);
      expect(alertKeys(alerts)).toEqual(expectedKeys);
      expect(countBy(deliveries.map((d) => d.status))).toEqual(
        new Map([['sent', deliveries.length]]),
      );
      const counts = receiver.countsByKey();
      expect([...counts.keys()].sort()).toEqual(deliveries.map((d) => d.id).sort());
      const duplicates = receiver.received.length - counts.size;
      console.log(
        `SIGTERM while delivering: exited after ${stopMs} ms, ${receivedAtStop.size}/${deliveries.length} received ` +
          `by then, ${inFlight.length} in flight, ${duplicates} duplicate webhook(s)`,
      );
      expect(duplicates).toBe(inFlight.length);
      expect(duplicates).toBeLessThanOrEqual(1);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
