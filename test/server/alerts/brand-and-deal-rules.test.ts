import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../support/app';
import type { BrandStage } from '../../../shared/schemas/brand';
import type { DealStatus } from '../../../shared/schemas/deal';
import { alertKeys, alertRows, at, DAY, MINUTE, scan } from '../../support/alerts';

let t: Workspace;
afterEach(async () => t?.close());

/** Berlin is UTC+1 in March: its days begin at 23:00 UTC the day before. */
const ZONE = 'Europe/Berlin';

async function useZone(timeZone: string) {
  const settings = (await t.owner.get('/api/settings')).body;
  const res = await t.owner.patch('/api/settings', { version: settings.version, timeZone });
  expect(res.status).toBe(200);
}

async function brandWithFollowUp(nextFollowUpOn: string, stage: BrandStage = 'pitched') {
  const res = await t.owner.post('/api/brands', { name: 'Globex', stage, nextFollowUpOn });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

describe('follow_up_due', () => {
  it('fires when the follow-up day begins in the workspace zone, once', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    await useZone(ZONE);
    const brand = await brandWithFollowUp('2026-03-10');
    const dayStarts = '2026-03-09T23:00:00.000Z';

    expect(await scan(t, at(dayStarts, -MINUTE))).toMatchObject({ raised: 0 });
    expect(await scan(t, dayStarts)).toMatchObject({ raised: 1 });
    expect(await scan(t, at(dayStarts, 5 * MINUTE))).toMatchObject({ raised: 0 });
    expect(await alertKeys(t.db, brand.id)).toEqual([`follow_up_due@${dayStarts}`]);

    const inbox = await t.owner.get(`/api/alerts?rule=follow_up_due`);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({
      subjectType: 'brand',
      subjectId: brand.id,
      severity: 'info',
    });
    expect(inbox.body.items[0]!.message).toMatch(/^Follow up with Globex/);
  });

  it('raises a follow-up that came due while the server was down, and one set to a past day by an edit', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    const missed = await brandWithFollowUp('2026-03-03');
    expect(await scan(t, '2026-03-02T12:00:00.000Z')).toMatchObject({ raised: 0 });
    // Down for three days.
    expect(await scan(t, '2026-03-05T12:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, missed.id)).toEqual(['follow_up_due@2026-03-03T00:00:00.000Z']);

    t.clock.set('2026-03-05T12:05:00.000Z');
    const late = await brandWithFollowUp('2026-02-20');
    expect(await scan(t, '2026-03-05T12:10:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, late.id)).toEqual(['follow_up_due@2026-02-20T00:00:00.000Z']);
  });

  it('does not chase inactive brands, and resolves when the day moves or the brand goes inactive', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    await brandWithFollowUp('2026-03-02', 'inactive');
    const moved = await brandWithFollowUp('2026-03-02');
    const dropped = await brandWithFollowUp('2026-03-02');
    expect(await scan(t, '2026-03-02T08:00:00.000Z')).toMatchObject({ raised: 2 });

    t.clock.set('2026-03-02T09:00:00.000Z');
    await t.owner.patch(`/api/brands/${moved.id}`, {
      version: moved.version,
      nextFollowUpOn: '2026-03-09',
    });
    await t.owner.patch(`/api/brands/${dropped.id}`, {
      version: dropped.version,
      stage: 'inactive',
    });
    expect(await scan(t, '2026-03-02T09:05:00.000Z')).toEqual({ raised: 0, resolved: 2 });
    expect((await alertRows(t.db)).every((a) => a.resolvedAt !== null)).toBe(true);

    expect(await scan(t, '2026-03-09T00:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, moved.id)).toEqual([
      'follow_up_due@2026-03-02T00:00:00.000Z',
      'follow_up_due@2026-03-09T00:00:00.000Z',
    ]);
  });
});

describe('usage_rights_ending', () => {
  async function dealWithRights(usageRightsUntil: string, status: DealStatus = 'completed') {
    const res = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Spring campaign',
      status,
      usageRightsUntil,
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; version: number };
  }

  it('fires the lead (14 days by default) before the rights end, naming the end, once', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    const deal = await dealWithRights('2026-03-31');
    // The rights end at the start of April 1st; 14 days ahead is the start of March 18th.
    expect(await scan(t, at('2026-03-18T00:00:00.000Z', -MINUTE))).toMatchObject({ raised: 0 });
    expect(await scan(t, '2026-03-18T00:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await scan(t, '2026-03-25T00:00:00.000Z')).toMatchObject({ raised: 0 });
    expect(await alertKeys(t.db, deal.id)).toEqual([
      'usage_rights_ending@2026-04-01T00:00:00.000Z',
    ]);

    const [alert] = (await t.owner.get('/api/alerts?rule=usage_rights_ending')).body.items;
    expect(alert).toMatchObject({ subjectType: 'deal', subjectId: deal.id, severity: 'warning' });
    expect(alert!.message).toMatch(/Usage rights for “Spring campaign” \(Acme\) end/);
    expect(alert!.subject!.href).toBe(`/deals/${deal.id}`);
  });

  it('follows the lead time in the settings, and 0 turns it off', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    const deal = await dealWithRights('2026-03-31');
    let settings = (await t.owner.get('/api/settings')).body;
    settings = (
      await t.owner.patch('/api/settings', {
        version: settings.version,
        leadTimes: { usageRightsEndingDays: 0 },
      })
    ).body;
    expect(settings.leadTimes.usageRightsEndingDays).toBe(0);
    expect(await scan(t, '2026-03-30T00:00:00.000Z')).toMatchObject({ raised: 0 });

    await t.owner.patch('/api/settings', {
      version: settings.version,
      leadTimes: { usageRightsEndingDays: 2 },
    });
    expect(await scan(t, '2026-03-30T12:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, deal.id)).toEqual([
      'usage_rights_ending@2026-04-01T00:00:00.000Z',
    ]);
  });

  it('ignores cancelled and unsigned deals and rights that already ended', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    await dealWithRights('2026-03-20', 'cancelled');
    await dealWithRights('2026-03-20', 'negotiating');
    await dealWithRights('2026-02-27');
    expect(await scan(t, '2026-03-10T00:00:00.000Z')).toMatchObject({ raised: 0 });
  });

  it('resolves when the end day changes (and warns again for the new one) or the rights end', async () => {
    t = await createWorkspace({ now: '2026-03-01T12:00:00.000Z' });
    const deal = await dealWithRights('2026-03-10');
    const ending = await dealWithRights('2026-03-12');
    expect(await scan(t, '2026-03-05T00:00:00.000Z')).toMatchObject({ raised: 2 });

    t.clock.set('2026-03-05T01:00:00.000Z');
    await t.owner.patch(`/api/deals/${deal.id}`, {
      version: deal.version,
      usageRightsUntil: '2026-03-15',
    });
    expect(await scan(t, '2026-03-05T01:05:00.000Z')).toEqual({ raised: 1, resolved: 1 });
    expect(await alertKeys(t.db, deal.id)).toEqual([
      'usage_rights_ending@2026-03-11T00:00:00.000Z',
      'usage_rights_ending@2026-03-16T00:00:00.000Z',
    ]);

    // Past the end of the second deal's rights, its alert no longer asks for anything.
    await scan(t, at('2026-03-13T00:00:00.000Z', DAY / 2));
    const rows = await alertRows(t.db);
    const endedAlert = rows.find((a) => a.subjectId === ending.id)!;
    expect(endedAlert.resolvedAt).not.toBeNull();
  });
});
