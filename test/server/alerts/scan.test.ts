import { afterEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../server/db/dialect';
import { newId } from '../../../server/ids';
import { createWorkspace, type Workspace } from '../../support/app';
import {
  alertKeys,
  alertRows,
  at,
  createDeliverable,
  DAY,
  deliveryRows,
  HOUR,
  MINUTE,
  patchDeliverable,
  scan,
} from '../../support/alerts';

let t: Workspace;
afterEach(async () => t?.close());

const T = '2026-03-10T12:00:00.000Z';

/** Deliverables around T: one overdue, one due soon, one later, one already published. */
async function mixedDeliverables() {
  return {
    overdue: await createDeliverable(t.owner, t.deal.id, {
      title: 'Overdue draft',
      draftDueAt: at(T, -3 * HOUR),
    }),
    soon: await createDeliverable(t.owner, t.deal.id, {
      title: 'Soon',
      publishAt: at(T, 5 * HOUR),
    }),
    later: await createDeliverable(t.owner, t.deal.id, {
      title: 'Later',
      draftDueAt: at(T, 10 * DAY),
    }),
    published: await createDeliverable(t.owner, t.deal.id, {
      title: 'Done',
      status: 'published',
      publishAt: at(T, -2 * HOUR),
    }),
  };
}

describe('runAlertScan run twice', () => {
  it('raises nothing new at the same moment', async () => {
    t = await createWorkspace();
    await mixedDeliverables();

    expect(await scan(t, T, true)).toEqual({ raised: 2, resolved: 0 });
    const alerts = await alertRows(t.db);
    const deliveries = await deliveryRows(t.db);
    expect(deliveries).toHaveLength(2);

    expect(await scan(t, T, true)).toEqual({ raised: 0, resolved: 0 });
    expect(await alertRows(t.db)).toEqual(alerts);
    expect(await deliveryRows(t.db)).toEqual(deliveries);
  });

  it('raises nothing new later when nothing new fell due', async () => {
    t = await createWorkspace();
    await mixedDeliverables();
    await scan(t, T, true);
    const keys = await alertKeys(t.db);

    for (const later of [at(T, 1), at(T, MINUTE), at(T, HOUR)]) {
      expect(await scan(t, later, true)).toMatchObject({ raised: 0 });
    }
    expect(await alertKeys(t.db)).toEqual(keys);
    expect(await deliveryRows(t.db)).toHaveLength(2);
  });

  it('raises only what newly fell due when run later', async () => {
    t = await createWorkspace();
    const { soon } = await mixedDeliverables();
    await scan(t, T, true);

    expect(await scan(t, soon.publishAt!, true)).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, soon.id)).toEqual([
      `publish_due_soon@${soon.publishAt}`,
      `publish_overdue@${soon.publishAt}`,
    ]);
    expect(await alertRows(t.db)).toHaveLength(3);
  });

  it('stores no alert twice when the clock goes back and forth (T, T-1h, T)', async () => {
    t = await createWorkspace();
    await mixedDeliverables();
    await scan(t, T, true);
    await scan(t, at(T, -HOUR), true);
    expect(await scan(t, T, true)).toMatchObject({ raised: 0 });

    const alerts = await alertRows(t.db);
    const keys = alerts.map((a) => `${a.rule}|${a.subjectId}|${a.dueAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    // One e-mail to the owner per alert, whatever the clock did.
    const deliveries = await deliveryRows(t.db);
    expect(deliveries).toHaveLength(alerts.length);
    expect(new Set(deliveries.map((d) => d.alertId)).size).toBe(alerts.length);
  });

  it('does not call a moment it already reported overdue "due soon" when the clock goes back an hour', async () => {
    t = await createWorkspace();
    // Its moment (T-30min) was already reported overdue at T; an hour earlier it looks "due soon" again.
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, -30 * MINUTE) });
    expect(await scan(t, T, true)).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_overdue@${at(T, -30 * MINUTE)}`]);

    expect(await scan(t, at(T, -HOUR), true)).toMatchObject({ raised: 0 });
    expect(await scan(t, T, true)).toMatchObject({ raised: 0 });
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_overdue@${at(T, -30 * MINUTE)}`]);
    expect(await deliveryRows(t.db)).toHaveLength(1);
  });

  it('keeps the watermark at the latest moment scanned when the clock goes back', async () => {
    t = await createWorkspace();
    await scan(t, T);
    await scan(t, at(T, -HOUR));
    const state = await t.db.selectFrom('schedulerState').selectAll().executeTakeFirstOrThrow();
    expect(state.watermark).toBe(T);
    expect(state.lastRunFinishedAt).toBe(at(T, -HOUR));
  });
});

describe('the alerts unique index', () => {
  it('rejects a second alert with the same rule, subject and due moment', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, -HOUR) });
    await scan(t, T);
    const [existing] = await alertRows(t.db);
    expect(existing).toBeDefined();

    const duplicate = t.db
      .insertInto('alerts')
      .values({
        id: newId(),
        rule: existing!.rule,
        subjectType: 'deliverable',
        subjectId: d.id,
        dueAt: existing!.dueAt,
        severity: 'critical',
        message: 'a second copy',
        createdAt: T,
      })
      .execute();
    const error = await duplicate.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
    expect(await alertRows(t.db)).toHaveLength(1);
  });

  it('accepts the same subject and moment under another rule, and another moment under the same rule', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, -HOUR) });
    const base = {
      subjectType: 'deliverable' as const,
      subjectId: d.id,
      severity: 'critical' as const,
      message: 'm',
      createdAt: T,
    };
    await t.db
      .insertInto('alerts')
      .values({ ...base, id: newId(), rule: 'draft_overdue', dueAt: at(T, -HOUR) })
      .execute();
    await t.db
      .insertInto('alerts')
      .values({ ...base, id: newId(), rule: 'draft_due_soon', dueAt: at(T, -HOUR) })
      .execute();
    await t.db
      .insertInto('alerts')
      .values({ ...base, id: newId(), rule: 'draft_overdue', dueAt: at(T, -2 * HOUR) })
      .execute();
    expect(await alertRows(t.db)).toHaveLength(3);
  });
});

describe('rescheduling', () => {
  it('alerts the new draft moment, resolves the old alert and cancels its pending deliveries', async () => {
    t = await createWorkspace({ now: at(T, -DAY) });
    const first = at(T, 20 * HOUR);
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: first });
    await scan(t, T, true);
    const [old] = await alertRows(t.db);
    expect(old).toMatchObject({ rule: 'draft_due_soon', dueAt: first, resolvedAt: null });
    expect((await deliveryRows(t.db)).map((x) => x.status)).toEqual(['pending']);

    // Dragged on the calendar, a day later.
    t.clock.set(at(T, 10 * MINUTE));
    const second = at(T, 44 * HOUR);
    await patchDeliverable(t.owner, d.id, { draftDueAt: second });
    expect(await scan(t, at(T, 15 * MINUTE), true)).toEqual({ raised: 1, resolved: 1 });

    const alerts = await alertRows(t.db);
    expect(alerts.find((a) => a.id === old!.id)?.resolvedAt).toBe(at(T, 15 * MINUTE));
    const fresh = alerts.find((a) => a.id !== old!.id);
    expect(fresh).toMatchObject({ rule: 'draft_due_soon', dueAt: second, resolvedAt: null });

    const deliveries = await deliveryRows(t.db);
    expect(deliveries.find((x) => x.alertId === old!.id)?.status).toBe('cancelled');
    expect(deliveries.find((x) => x.alertId === fresh!.id)?.status).toBe('pending');
  });

  it('alerts a moved go-live again as publish_due_soon', async () => {
    t = await createWorkspace({ now: at(T, -DAY) });
    const d = await createDeliverable(t.owner, t.deal.id, { publishAt: at(T, 3 * HOUR) });
    await scan(t, T);
    t.clock.set(T);
    await patchDeliverable(t.owner, d.id, { publishAt: at(T, 6 * HOUR) });
    await scan(t, at(T, MINUTE));
    expect(await alertKeys(t.db, d.id)).toEqual([
      `publish_due_soon@${at(T, 3 * HOUR)}`,
      `publish_due_soon@${at(T, 6 * HOUR)}`,
    ]);
    const open = (await alertRows(t.db)).filter((a) => a.resolvedAt === null);
    expect(open.map((a) => a.dueAt)).toEqual([at(T, 6 * HOUR)]);
  });

  it('raises overdue at the next scan when a date is moved far into the past', async () => {
    t = await createWorkspace({ now: at(T, -DAY) });
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, 10 * DAY) });
    await scan(t, T);
    expect(await alertKeys(t.db, d.id)).toEqual([]);

    // Older than any watermark look-back: only the edit itself can bring it up.
    t.clock.set(at(T, MINUTE));
    await patchDeliverable(t.owner, d.id, { draftDueAt: at(T, -30 * DAY) });
    await scan(t, at(T, 2 * MINUTE));
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_overdue@${at(T, -30 * DAY)}`]);
  });
});

