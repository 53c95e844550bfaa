import { afterEach, describe, expect, it } from 'vitest';
import { insertBatches } from '../../../server/alerts/raise';
import { newId } from '../../../server/ids';
import { alertRows, at, createDeliverable, deliveryRows, MINUTE, scan } from '../../support/alerts';
import { createWorkspace, type Workspace } from '../../support/app';

describe('insertBatches', () => {
  it('covers every row once, in order, in powers of two of at most 256 rows', () => {
    for (const count of [0, 1, 2, 3, 190, 256, 257, 600, 1_000]) {
      const batches = insertBatches(count);
      let next = 0;
      for (const [from, to] of batches) {
        expect(from).toBe(next);
        const size = to - from;
        expect(size).toBeLessThanOrEqual(256);
        expect(Number.isInteger(Math.log2(size))).toBe(true);
        next = to;
      }
      expect(next).toBe(count);
    }
  });

  it('needs few statement shapes whatever the number of rows', () => {
    const sizes = new Set<number>();
    for (let count = 0; count <= 2_000; count++)
      for (const [from, to] of insertBatches(count)) sizes.add(to - from);
    expect(sizes.size).toBe(9);
  });
});

describe('raiseAlerts', () => {
  let t: Workspace | undefined;
  afterEach(async () => t?.close());

  it('queues every delivery of a chunk whose deliveries span several insert statements', async () => {
    t = await createWorkspace();
    const T = '2026-03-10T12:00:00.000Z';
    // 30 overdue drafts, each e-mailed to the owner and posted to 10 webhooks: 330 deliveries
    // in one chunk of alerts, written as inserts of 256, 64, 8 and 2 rows.
    for (let i = 0; i < 30; i++)
      await createDeliverable(t.owner, t.deal.id, {
        title: `Draft ${i}`,
        draftDueAt: at(T, -(i + 1) * MINUTE),
      });
    await t.db
      .insertInto('channels')
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          id: newId(),
          type: 'json' as const,
          name: `Hook ${i}`,
          url: `https://hooks.example.com/${i}`,
          secret: null,
          enabled: true,
          version: 1,
          createdAt: T,
          updatedAt: T,
        })),
      )
      .execute();

    expect(await scan(t, T, true)).toMatchObject({ raised: 30 });
    const alerts = await alertRows(t.db);
    const deliveries = await deliveryRows(t.db);
    expect(deliveries).toHaveLength(30 * 11);
    for (const alert of alerts)
      expect(deliveries.filter((d) => d.alertId === alert.id)).toHaveLength(11);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(deliveries.length);
  });
});
