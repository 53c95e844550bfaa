import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERABLE_STATUSES, type DeliverableStatus } from '../../../shared/schemas/deliverable';
import { createWorkspace, type Workspace } from '../../support/app';
import { alertKeys, alertRows, at, createDeliverable, DAY, HOUR, scan } from '../../support/alerts';

let t: Workspace;
afterEach(async () => t?.close());

// The workspace clock starts at 2026-03-01T12:00Z; every due moment below lies ahead of it.
const DRAFT_DUE = '2026-03-05T17:00:00.000Z';
const PUBLISH_AT = '2026-03-06T17:00:00.000Z';

const DRAFT_PENDING: DeliverableStatus[] = ['planned', 'drafting'];
const PUBLISH_PENDING = DELIVERABLE_STATUSES.filter((s) => s !== 'published' && s !== 'cancelled');

async function deliverablesInEveryStatus(fields: { draftDueAt?: string; publishAt?: string }) {
  const byStatus = new Map<DeliverableStatus, string>();
  for (const status of DELIVERABLE_STATUSES) {
    const d = await createDeliverable(t.owner, t.deal.id, {
      title: `In ${status}`,
      status,
      ...fields,
    });
    byStatus.set(status, d.id);
  }
  return byStatus;
}

async function statusesWithAlert(
  byStatus: Map<DeliverableStatus, string>,
  rule: string,
): Promise<DeliverableStatus[]> {
  const rows = await alertRows(t.db);
  return [...byStatus.entries()]
    .filter(([, id]) => rows.some((a) => a.subjectId === id && a.rule === rule))
    .map(([status]) => status)
    .sort();
}

async function setLeadTimes(leadTimes: Record<string, number>) {
  const current = await t.owner.get('/api/settings');
  const res = await t.owner.patch('/api/settings', { version: current.body.version, leadTimes });
  expect(res.status).toBe(200);
  return res.body;
}

describe('draft_due_soon', () => {
  it('fires when now reaches draftDueAt minus 48 hours, and not 1 ms before', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });

    expect(await scan(t, at(DRAFT_DUE, -48 * HOUR - 1))).toMatchObject({ raised: 0 });
    expect(await alertKeys(t.db, d.id)).toEqual([]);

    expect(await scan(t, at(DRAFT_DUE, -48 * HOUR))).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_due_soon@${DRAFT_DUE}`]);
    const [alert] = await alertRows(t.db);
    expect(alert).toMatchObject({
      subjectType: 'deliverable',
      severity: 'warning',
      resolvedAt: null,
    });
  });

  it('fires only while the draft is planned or drafting', async () => {
    t = await createWorkspace();
    const byStatus = await deliverablesInEveryStatus({ draftDueAt: DRAFT_DUE });
    await scan(t, at(DRAFT_DUE, -47 * HOUR));
    expect(await statusesWithAlert(byStatus, 'draft_due_soon')).toEqual([...DRAFT_PENDING].sort());
  });

  it('says nothing for a deliverable without a draft date', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: null, publishAt: null });
    expect(await scan(t, at(DRAFT_DUE, -HOUR))).toMatchObject({ raised: 0 });
  });
});

describe('draft_overdue', () => {
  it('fires at draftDueAt, and not 1 ms before', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });

    await scan(t, at(DRAFT_DUE, -1));
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_due_soon@${DRAFT_DUE}`]);

    expect(await scan(t, DRAFT_DUE)).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, d.id)).toEqual([
      `draft_due_soon@${DRAFT_DUE}`,
      `draft_overdue@${DRAFT_DUE}`,
    ]);
    const overdue = (await alertRows(t.db)).find((a) => a.rule === 'draft_overdue');
    expect(overdue).toMatchObject({ severity: 'critical', resolvedAt: null });
    // The "due soon" has done its job once the moment has passed.
    const soon = (await alertRows(t.db)).find((a) => a.rule === 'draft_due_soon');
    expect(soon?.resolvedAt).toBe(DRAFT_DUE);
  });

  it('fires only while the draft is planned or drafting', async () => {
    t = await createWorkspace();
    const byStatus = await deliverablesInEveryStatus({ draftDueAt: DRAFT_DUE });
    await scan(t, at(DRAFT_DUE, HOUR));
    expect(await statusesWithAlert(byStatus, 'draft_overdue')).toEqual([...DRAFT_PENDING].sort());
  });
});

describe('publish_due_soon', () => {
  it('fires when now reaches publishAt minus 24 hours, and not 1 ms before', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { publishAt: PUBLISH_AT });

    expect(await scan(t, at(PUBLISH_AT, -24 * HOUR - 1))).toMatchObject({ raised: 0 });
    expect(await scan(t, at(PUBLISH_AT, -24 * HOUR))).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, d.id)).toEqual([`publish_due_soon@${PUBLISH_AT}`]);
  });

  it('fires for every status except published and cancelled', async () => {
    t = await createWorkspace();
    const byStatus = await deliverablesInEveryStatus({ publishAt: PUBLISH_AT });
    await scan(t, at(PUBLISH_AT, -HOUR));
    expect(await statusesWithAlert(byStatus, 'publish_due_soon')).toEqual(
      [...PUBLISH_PENDING].sort(),
    );
  });
});