describe('what ends an alert', () => {
  it.each(['published', 'cancelled'] as const)(
    'a deliverable marked %s resolves its open alerts, cancels their deliveries and raises nothing more',
    async (status) => {
      t = await createWorkspace({ now: at(T, -DAY) });
      const d = await createDeliverable(t.owner, t.deal.id, {
        draftDueAt: at(T, -HOUR),
        publishAt: at(T, 6 * HOUR),
      });
      expect(await scan(t, T, true)).toMatchObject({ raised: 2 });

      t.clock.set(at(T, MINUTE));
      await patchDeliverable(t.owner, d.id, { status });
      expect(await scan(t, at(T, 2 * MINUTE), true)).toEqual({ raised: 0, resolved: 2 });
      const alerts = await alertRows(t.db);
      expect(alerts.every((a) => a.resolvedAt === at(T, 2 * MINUTE))).toBe(true);
      expect((await deliveryRows(t.db)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);

      // Its go-live passes: nothing, since the post is done (or off).
      expect(await scan(t, at(T, 2 * DAY), true)).toEqual({ raised: 0, resolved: 0 });
      expect(await alertRows(t.db)).toHaveLength(2);
    },
  );

  it('handing the draft in resolves the draft alerts and keeps the go-live ones', async () => {
    t = await createWorkspace({ now: at(T, -DAY) });
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: at(T, -HOUR),
      publishAt: at(T, 6 * HOUR),
    });
    await scan(t, T);
    t.clock.set(at(T, MINUTE));
    await patchDeliverable(t.owner, d.id, { status: 'in_review' });
    await scan(t, at(T, 2 * MINUTE));
    const alerts = await alertRows(t.db);
    expect(alerts.find((a) => a.rule === 'draft_overdue')?.resolvedAt).toBe(at(T, 2 * MINUTE));
    expect(alerts.find((a) => a.rule === 'publish_due_soon')?.resolvedAt).toBeNull();

    await scan(t, at(T, 7 * HOUR));
    expect(await alertKeys(t.db, d.id)).toEqual([
      `draft_overdue@${at(T, -HOUR)}`,
      `publish_due_soon@${at(T, 6 * HOUR)}`,
      `publish_overdue@${at(T, 6 * HOUR)}`,
    ]);
  });

  it('deleting the deliverable resolves its alerts and cancels their pending deliveries', async () => {
    t = await createWorkspace({ now: at(T, -DAY) });
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: at(T, -HOUR),
      publishAt: at(T, 6 * HOUR),
    });
    const other = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, -HOUR) });
    await scan(t, T, true);
    expect(await t.owner.delete(`/api/deliverables/${d.id}`)).toMatchObject({ status: 204 });

    expect(await scan(t, at(T, MINUTE), true)).toEqual({ raised: 0, resolved: 2 });
    const alerts = await alertRows(t.db);
    const deliveries = await deliveryRows(t.db);
    for (const alert of alerts) {
      const delivery = deliveries.find((x) => x.alertId === alert.id);
      if (alert.subjectId === d.id) {
        expect(alert.resolvedAt).toBe(at(T, MINUTE));
        expect(delivery?.status).toBe('cancelled');
      } else {
        expect(alert.subjectId).toBe(other.id);
        expect(alert.resolvedAt).toBeNull();
        expect(delivery?.status).toBe('pending');
      }
    }
  });
});

