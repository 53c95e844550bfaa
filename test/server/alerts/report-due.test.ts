import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../support/app';
import { alertKeys, createDeliverable, patchDeliverable, scan } from '../../support/alerts';

/**
 * `report_due` reads, each scan, only the deals that may have fallen due since the
 * last one: those whose last go-live passed the lead time in the window, and those
 * changed since. These tests take each way a deal becomes due and check the next
 * scan finds it (the default lead is 7 days; the zone is UTC).
 */
type Workspace = Awaited<ReturnType<typeof createWorkspace>>;
let t: Workspace;
afterEach(async () => t?.close());

/** The workspace (and its settings) was set up well before the first scan's week of lookback. */
const SET_UP = '2026-02-10T12:00:00.000Z';
const FIRST_SCAN = '2026-03-01T12:00:00.000Z';
/** When the tests change something, and the scan after it. */
const EDIT = '2026-03-02T09:00:00.000Z';
const NEXT_SCAN = '2026-03-02T09:01:00.000Z';

/** A post that went live on Feb 1 (its report was due on Feb 8), made on set-up day. */
const LIVE = '2026-02-01T12:00:00.000Z';
const DUE_AFTER_LIVE = '2026-02-08T12:00:00.000Z';

async function published(dealId: string, publishAt: string) {
  return createDeliverable(t.owner, dealId, { title: 'Live post', status: 'published', publishAt });
}

/** A deal whose posts went live long ago, but for one still scheduled (Feb 3): not due. */
async function dealWaitingOnOnePost() {
  t = await createWorkspace({ now: SET_UP });
  await published(t.deal.id, LIVE);
  const open = await createDeliverable(t.owner, t.deal.id, {
    title: 'Late post',
    status: 'scheduled',
    publishAt: '2026-02-03T12:00:00.000Z',
  });
  expect(await scan(t, FIRST_SCAN)).toMatchObject({ raised: 0 });
  t.clock.set(EDIT);
  return open;
}

async function reportDueKeys(dealId: string) {
  return (await alertKeys(t.db, dealId)).filter((key) => key.startsWith('report_due@'));
}