describe('publish_overdue', () => {
  it('fires at publishAt, and not 1 ms before', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { publishAt: PUBLISH_AT });

    await scan(t, at(PUBLISH_AT, -1));
    expect(await alertKeys(t.db, d.id)).toEqual([`publish_due_soon@${PUBLISH_AT}`]);
    await scan(t, PUBLISH_AT);
    expect(await alertKeys(t.db, d.id)).toEqual([
      `publish_due_soon@${PUBLISH_AT}`,
      `publish_overdue@${PUBLISH_AT}`,
    ]);
  });

  it('fires for every status except published and cancelled', async () => {
    t = await createWorkspace();
    const byStatus = await deliverablesInEveryStatus({ publishAt: PUBLISH_AT });
    await scan(t, at(PUBLISH_AT, 2 * HOUR));
    expect(await statusesWithAlert(byStatus, 'publish_overdue')).toEqual(
      [...PUBLISH_PENDING].sort(),
    );
  });

  it('raises draft and publish alerts of one deliverable independently', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: DRAFT_DUE,
      publishAt: PUBLISH_AT,
    });
    await scan(t, at(PUBLISH_AT, HOUR));
    expect(await alertKeys(t.db, d.id)).toEqual([
      `draft_overdue@${DRAFT_DUE}`,
      `publish_overdue@${PUBLISH_AT}`,
    ]);
  });
});

describe('lead times set with PATCH /api/settings', () => {
  it('moves the draft_due_soon moment to the new lead', async () => {
    t = await createWorkspace();
    const settings = await setLeadTimes({ draftDueSoonHours: 72 });
    expect(settings.leadTimes).toMatchObject({ draftDueSoonHours: 72, publishDueSoonHours: 24 });
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });

    await scan(t, at(DRAFT_DUE, -72 * HOUR - 1));
    expect(await alertKeys(t.db, d.id)).toEqual([]);
    await scan(t, at(DRAFT_DUE, -72 * HOUR));
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_due_soon@${DRAFT_DUE}`]);
  });

  it('moves the publish_due_soon moment to the new lead', async () => {
    t = await createWorkspace();
    await setLeadTimes({ publishDueSoonHours: 2 });
    const d = await createDeliverable(t.owner, t.deal.id, { publishAt: PUBLISH_AT });

    // Under the default 24 h lead this would already be "due soon".
    await scan(t, at(PUBLISH_AT, -2 * HOUR - 1));
    expect(await alertKeys(t.db, d.id)).toEqual([]);
    await scan(t, at(PUBLISH_AT, -2 * HOUR));
    expect(await alertKeys(t.db, d.id)).toEqual([`publish_due_soon@${PUBLISH_AT}`]);
  });

  it('turns due-soon off with a lead of 0, and keeps the overdue alerts', async () => {
    t = await createWorkspace();
    await setLeadTimes({ draftDueSoonHours: 0, publishDueSoonHours: 0 });
    const d = await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: DRAFT_DUE,
      publishAt: PUBLISH_AT,
    });

    await scan(t, at(DRAFT_DUE, -1));
    expect(await alertKeys(t.db, d.id)).toEqual([]);
    await scan(t, at(PUBLISH_AT, -1));
    expect(await alertKeys(t.db, d.id)).toEqual([`draft_overdue@${DRAFT_DUE}`]);
    await scan(t, PUBLISH_AT);
    expect(await alertKeys(t.db, d.id)).toEqual([
      `draft_overdue@${DRAFT_DUE}`,
      `publish_overdue@${PUBLISH_AT}`,
    ]);
  });
});

describe('overdue after a long downtime, through edits', () => {
  it('finds deliverables moved into the past on any day of the downtime, or stamped ahead of the clock', async () => {
    t = await createWorkspace();
    const start = t.clock.now();
    await scan(t, start); // the watermark: everything before it was seen
    const longDue = at(start, -10 * DAY);
    const edits: Array<[string, number]> = [
      ['edited on the first day', 0.5 * DAY],
      ['edited on the third day', 2.5 * DAY],
      ['edited ahead of the scan’s clock', 5 * DAY],
    ];
    const ids: string[] = [];
    for (const [title, after] of edits) {
      t.clock.set(at(start, after));
      ids.push((await createDeliverable(t.owner, t.deal.id, { title, draftDueAt: longDue })).id);
    }
    t.clock.set(at(start, -1 * DAY));
    const untouched = await createDeliverable(t.owner, t.deal.id, {
      title: 'edited before',
      draftDueAt: longDue,
    });

    // Back after four days: every edit since the watermark is read, a day of edits at a time.
    await scan(t, at(start, 4 * DAY));
    for (const id of ids) expect(await alertKeys(t.db, id)).toEqual([`draft_overdue@${longDue}`]);
    expect(await alertKeys(t.db, untouched.id)).toEqual([]);
  });
});