describe('catch-up after downtime', () => {
  it('raises a draft that fell due while the scheduler was down as draft_overdue, not draft_due_soon', async () => {
    const T0 = T;
    t = await createWorkspace({ now: at(T0, -DAY) });
    // Due soon from T0+12h on, due at T0+2.5d: both moments pass while nothing runs.
    const before = await createDeliverable(t.owner, t.deal.id, {
      title: 'Before',
      draftDueAt: at(T0, 60 * HOUR),
    });
    expect(await scan(t, T0)).toMatchObject({ raised: 0 });

    // Created during the downtime, and due during it.
    t.clock.set(at(T0, DAY));
    const during = await createDeliverable(t.owner, t.deal.id, {
      title: 'During',
      draftDueAt: at(T0, 2 * DAY),
    });

    expect(await scan(t, at(T0, 3 * DAY))).toEqual({ raised: 2, resolved: 0 });
    expect(await alertKeys(t.db, before.id)).toEqual([`draft_overdue@${at(T0, 60 * HOUR)}`]);
    expect(await alertKeys(t.db, during.id)).toEqual([`draft_overdue@${at(T0, 2 * DAY)}`]);
  });

  it('raises a missed go-live as publish_overdue only, and what is due soon after the restart as due soon', async () => {
    const T0 = T;
    t = await createWorkspace({ now: at(T0, -DAY) });
    const missed = await createDeliverable(t.owner, t.deal.id, { publishAt: at(T0, 30 * HOUR) });
    const upcoming = await createDeliverable(t.owner, t.deal.id, {
      publishAt: at(T0, 3 * DAY + 5 * HOUR),
    });
    await scan(t, T0);

    await scan(t, at(T0, 3 * DAY));
    expect(await alertKeys(t.db, missed.id)).toEqual([`publish_overdue@${at(T0, 30 * HOUR)}`]);
    expect(await alertKeys(t.db, upcoming.id)).toEqual([
      `publish_due_soon@${at(T0, 3 * DAY + 5 * HOUR)}`,
    ]);
  });

  it('on the very first scan, raises what fell due in the days before', async () => {
    t = await createWorkspace({ now: at(T, -10 * DAY) });
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(T, -5 * DAY) });
    await scan(t, T);
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_overdue@${at(T, -5 * DAY)}`]);
  });
});
