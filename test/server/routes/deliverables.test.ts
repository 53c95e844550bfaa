import { describe, expect, it } from 'vitest';
import {
  calendarDeliverableParts,
  listDeliverables,
} from '../../../server/db/queries/deliverables';
import { addUser, unchecked } from '../../support/app';
import {
  addDeliverable,
  dataSnapshot,
  expectApiError,
  expectRefused,
  rowCounts,
  trackApps,
} from '../helpers';

const apps = trackApps();

const CREATED_AT = '2026-03-01T12:00:00.000Z';

type Item = { id: string; title: string };
const titles = (res: { body: { items: Item[] } }) => res.body.items.map((i) => i.title).sort();
const q = (value: string) => encodeURIComponent(value);

describe('POST /api/deliverables', () => {
  it('creates a deliverable and answers it with every field', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Unboxing reel',
      platform: 'instagram',
      format: 'reel',
      status: 'drafting',
      draftDueAt: '2026-03-03T17:00:00Z',
      publishAt: '2026-03-05T09:30:00Z',
      assigneeId: t.user.id,
      caption: 'New serum! #ad',
      brief: 'Show the texture',
      disclosureDone: true,
      liveUrl: 'https://instagram.example/p/1',
      metrics: { views: 1200, likes: 80 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      dealId: t.deal.id,
      brandId: t.brand.id,
      title: 'Unboxing reel',
      platform: 'instagram',
      format: 'reel',
      status: 'drafting',
      draftDueAt: '2026-03-03T17:00:00.000Z',
      publishAt: '2026-03-05T09:30:00.000Z',
      assigneeId: t.user.id,
      caption: 'New serum! #ad',
      brief: 'Show the texture',
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: false, adInCaption: false, brandedContentToggle: false },
      draftLinks: [],
      liveUrl: 'https://instagram.example/p/1',
      metrics: { views: 1200, likes: 80, comments: null, shares: null, saves: null, clicks: null },
      engagementRate: 0.0667,
      version: 1,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      warnings: [],
    });
    const { warnings: _warnings, ...stored } = res.body;
    const got = await t.owner.get(`/api/deliverables/${res.body.id}`);
    expect(got.body).toMatchObject(stored);
    expect((await t.owner.get(`/api/deals/${t.deal.id}`)).body.deliverableCount).toBe(1);
  });

  it('fills defaults for a deliverable given only deal, title and platform', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Short',
      platform: 'youtube',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      format: 'post',
      status: 'planned',
      draftDueAt: null,
      publishAt: null,
      assigneeId: null,
      caption: '',
      brief: '',
      disclosureDone: false,
      liveUrl: null,
      metrics: {
        views: null,
        likes: null,
        comments: null,
        shares: null,
        saves: null,
        clicks: null,
      },
      version: 1,
    });
  });

  it('normalises instants with an offset to UTC', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Offset',
      platform: 'tiktok',
      publishAt: '2026-03-01T18:00:00+01:00',
      draftDueAt: '2026-02-27T09:15:30.5-08:00',
    });
    expect(res.status).toBe(201);
    expect(res.body.publishAt).toBe('2026-03-01T17:00:00.000Z');
    expect(res.body.draftDueAt).toBe('2026-02-27T17:15:30.500Z');
  });

  it('warns, without refusing, when the draft is due after the go-live', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Late draft',
      platform: 'tiktok',
      draftDueAt: '2026-03-06T10:00:00Z',
      publishAt: '2026-03-05T10:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      { code: 'draft_after_publish', message: expect.any(String) },
    ]);
  });

  it('returns 400 naming each bad field and writes nothing', async () => {
    const t = await apps.workspace();
    const refusal = {
      status: 400,
      code: 'validation_failed',
      paths: [
        'title',
        'platform',
        'format',
        'status',
        'draftDueAt',
        'publishAt',
        'assigneeId',
        'caption',
        'disclosureDone',
        'liveUrl',
        'metrics.views',
        'metrics.likes',
        'metrics.shares',
      ],
    };
    await expectRefused(t, refusal, () =>
      t.owner.post(
        '/api/deliverables',
        unchecked({
          dealId: t.deal.id,
          title: '',
          platform: 'myspace',
          format: 'gif',
          status: 'done',
          draftDueAt: 'tomorrow',
          publishAt: '2026-02-30T10:00:00Z',
          assigneeId: 42,
          caption: null,
          disclosureDone: 'yes',
          liveUrl: 'javascript:alert(1)',
          metrics: { views: -1, likes: 1.5, shares: '3' },
        }),
      ),
    );
  });

  it('returns 400 naming each missing required field', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/deliverables', unchecked({ caption: 'x' })), 400, {
      paths: ['dealId', 'title', 'platform'],
    });
    expect((await rowCounts(t)).deliverables).toBe(0);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-03-01T25:00:00Z',
    '2026-03-01T17:60:00Z',
    '2026-03-01',
    '2026-03-01T17:00:00',
    '2026-03-01 17:00:00Z',
    'next tuesday',
    '',
  ])('returns 400 for the impossible or malformed instant %j', async (publishAt) => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'X',
      platform: 'x',
      publishAt,
    });
    expectApiError(res, 400, { paths: ['publishAt'] });
    expect((await rowCounts(t)).deliverables).toBe(0);
  });

  it('does not let an instant past the year 9999 slip into an earlier range', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Far future',
      platform: 'x',
      publishAt: '9999-12-31T23:30:00-01:00',
    });
    if (res.status === 201) {
      const week = await t.owner.get(
        `/api/deliverables?from=${q('2026-03-01T00:00:00Z')}&to=${q('2026-03-08T00:00:00Z')}`,
      );
      const early = await t.owner.get(`/api/deliverables?to=${q('2026-03-08T00:00:00Z')}`);
      expect({ week: week.body.items, early: early.body.items }).toEqual({ week: [], early: [] });
      expect(res.body.publishAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    } else {
      expectApiError(res, 400, { paths: ['publishAt'] });
    }
  });

  it('returns 400 for an instant given as a number', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post(
      '/api/deliverables',
      unchecked({
        dealId: t.deal.id,
        title: 'X',
        platform: 'x',
        publishAt: 1772384400000,
      }),
    );
    expectApiError(res, 400, { paths: ['publishAt'] });
  });

  it('returns 400 naming dealId when the deal does not exist, and writes nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 400, paths: ['dealId'] }, () =>
      t.owner.post('/api/deliverables', {
        dealId: 'no-such-deal',
        title: 'X',
        platform: 'x',
      }),
    );
  });

  it('returns 400 naming assigneeId when the team member does not exist, and writes nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 400, paths: ['assigneeId'] }, () =>
      t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'X',
        platform: 'x',
        assigneeId: 'no-such-user',
      }),
    );
  });
});

