import { describe, expect, it } from 'vitest';
import { BULK_MAX_IDS } from '../../../shared/schemas/bulk';
import type { DeliverableCreate } from '../../../shared/schemas/deliverable';
import type { Answer } from '../../support/api-types';
import { signInAs, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;
/** A deliverable as the API answers it. */
type Item = Answer<'POST', '/api/deliverables'>;

/** Three deliverables of the workspace's deal, go-live on 10, 11 and 12 March. */
async function threeDeliverables(t: Workspace): Promise<Item[]> {
  const items: Item[] = [];
  for (const [i, title] of ['Reel', 'Story', 'Short'].entries()) {
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title,
      platform: 'instagram',
      caption: `Caption ${i}`,
      draftDueAt: `2026-03-0${7 + i}T09:00:00Z`,
      publishAt: `2026-03-1${i}T17:00:00Z`,
      draftLinks: [{ label: 'Cut', url: 'https://drive.example/cut' }],
      metrics: { views: 10 },
    });
    expect(res.status).toBe(201);
    items.push(res.body);
  }
  return items;
}

const targets = (items: Item[]) => items.map(({ id, version }) => ({ id, version }));

describe('POST /api/deliverables/bulk', () => {
  it('changes the status of every target, answers before and after, and audits each', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const res = await t.owner.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'status', status: 'approved' },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    for (const [i, { before, after }] of res.body.items.entries()) {
      expect(before).toMatchObject({ id: items[i]!.id, status: 'planned', version: 1 });
      expect(after).toMatchObject({ id: items[i]!.id, status: 'approved', version: 2 });
    }
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['entityId', 'action'])
      .where('entityType', '=', 'deliverable')
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => a.entityId).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('shifts go-live and draft due by whole days in the caller zone, keeping the wall-clock time', async () => {
    const t = await apps.workspace();
    const me = await t.owner.get('/api/me');
    const zoned = await t.owner.patch('/api/me', {
      version: me.body.version,
      timeZone: 'Europe/Berlin',
    });
    expect(zoned.status).toBe(200);
    const res = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Across DST',
      platform: 'tiktok',
      publishAt: '2026-03-28T17:00:00Z', // 18:00 in Berlin (CET)
      draftDueAt: null,
    });
    const shifted = await t.owner.post('/api/deliverables/bulk', {
      ids: [{ id: res.body.id, version: res.body.version }],
      action: { type: 'shift', days: 2 },
    });
    expect(shifted.status).toBe(200);
    // 30 March is CEST: 18:00 in Berlin is 16:00 UTC.
    expect(shifted.body.items[0]!.after).toMatchObject({
      publishAt: '2026-03-30T16:00:00.000Z',
      draftDueAt: null,
    });
  });

  it('answers 409 naming the stale deliverable and writes nothing', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    await t.owner.patch(`/api/deliverables/${items[1]!.id}`, { version: 1, title: 'Story v2' });
    const refusal = {
      status: 409,
      code: 'version_conflict',
      paths: ['ids.1.version'],
      message: /"Story v2"/,
    };
    await expectRefused(t, refusal, () =>
      t.owner.post('/api/deliverables/bulk', {
        ids: targets(items),
        action: { type: 'shift', days: 1 },
      }),
    );
  });

  it('answers 409 when a target was deleted, and deletes none of the others', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    await t.owner.delete(`/api/deliverables/${items[2]!.id}`);
    const res = await t.owner.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'delete' },
    });
    expectApiError(res, 409, { paths: ['ids.2.version'] });
    const left = await t.owner.get(`/api/deliverables?dealId=${t.deal.id}`);
    expect(left.body.items).toHaveLength(2);
  });

  it('answers 400 naming the field for a bad action, a bad shift and an unknown assignee', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const before = await dataSnapshot(t);
    const send = (action: unknown) =>
      t.owner.post('/api/deliverables/bulk', unchecked({ ids: targets(items), action }));
    expectApiError(await send({ type: 'archive' }), 400, { paths: ['action'] });
    expectApiError(await send({ type: 'status', status: 'done' }), 400, {
      paths: ['action.status'],
    });
    expectApiError(await send({ type: 'shift', days: 0 }), 400, { paths: ['action.days'] });
    expectApiError(await send({ type: 'shift', days: 1.5 }), 400, { paths: ['action.days'] });
    expectApiError(await send({ type: 'assignee', assigneeId: 'nobody' }), 400, {
      paths: ['action.assigneeId'],
    });
    expectApiError(await send({ type: 'status', status: 'published' }), 400, { paths: ['ids.0'] });
    const empty = await t.owner.post('/api/deliverables/bulk', {
      ids: [],
      action: { type: 'delete' },
    });
    expectApiError(empty, 400, { paths: ['ids'] });
    const twice = await t.owner.post('/api/deliverables/bulk', {
      ids: [targets(items)[0]!, targets(items)[0]!],
      action: { type: 'delete' },
    });
    expectApiError(twice, 400, { paths: ['ids'] });
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it(`refuses more than ${BULK_MAX_IDS} ids`, async () => {
    const t = await apps.workspace();
    const ids = Array.from({ length: BULK_MAX_IDS + 1 }, (_, i) => ({ id: `d${i}`, version: 1 }));
    const res = await t.owner.post('/api/deliverables/bulk', { ids, action: { type: 'delete' } });
    expectApiError(res, 400, { paths: ['ids'], message: /At most 500/ });
  });

  it('answers 403 to a viewer and changes nothing', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const { client } = await signInAs(t, 'viewer');
    const before = await dataSnapshot(t);
    const res = await client.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'delete' },
    });
    expectApiError(res, 403);
    const restore = await client.post('/api/deliverables/bulk/restore', {
      items: [{ version: 1, snapshot: items[0]! }],
    });
    expectApiError(restore, 403);
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('POST /api/deliverables/bulk/restore', () => {
  it('undoes a shift at the version it left, and refuses a second undo', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const bulk = await t.owner.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'shift', days: -3 },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.every((r) => r.after !== null)).toBe(true);
    const undo = {
      items: bulk.body.items.map((r) => ({
        version: r.after!.version,
        snapshot: r.before,
      })),
    };
    const res = await t.owner.post('/api/deliverables/bulk/restore', undo);
    expect(res.status).toBe(200);
    for (const [i, item] of res.body.items.entries()) {
      expect(item).toMatchObject({
        publishAt: items[i]!.publishAt,
        draftDueAt: items[i]!.draftDueAt,
        version: 3,
      });
    }
    expectApiError(await t.owner.post('/api/deliverables/bulk/restore', undo), 409, {
      paths: ['items.0.version'],
    });
  });

  it('refuses to undo over a change made since, and writes nothing', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const bulk = await t.owner.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'status', status: 'drafting' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.every((r) => r.after !== null)).toBe(true);
    await t.owner.patch(`/api/deliverables/${items[0]!.id}`, { version: 2, status: 'in_review' });
    await expectRefused(t, { status: 409, paths: ['items.0.version'], message: /"Reel"/ }, () =>
      t.owner.post('/api/deliverables/bulk/restore', {
        items: bulk.body.items.map((r) => ({
          version: r.after!.version,
          snapshot: r.before,
        })),
      }),
    );
  });

  it('brings deleted deliverables back with the same id and fields, once', async () => {
    const t = await apps.workspace();
    const items = await threeDeliverables(t);
    const full = await Promise.all(
      items.map(async (i) => (await t.owner.get(`/api/deliverables/${i.id}`)).body),
    );
    const bulk = await t.owner.post('/api/deliverables/bulk', {
      ids: targets(items),
      action: { type: 'delete' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.every((r) => r.after === null)).toBe(true);
    expect((await t.owner.get(`/api/deliverables?dealId=${t.deal.id}`)).body.items).toEqual([]);
    const undo = {
      items: bulk.body.items.map((r) => ({ version: null, snapshot: r.before })),
    };
    const res = await t.owner.post('/api/deliverables/bulk/restore', undo);
    expect(res.status).toBe(200);
    for (const [i, was] of full.entries()) {
      const { version: _v, updatedAt: _u, warnings: _w, ...fields } = was;
      const now = (await t.owner.get(`/api/deliverables/${was.id}`)).body;
      expect(now).toMatchObject(fields);
      expect(res.body.items[i]!.id).toBe(was.id);
    }
    expectApiError(await t.owner.post('/api/deliverables/bulk/restore', undo), 409, {
      paths: ['items.0.version'],
    });
  });
});

describe('GET /api/deliverables/board', () => {
  it('reads from 30 days ago by default, with undated ones, filtered by platform', async () => {
    const t = await apps.workspace();
    const make = (
      title: string,
      platform: DeliverableCreate['platform'],
      publishAt: string | null,
    ) => t.owner.post('/api/deliverables', { dealId: t.deal.id, title, platform, publishAt });
    await make('Old', 'tiktok', '2026-01-01T10:00:00Z');
    await make('Recent', 'tiktok', '2026-02-15T10:00:00Z');
    await make('Undated', 'tiktok', null);
    await make('Other platform', 'youtube', '2026-03-05T10:00:00Z');
    const res = await t.owner.get('/api/deliverables/board?platform=tiktok');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => i.title)).toEqual(['Recent', 'Undated']);
    expect(res.body).toMatchObject({
      from: '2026-01-30T12:00:00.000Z',
      to: null,
      truncated: false,
    });
    const viewer = (await signInAs(t, 'viewer')).client;
    expect((await viewer.get('/api/deliverables/board')).status).toBe(200);
    expectApiError(await t.owner.get('/api/deliverables/board?platform=myspace'), 400, {
      paths: ['platform'],
    });
  });
});