describe('report_due: what makes a deal due is found by the next scan', () => {
  it('raises the lead time after the last go-live, also when the server was down then', async () => {
    t = await createWorkspace({ now: SET_UP });
    t.clock.set('2026-03-05T13:00:00.000Z');
    await published(t.deal.id, '2026-03-05T12:00:00.000Z');
    expect(await scan(t, '2026-03-06T12:00:00.000Z')).toMatchObject({ raised: 0 });
    expect(await scan(t, '2026-03-09T12:00:00.000Z')).toMatchObject({ raised: 0 });
    // Down from the 9th to the 20th: the due moment (the 12th) fell in the gap.
    expect(await scan(t, '2026-03-20T12:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual(['report_due@2026-03-12T12:00:00.000Z']);
  });

  it('raises on time, not before, when no scan was missed', async () => {
    t = await createWorkspace({ now: SET_UP });
    t.clock.set('2026-03-05T13:00:00.000Z');
    await published(t.deal.id, '2026-03-05T12:00:00.000Z');
    expect(await scan(t, '2026-03-12T11:59:00.000Z')).toMatchObject({ raised: 0 });
    expect(await scan(t, '2026-03-12T12:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await scan(t, '2026-03-12T12:01:00.000Z')).toMatchObject({ raised: 0 });
  });

  it('raises when the last post still to come is published', async () => {
    const open = await dealWaitingOnOnePost();
    await patchDeliverable(t.owner, open.id, { status: 'published' });
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual(['report_due@2026-02-10T12:00:00.000Z']);
  });

  it('raises when the last post still to come is cancelled', async () => {
    const open = await dealWaitingOnOnePost();
    await patchDeliverable(t.owner, open.id, { status: 'cancelled' });
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual([`report_due@${DUE_AFTER_LIVE}`]);
  });

  it('raises when the last post still to come is deleted', async () => {
    const open = await dealWaitingOnOnePost();
    expect((await t.owner.delete(`/api/deliverables/${open.id}`)).status).toBe(204);
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual([`report_due@${DUE_AFTER_LIVE}`]);
  });

  it('raises when the last post still to come is deleted in a bulk action', async () => {
    const open = await dealWaitingOnOnePost();
    const res = await t.owner.post('/api/deliverables/bulk', {
      ids: [{ id: open.id, version: open.version }],
      action: { type: 'delete' },
    });
    expect(res.status).toBe(200);
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual([`report_due@${DUE_AFTER_LIVE}`]);
  });

  it('raises when the last post still to come is moved to another deal', async () => {
    const open = await dealWaitingOnOnePost();
    const other = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Sequel',
      feeCents: 50_000,
    });
    expect(other.status).toBe(201);
    await patchDeliverable(t.owner, open.id, { dealId: other.body.id });
    // (The moved post is raised too: still scheduled, its go-live passed, and edited since.)
    await scan(t, NEXT_SCAN);
    expect(await reportDueKeys(t.deal.id)).toEqual([`report_due@${DUE_AFTER_LIVE}`]);
    expect(await reportDueKeys(other.body.id)).toEqual([]);
  });

  it('raises when a cancelled deal is taken up again', async () => {
    t = await createWorkspace({ now: SET_UP });
    await published(t.deal.id, LIVE);
    const cancelled = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: t.deal.version,
      status: 'cancelled',
    });
    expect(cancelled.status).toBe(200);
    expect(await scan(t, FIRST_SCAN)).toMatchObject({ raised: 0 });
    t.clock.set(EDIT);
    const resumed = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: cancelled.body.version,
      status: 'completed',
    });
    expect(resumed.status).toBe(200);
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual([`report_due@${DUE_AFTER_LIVE}`]);
  });

  it('raises when a go-live is moved back past the lead time', async () => {
    t = await createWorkspace({ now: SET_UP });
    t.clock.set('2026-02-26T12:00:00.000Z');
    const post = await published(t.deal.id, '2026-02-25T12:00:00.000Z');
    expect(await scan(t, FIRST_SCAN)).toMatchObject({ raised: 0 });
    t.clock.set(EDIT);
    await patchDeliverable(t.owner, post.id, { publishAt: '2026-02-20T12:00:00.000Z' });
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual(['report_due@2026-02-27T12:00:00.000Z']);
  });

  it('raises when a shorter lead time makes a deal due', async () => {
    t = await createWorkspace({ now: SET_UP });
    t.clock.set('2026-02-26T12:00:00.000Z');
    await published(t.deal.id, '2026-02-25T12:00:00.000Z');
    expect(await scan(t, FIRST_SCAN)).toMatchObject({ raised: 0 });
    t.clock.set(EDIT);
    const settings = (await t.owner.get('/api/settings')).body;
    const res = await t.owner.patch('/api/settings', {
      version: settings.version,
      leadTimes: { reportDueDays: 3 },
    });
    expect(res.status).toBe(200);
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await reportDueKeys(t.deal.id)).toEqual(['report_due@2026-02-28T12:00:00.000Z']);
  });

  it('stays quiet once a report link was shared, even after it is revoked', async () => {
    const open = await dealWaitingOnOnePost();
    const link = await t.owner.post(`/api/deals/${t.deal.id}/report-links`, {});
    expect(link.status).toBe(201);
    const revoked = await t.owner.post(
      `/api/deals/${t.deal.id}/report-links/${link.body.id}/revoke`,
    );
    expect(revoked.status).toBe(200);
    await patchDeliverable(t.owner, open.id, { status: 'cancelled' });
    expect(await scan(t, NEXT_SCAN)).toMatchObject({ raised: 0 });
    expect(await reportDueKeys(t.deal.id)).toEqual([]);
  });
});