describe('GET /api/deliverables/:id', () => {
  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/deliverables/no-such-deliverable'), 404, {
      code: 'not_found',
    });
  });
});

describe('PATCH /api/deliverables/:id', () => {
  async function withDeliverable() {
    const t = await apps.workspace();
    const d = await addDeliverable(t, {
      title: 'Reel',
      platform: 'instagram',
      draftDueAt: '2026-03-03T17:00:00Z',
      publishAt: '2026-03-05T09:00:00Z',
      metrics: { views: 100, likes: 5 },
    });
    return { ...t, d };
  }

  it('moves the dates (a calendar drag), normalising offsets, and bumps the version', async () => {
    const t = await withDeliverable();
    t.clock.advance(90_000);
    const res = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 1,
      publishAt: '2026-03-10T09:00:00-05:00',
      draftDueAt: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.d.id,
      title: 'Reel',
      publishAt: '2026-03-10T14:00:00.000Z',
      draftDueAt: null,
      version: 2,
      createdAt: CREATED_AT,
      updatedAt: '2026-03-01T12:01:30.000Z',
      warnings: [],
    });
    const { warnings: _warnings, ...stored } = res.body;
    expect((await t.owner.get(`/api/deliverables/${t.d.id}`)).body).toMatchObject(stored);
  });

  it('updates only the metrics it is given', async () => {
    const t = await withDeliverable();
    const res = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 1,
      status: 'published',
      liveUrl: 'https://instagram.example/p/2',
      metrics: { likes: 7, clicks: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.metrics).toEqual({
      views: 100,
      likes: 7,
      comments: null,
      shares: null,
      saves: null,
      clicks: 3,
    });
  });

  it('assigns and unassigns a team member', async () => {
    const t = await withDeliverable();
    const editor = await addUser(t, { role: 'editor' });
    const assigned = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 1,
      assigneeId: editor.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(editor.id);
    const cleared = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 2,
      assigneeId: null,
    });
    expect(cleared.body.assigneeId).toBeNull();
  });

  it('takes the brand of the deal it is moved to', async () => {
    const t = await withDeliverable();
    const globex = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
    const other = (await t.owner.post('/api/deals', { brandId: globex.id, title: 'Other' })).body;
    const res = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 1,
      dealId: other.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dealId: other.id, brandId: globex.id });
  });

  it('warns when the new draft date is after the go-live', async () => {
    const t = await withDeliverable();
    const res = await t.owner.patch(`/api/deliverables/${t.d.id}`, {
      version: 1,
      draftDueAt: '2026-03-06T00:00:00Z',
    });
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['draft_after_publish']);
  });

  it('returns 409 when the version is stale and writes nothing', async () => {
    const t = await withDeliverable();
    expect(
      (await t.owner.patch(`/api/deliverables/${t.d.id}`, { version: 1, status: 'drafting' }))
        .status,
    ).toBe(200);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch(`/api/deliverables/${t.d.id}`, {
        version: 1,
        publishAt: '2026-04-01T10:00:00Z',
        metrics: { views: 1 },
      }),
    );
  });

  it('lets only one of two PATCHes of the same version win', async () => {
    const t = await withDeliverable();
    const [a, b] = await Promise.all([
      t.owner.patch(`/api/deliverables/${t.d.id}`, {
        version: 1,
        publishAt: '2026-03-06T09:00:00Z',
      }),
      t.owner.patch(`/api/deliverables/${t.d.id}`, {
        version: 1,
        publishAt: '2026-03-07T09:00:00Z',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const stored = (await t.owner.get(`/api/deliverables/${t.d.id}`)).body;
    expect(stored).toMatchObject({ version: 2, publishAt: winner.body.publishAt });
  });

  it('returns 404 for an unknown id', async () => {
    const t = await withDeliverable();
    expectApiError(
      await t.owner.patch('/api/deliverables/no-such-deliverable', { version: 1, title: 'X' }),
      404,
      {
        code: 'not_found',
      },
    );
  });

  it('returns 400 naming dealId or assigneeId that do not exist, and writes nothing', async () => {
    const t = await withDeliverable();
    const before = await dataSnapshot(t);
    expectApiError(
      await t.owner.patch(`/api/deliverables/${t.d.id}`, { version: 1, dealId: 'nope' }),
      400,
      {
        paths: ['dealId'],
      },
    );
    expectApiError(
      await t.owner.patch(`/api/deliverables/${t.d.id}`, { version: 1, assigneeId: 'nope' }),
      400,
      {
        paths: ['assigneeId'],
      },
    );
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('returns 400 naming a missing version and each bad field, and writes nothing', async () => {
    const t = await withDeliverable();
    await expectRefused(
      t,
      { status: 400, paths: ['version', 'platform', 'publishAt', 'disclosureDone'] },
      () =>
        t.owner.patch(
          `/api/deliverables/${t.d.id}`,
          unchecked({
            platform: 'vine',
            publishAt: '2026-02-30T10:00:00Z',
            disclosureDone: 1,
          }),
        ),
    );
  });
});

describe('DELETE /api/deliverables/:id', () => {
  it('deletes the deliverable', async () => {
    const t = await apps.workspace();
    const d = await addDeliverable(t, { title: 'X', platform: 'x' });
    const res = await t.owner.delete(`/api/deliverables/${d.id}`);
    expect(res.status).toBe(204);
    expectApiError(await t.owner.get(`/api/deliverables/${d.id}`), 404);
    expect((await t.owner.get(`/api/deals/${t.deal.id}`)).body.deliverableCount).toBe(0);
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/deliverables/no-such-deliverable'), 404, {
      code: 'not_found',
    });
  });
});

describe('GET /api/deliverables', () => {
  it('lists by go-live, undated ones last, in the same order on every engine', async () => {
    const t = await apps.workspace();
    for (const [title, publishAt] of [
      ['Undated A', null],
      ['Later', '2026-04-02T10:00:00.000Z'],
      ['Undated B', null],
      ['Sooner', '2026-03-02T10:00:00.000Z'],
    ] as const) {
      const res = await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title,
        platform: 'tiktok',
        publishAt,
      });
      expect(res.status).toBe(201);
    }
    const titles = (await t.owner.get('/api/deliverables')).body.items.map(
      (d: { title: string }) => d.title,
    );
    expect(titles.slice(0, 2)).toEqual(['Sooner', 'Later']);
    expect(titles.slice(2).sort()).toEqual(['Undated A', 'Undated B']);
  });

  /** A week's window [2026-03-01T00:00Z, 2026-03-08T00:00Z) and deliverables around its edges. */
  async function calendar() {
    const t = await apps.workspace();
    const make = async (
      title: string,
      dates: { publishAt?: string | null; draftDueAt?: string | null },
    ) => {
      const res = await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title,
        platform: 'tiktok',
        ...dates,
      });
      expect(res.status).toBe(201);
      return res.body as Item;
    };
    await make('publish at from', { publishAt: '2026-03-01T00:00:00Z' });
    await make('publish at to', { publishAt: '2026-03-08T00:00:00Z' });
    await make('publish in last ms', { publishAt: '2026-03-07T23:59:59.999Z' });
    await make('publish a ms before from', { publishAt: '2026-02-28T23:59:59.999Z' });
    await make('draft inside, publish after', {
      draftDueAt: '2026-03-05T17:00:00Z',
      publishAt: '2026-04-10T10:00:00Z',
    });
    await make('draft at from, no publish', { draftDueAt: '2026-03-01T00:00:00Z' });
    await make('draft at to, no publish', { draftDueAt: '2026-03-08T00:00:00Z' });
    await make('straddles the week', {
      draftDueAt: '2026-02-20T10:00:00Z',
      publishAt: '2026-03-20T10:00:00Z',
    });
    await make('undated', {});
    return Object.assign(t, { make });
  }

  const FROM = '2026-03-01T00:00:00Z';
  const TO = '2026-03-08T00:00:00Z';

  it('lists every deliverable as {items} without filters', async () => {
    const t = await calendar();
    const res = await t.owner.get('/api/deliverables');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    expect(res.body.items).toHaveLength(9);
  });

  it('includes from, excludes to, and matches by publishAt or draftDueAt', async () => {
    const t = await calendar();
    const res = await t.owner.get(`/api/deliverables?from=${q(FROM)}&to=${q(TO)}`);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(
      [
        'draft at from, no publish',
        'draft inside, publish after',
        'publish at from',
        'publish in last ms',
      ].sort(),
    );
  });

  it('makes adjacent ranges not overlap', async () => {
    const t = await calendar();
    const week = titles(await t.owner.get(`/api/deliverables?from=${q(FROM)}&to=${q(TO)}`));
    const next = titles(
      await t.owner.get(`/api/deliverables?from=${q(TO)}&to=${q('2026-03-15T00:00:00Z')}`),
    );
    expect(next).toEqual(['draft at to, no publish', 'publish at to']);
    expect(week.filter((title) => next.includes(title))).toEqual([]);
  });

  it('takes an open-ended range with only from or only to', async () => {
    const t = await calendar();
    const onlyFrom = titles(await t.owner.get(`/api/deliverables?from=${q(TO)}`));
    expect(onlyFrom).toEqual(
      [
        'draft at to, no publish',
        'draft inside, publish after',
        'publish at to',
        'straddles the week',
      ].sort(),
    );
    const onlyTo = titles(await t.owner.get(`/api/deliverables?to=${q(FROM)}`));
    expect(onlyTo).toEqual(['publish a ms before from', 'straddles the week']);
  });

  it('normalises offsets in from and to (18:00+01:00 is 17:00Z)', async () => {
    const t = await apps.workspace();
    for (const [title, publishAt] of [
      ['16:59:59.999Z', '2026-03-01T16:59:59.999Z'],
      ['17:00Z', '2026-03-01T17:00:00Z'],
      ['17:59Z', '2026-03-01T17:59:00Z'],
      ['18:00Z', '2026-03-01T18:00:00Z'],
    ]) {
      await t.owner.post(
        '/api/deliverables',
        unchecked({
          dealId: t.deal.id,
          title,
          platform: 'x',
          publishAt,
        }),
      );
    }
    const res = await t.owner.get(
      `/api/deliverables?from=${q('2026-03-01T18:00:00+01:00')}&to=${q('2026-03-01T19:00:00+01:00')}`,
    );
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['17:00Z', '17:59Z']);
    const west = await t.owner.get(
      `/api/deliverables?from=${q('2026-03-01T11:59:00-05:00')}&to=${q('2026-03-01T12:00:00-05:00')}`,
    );
    expect(titles(west)).toEqual(['16:59:59.999Z']);
  });

  it('returns 400 naming from and to when they are not instants', async () => {
    const t = await calendar();
    expectApiError(await t.owner.get(`/api/deliverables?from=${q('2026-02-30T00:00:00Z')}`), 400, {
      paths: ['from'],
    });
    expectApiError(await t.owner.get(`/api/deliverables?from=${q(FROM)}&to=soon`), 400, {
      paths: ['to'],
    });
    expectApiError(await t.owner.get('/api/deliverables?from=2026-03-01&to=2026-03-08'), 400, {
      paths: ['from', 'to'],
    });
  });

  it('answers no deliverables, or a 400, for a range that ends before it starts', async () => {
    const t = await calendar();
    const res = await t.owner.get(`/api/deliverables?from=${q(TO)}&to=${q(FROM)}`);
    if (res.status === 200) expect(res.body.items).toEqual([]);
    else expectApiError(res, 400);
  });

  describe('filters', () => {
    async function mixed() {
      const t = await apps.workspace();
      const editor = await addUser(t, { role: 'editor' });
      const globex = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
      const other = (await t.owner.post('/api/deals', { brandId: globex.id, title: 'Other' })).body;
      const make = (title: string, fields: Record<string, unknown>) =>
        t.owner.post(
          '/api/deliverables',
          unchecked({ title, publishAt: '2026-03-03T10:00:00Z', ...fields }),
        );
      await make('acme tiktok planned', {
        dealId: t.deal.id,
        platform: 'tiktok',
        assigneeId: t.user.id,
      });
      await make('acme youtube drafting', {
        dealId: t.deal.id,
        platform: 'youtube',
        status: 'drafting',
        assigneeId: editor.id,
      });
      await make('globex tiktok published', {
        dealId: other.id,
        platform: 'tiktok',
        status: 'published',
        liveUrl: 'https://tiktok.example/v/1',
      });
      await make('globex blog drafting', {
        dealId: other.id,
        platform: 'blog',
        status: 'drafting',
        publishAt: '2026-05-01T10:00:00Z',
        assigneeId: editor.id,
      });
      return { ...t, editor, globex, other };
    }

    it('filters by dealId, single, comma-separated and repeated', async () => {
      const t = await mixed();
      expect(titles(await t.owner.get(`/api/deliverables?dealId=${t.other.id}`))).toEqual([
        'globex blog drafting',
        'globex tiktok published',
      ]);
      expect(
        await t.owner
          .get(`/api/deliverables?dealId=${t.deal.id},${t.other.id}`)
          .then((r) => r.body.items.length),
      ).toBe(4);
      expect(
        await t.owner
          .get(`/api/deliverables?dealId=${t.deal.id}&dealId=${t.other.id}`)
          .then((r) => r.body.items.length),
      ).toBe(4);
      expect((await t.owner.get('/api/deliverables?dealId=no-such-deal')).body.items).toEqual([]);
    });

    it('filters by brandId', async () => {
      const t = await mixed();
      expect(titles(await t.owner.get(`/api/deliverables?brandId=${t.brand.id}`))).toEqual([
        'acme tiktok planned',
        'acme youtube drafting',
      ]);
      expect(
        (await t.owner.get(`/api/deliverables?brandId=${t.brand.id},${t.globex.id}`)).body.items,
      ).toHaveLength(4);
    });

    it('filters by platform, single, comma-separated and repeated', async () => {
      const t = await mixed();
      expect(titles(await t.owner.get('/api/deliverables?platform=tiktok'))).toEqual([
        'acme tiktok planned',
        'globex tiktok published',
      ]);
      expect(titles(await t.owner.get('/api/deliverables?platform=youtube,blog'))).toEqual([
        'acme youtube drafting',
        'globex blog drafting',
      ]);
      expect(titles(await t.owner.get('/api/deliverables?platform=youtube&platform=blog'))).toEqual(
        ['acme youtube drafting', 'globex blog drafting'],
      );
    });

    it('filters by status', async () => {
      const t = await mixed();
      expect(titles(await t.owner.get('/api/deliverables?status=drafting'))).toEqual([
        'acme youtube drafting',
        'globex blog drafting',
      ]);
      expect(titles(await t.owner.get('/api/deliverables?status=planned,published'))).toEqual([
        'acme tiktok planned',
        'globex tiktok published',
      ]);
    });

    it('filters by assigneeId, single and several', async () => {
      const t = await mixed();
      expect(titles(await t.owner.get(`/api/deliverables?assigneeId=${t.editor.id}`))).toEqual([
        'acme youtube drafting',
        'globex blog drafting',
      ]);
      expect(
        titles(
          await t.owner.get(`/api/deliverables?assigneeId=${t.editor.id}&assigneeId=${t.user.id}`),
        ),
      ).toHaveLength(3);
    });

    it('combines filters with AND, and with the range', async () => {
      const t = await mixed();
      const res = await t.owner.get(
        `/api/deliverables?status=drafting&assigneeId=${t.editor.id}&from=${q(FROM)}&to=${q(TO)}`,
      );
      expect(titles(res)).toEqual(['acme youtube drafting']);
      expect(
        (await t.owner.get(`/api/deliverables?brandId=${t.globex.id}&platform=youtube`)).body.items,
      ).toEqual([]);
    });

    it('returns 400 naming an unknown platform or status', async () => {
      const t = await mixed();
      expectApiError(await t.owner.get('/api/deliverables?platform=tiktok,myspace'), 400, {
        paths: ['platform'],
      });
      expectApiError(await t.owner.get('/api/deliverables?status=done'), 400, {
        paths: ['status'],
      });
    });
  });

  describe('GET /api/deliverables/calendar (the calendar’s shape)', () => {
    const CALENDAR_FIELDS = [
      'assigneeId',
      'brandId',
      'dealId',
      'disclosureDone',
      'draftDueAt',
      'format',
      'id',
      'platform',
      'publishAt',
      'status',
      'title',
      'version',
      'warnings',
    ];

    it('answers the range’s deliverables as the full list does, in its order, with only the calendar’s fields', async () => {
      const t = await calendar();
      const range = `from=${q(FROM)}&to=${q(TO)}`;
      const full = await t.owner.get(`/api/deliverables?${range}`);
      const res = await t.owner.get(`/api/deliverables/calendar?${range}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['items']);
      expect(res.body.items.map((d: Item) => d.id)).toEqual(full.body.items.map((d: Item) => d.id));
      for (const [i, item] of (res.body.items as Array<Record<string, unknown>>).entries()) {
        expect(Object.keys(item).sort()).toEqual(CALENDAR_FIELDS);
        const whole = full.body.items[i] as Record<string, unknown>;
        for (const field of CALENDAR_FIELDS) expect(item[field]).toEqual(whole[field]);
      }
      expect(titles(res)).toContain('draft inside, publish after');
      expect(titles(res)).not.toContain('publish at to');
    });

    it('answers a range of many weeks, read a week at a time, in the full list’s order', async () => {
      const t = await calendar();
      // Going live before the range with its draft due inside; going live on week edges.
      await t.make('draft inside, publish before', {
        draftDueAt: '2026-02-10T09:00:00Z',
        publishAt: '2026-01-20T09:00:00Z',
      });
      await t.make('publish on a week edge', { publishAt: '2026-02-08T00:00:00Z' });
      await t.make('publish a ms before a week edge', { publishAt: '2026-02-07T23:59:59.999Z' });
      const range = `from=${q('2026-02-01T00:00:00Z')}&to=${q('2026-04-15T00:00:00Z')}`;
      const full = await t.owner.get(`/api/deliverables?${range}`);
      const res = await t.owner.get(`/api/deliverables/calendar?${range}`);
      expect(res.status).toBe(200);
      const inOrder = (r: { body: { items: Item[] } }) => r.body.items.map((d) => d.title);
      expect(inOrder(res)).toEqual(inOrder(full));
      // Going live before the range first; drafts due inside with no go-live last.
      expect(inOrder(res)[0]).toBe('draft inside, publish before');
      expect(inOrder(res).slice(-2).sort()).toEqual([
        'draft at from, no publish',
        'draft at to, no publish',
      ]);
      expect(inOrder(res).indexOf('publish a ms before a week edge')).toBe(
        inOrder(res).indexOf('publish on a week edge') - 1,
      );
      expect(titles(res)).toHaveLength(11);
    });

    it('reads the go-lives a few at a time after the last one read, ties on the go-live by id, none lost or twice', async () => {
      const t = await calendar();
      // Three more going live at the very same instant as one already there: ties across parts.
      for (const title of ['tie a', 'tie b', 'tie c']) {
        await t.make(title, { publishAt: '2026-03-01T00:00:00Z' });
      }
      // A third draft due inside with no go-live: the drafts-only part after them is split too.
      await t.make('draft inside, no publish', {
        draftDueAt: '2026-03-10T09:00:00Z',
        publishAt: null,
      });
      const filter = { from: '2026-02-01T00:00:00.000Z', to: '2026-04-15T00:00:00.000Z' };
      const parts: string[][] = [];
      for await (const part of calendarDeliverableParts(t.db, filter, { partRows: 2 })) {
        parts.push(part.map((d) => d.title));
      }
      const whole = (await listDeliverables(t.db, filter)).map((d) => d.title);
      expect(parts.flat()).toEqual(whole);
      // No part longer than two: the go-lives', and the drafts-only ones around them.
      expect(parts.every((part) => part.length <= 2)).toBe(true);
      expect(parts.length).toBeGreaterThan(4);
    });

    it('carries the warnings the calendar flags: draft after go-live, another brand’s exclusivity', async () => {
      const t = await apps.workspace();
      await t.owner.patch(`/api/brands/${t.brand.id}`, {
        version: t.brand.version,
        category: 'Skincare',
      });
      const rival = (await t.owner.post('/api/brands', { name: 'Rival', category: 'skincare' }))
        .body;
      const rivalDeal = (
        await t.owner.post('/api/deals', {
          brandId: rival.id,
          title: 'Rival exclusive',
          status: 'contracted',
          exclusivityCategory: 'Skincare',
          exclusivityUntil: '2026-03-31',
        })
      ).body;
      expect(rivalDeal.id).toEqual(expect.any(String));
      const late = await t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Late draft',
        platform: 'tiktok',
        draftDueAt: '2026-03-06T10:00:00Z',
        publishAt: '2026-03-05T10:00:00Z',
      });
      expect(late.status).toBe(201);
      const res = await t.owner.get(`/api/deliverables/calendar?from=${q(FROM)}&to=${q(TO)}`);
      expect(res.status).toBe(200);
      const [item] = res.body.items as Array<{ warnings: Array<{ code: string }> }>;
      expect(item!.warnings.map((w) => w.code).sort()).toEqual([
        'draft_after_publish',
        'exclusivity_conflict',
      ]);
      expect(item!.warnings).toEqual(late.body.warnings);
    });

    it('filters by brand, platform and status like the list', async () => {
      const t = await calendar();
      const other = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
      const otherDeal = (await t.owner.post('/api/deals', { brandId: other.id, title: 'G' })).body;
      await t.owner.post('/api/deliverables', {
        dealId: otherDeal.id,
        title: 'globex youtube',
        platform: 'youtube',
        status: 'drafting',
        publishAt: '2026-03-03T10:00:00Z',
      });
      const range = `from=${q(FROM)}&to=${q(TO)}`;
      const by = async (filter: string) =>
        titles(await t.owner.get(`/api/deliverables/calendar?${range}&${filter}`));
      expect(await by(`brandId=${other.id}`)).toEqual(['globex youtube']);
      expect(await by('platform=youtube')).toEqual(['globex youtube']);
      expect(await by('status=drafting')).toEqual(['globex youtube']);
      expect(await by(`brandId=${t.brand.id}&platform=youtube`)).toEqual([]);
    });

    it('returns 400 naming from and to when the range is missing or not instants', async () => {
      const t = await calendar();
      expectApiError(await t.owner.get('/api/deliverables/calendar'), 400, {
        paths: ['from', 'to'],
      });
      expectApiError(
        await t.owner.get(`/api/deliverables/calendar?from=${q(FROM)}&to=next-week`),
        400,
        { paths: ['to'] },
      );
      expectApiError(
        await t.owner.get(`/api/deliverables/calendar?from=${q(FROM)}&to=${q(TO)}&status=done`),
        400,
        { paths: ['status'] },
      );
    });
  });
});
