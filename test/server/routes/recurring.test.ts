import { describe, expect, it } from 'vitest';
import { signInAs, unchecked } from '../../support/app';
import { expectApiError, rowCounts, trackApps } from '../helpers';

const apps = trackApps();

const goLives = (items: Array<{ publishAt: string | null }>) => items.map((d) => d.publishAt);

describe('POST /api/deliverables/series', () => {
  it('creates every occurrence as a deliverable of its own, the draft keeping its distance', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables/series', {
      dealId: t.deal.id,
      title: 'Weekly TikTok',
      platform: 'tiktok',
      caption: 'Every Thursday',
      publishAt: '2026-03-05T17:00:00Z',
      draftDueAt: '2026-03-03T09:00:00Z',
      repeat: { every: 1, unit: 'week', count: 3 },
    });
    expect(res.status, res.text).toBe(201);
    const items = res.body.items;
    expect(items.map((d) => [d.title, d.publishAt, d.draftDueAt])).toEqual([
      ['Weekly TikTok', '2026-03-05T17:00:00.000Z', '2026-03-03T09:00:00.000Z'],
      ['Weekly TikTok', '2026-03-12T17:00:00.000Z', '2026-03-10T09:00:00.000Z'],
      ['Weekly TikTok', '2026-03-19T17:00:00.000Z', '2026-03-17T09:00:00.000Z'],
    ]);
    expect(new Set(items.map((d) => d.id)).size).toBe(3);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'deliverable')
      .execute();
    expect(audit.map((a) => a.entityId).sort()).toEqual(items.map((d) => d.id).sort());

    // Each occurrence moves on its own.
    const moved = await t.owner.patch(`/api/deliverables/${items[1]!.id}`, {
      publishAt: '2026-03-13T17:00:00Z',
      version: 1,
    });
    expect(moved.status, moved.text).toBe(200);
    const all = (await t.owner.get('/api/deliverables')).body.items;
    expect(goLives(all)).toEqual([
      '2026-03-05T17:00:00.000Z',
      '2026-03-13T17:00:00.000Z',
      '2026-03-19T17:00:00.000Z',
    ]);
  });

  it('steps in wall-clock time of the zone, until a day inclusive', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables/series', {
      dealId: t.deal.id,
      title: 'Story',
      platform: 'instagram',
      // 18:00 in Berlin before the clocks change on 29 March.
      publishAt: '2026-03-26T17:00:00Z',
      timeZone: 'Europe/Berlin',
      repeat: { every: 2, unit: 'day', until: '2026-04-01' },
    });
    expect(res.status, res.text).toBe(201);
    expect(goLives(res.body.items)).toEqual([
      '2026-03-26T17:00:00.000Z',
      '2026-03-28T17:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
      '2026-04-01T16:00:00.000Z',
    ]);
  });

  it('answers 400 naming the repeat rule and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await rowCounts(t);
    const base = { dealId: t.deal.id, title: 'Reel', platform: 'instagram' };
    const cases: Array<[object, string[]]> = [
      [{ ...base, repeat: { every: 1, unit: 'week', count: 3 } }, ['publishAt']],
      [{ ...base, publishAt: '2026-03-05T17:00:00Z' }, ['repeat']],
      [
        {
          ...base,
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 0, unit: 'month', count: 1 },
        },
        ['repeat.every', 'repeat.unit', 'repeat.count'],
      ],
      [
        {
          ...base,
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 1, unit: 'day', count: 53 },
        },
        ['repeat.count'],
      ],
      [
        { ...base, publishAt: '2026-03-05T17:00:00Z', repeat: { every: 1, unit: 'day' } },
        ['repeat.count'],
      ],
      [
        {
          ...base,
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 1, unit: 'day', count: 3, until: '2026-03-09' },
        },
        ['repeat.count'],
      ],
      [
        {
          ...base,
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 1, unit: 'day', until: '2026-03-04' },
        },
        ['repeat.until'],
      ],
      [
        {
          ...base,
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 1, unit: 'week', until: '2027-03-05' },
        },
        ['repeat.until'],
      ],
      // A series that would run past the last moment a go-live can have (the fuzz test's find).
      [
        {
          ...base,
          publishAt: '9999-12-31T23:59:59.999Z',
          repeat: { every: 1, unit: 'week', count: 2 },
        },
        ['repeat'],
      ],
      [
        {
          ...base,
          dealId: 'nope',
          publishAt: '2026-03-05T17:00:00Z',
          repeat: { every: 1, unit: 'week', count: 2 },
        },
        ['dealId'],
      ],
    ];
    for (const [body, paths] of cases) {
      expectApiError(await t.owner.post('/api/deliverables/series', unchecked(body)), 400, {
        paths,
      });
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('takes 52 occurrences at most, and is for editors', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables/series', {
      dealId: t.deal.id,
      title: 'Weekly',
      platform: 'youtube',
      publishAt: '2026-03-05T17:00:00Z',
      repeat: { every: 1, unit: 'week', until: '2027-02-25' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.items).toHaveLength(52);
    const viewer = (await signInAs(t, 'viewer')).client;
    expectApiError(
      await viewer.post('/api/deliverables/series', {
        dealId: t.deal.id,
        title: 'Weekly',
        platform: 'youtube',
        publishAt: '2026-03-05T17:00:00Z',
        repeat: { every: 1, unit: 'week', count: 2 },
      }),
      403,
    );
  });
});
