import { describe, expect, it } from 'vitest';
import type { PackageInput } from '../../../shared/schemas/package';
import { signInAs, unchecked, type TestClient } from '../../support/app';
import { dataSnapshot, expectApiError, rowCounts, trackApps } from '../helpers';

const apps = trackApps();

const TRIO: PackageInput = {
  name: 'Launch trio',
  publishTime: '18:00',
  usageRightsDays: 30,
  items: [
    { title: 'TikTok launch', platform: 'tiktok', format: 'video', day: 0, draftDaysBefore: 3 },
    { title: 'IG story', platform: 'instagram', format: 'story', day: 2, count: 3 },
  ],
};

interface PackageBody {
  id: string;
  version: number;
}

async function createPackage(client: TestClient, body: PackageInput = TRIO): Promise<PackageBody> {
  const res = await client.post('/api/packages', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('POST /api/packages', () => {
  it('creates a package with defaults filled in and audits it', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/packages', TRIO);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Launch trio',
      publishTime: '18:00',
      usageRightsDays: 30,
      items: [
        {
          title: 'TikTok launch',
          platform: 'tiktok',
          format: 'video',
          day: 0,
          count: 1,
          draftDaysBefore: 3,
          brief: '',
        },
        {
          title: 'IG story',
          platform: 'instagram',
          format: 'story',
          day: 2,
          count: 3,
          draftDaysBefore: null,
          brief: '',
        },
      ],
      version: 1,
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
    });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'summary'])
      .where('entityType', '=', 'deal_package')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entityId: res.body.id, summary: 'Deal package "Launch trio"' },
    ]);
    const list = await t.owner.get('/api/packages');
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['Launch trio']);
  });

  it('answers 400 naming each bad field and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await rowCounts(t);
    const res = await t.owner.post(
      '/api/packages',
      unchecked({
        name: ' ',
        publishTime: '25:00',
        usageRightsDays: 0,
        items: [{ title: 'X', platform: 'myspace', day: 400, count: 0, draftDaysBefore: -1 }],
      }),
    );
    expectApiError(res, 400, {
      code: 'validation_failed',
      paths: [
        'name',
        'publishTime',
        'usageRightsDays',
        'items.0.platform',
        'items.0.day',
        'items.0.count',
        'items.0.draftDaysBefore',
      ],
    });
    expectApiError(await t.owner.post('/api/packages', { name: 'Empty', items: [] }), 400, {
      paths: ['items'],
    });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('is for the owner, as settings are: 403 for an editor, reads for a viewer', async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    const editor = (await signInAs(t, 'editor')).client;
    const viewer = (await signInAs(t, 'viewer')).client;
    expectApiError(await editor.post('/api/packages', TRIO), 403);
    expectApiError(await editor.patch(`/api/packages/${pkg.id}`, { ...TRIO, version: 1 }), 403);
    expectApiError(await editor.delete(`/api/packages/${pkg.id}`), 403);
    expect((await viewer.get(`/api/packages/${pkg.id}`)).status).toBe(200);
    expect((await viewer.get('/api/packages')).body.items).toHaveLength(1);
  });
});

describe('PATCH /api/packages/:id', () => {
  it('replaces the package, and answers 409 for a stale version and 404 for an unknown id', async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    const res = await t.owner.patch(`/api/packages/${pkg.id}`, {
      name: 'Launch duo',
      items: [{ title: 'YouTube video', platform: 'youtube', day: 1 }],
      version: 1,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Launch duo',
      publishTime: '10:00',
      usageRightsDays: null,
      version: 2,
      items: [{ title: 'YouTube video', platform: 'youtube', format: 'post', day: 1, count: 1 }],
    });
    expectApiError(await t.owner.patch(`/api/packages/${pkg.id}`, { ...TRIO, version: 1 }), 409, {
      code: 'version_conflict',
    });
    expectApiError(await t.owner.patch('/api/packages/nope', { ...TRIO, version: 1 }), 404);
  });
});

describe('DELETE /api/packages/:id', () => {
  it('deletes it (the deliverables it made stay) and answers 404 after', async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
      packageId: pkg.id,
      startDay: '2026-03-10',
    });
    expect((await t.owner.delete(`/api/packages/${pkg.id}`)).status).toBe(204);
    expectApiError(await t.owner.delete(`/api/packages/${pkg.id}`), 404);
    expectApiError(await t.owner.get(`/api/packages/${pkg.id}`), 404);
    expect((await t.owner.get('/api/deliverables')).body.items).toHaveLength(4);
  });
});

describe('POST /api/deals/:id/apply-package', () => {
  it("creates the package's deliverables from the start day in the workspace zone", async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    const res = await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
      packageId: pkg.id,
      startDay: '2026-03-27',
      timeZone: 'Europe/Berlin',
    });
    expect(res.status, res.text).toBe(201);
    const made = (
      res.body.items as Array<{
        title: string;
        dealId: string;
        status: string;
        publishAt: string;
        draftDueAt: string | null;
      }>
    ).map((d) => [d.title, d.dealId === t.deal.id, d.status, d.publishAt, d.draftDueAt]);
    // 18:00 in Berlin: UTC+1 until 29 March, UTC+2 from then on.
    expect(made).toEqual([
      ['TikTok launch', true, 'planned', '2026-03-27T17:00:00.000Z', '2026-03-24T17:00:00.000Z'],
      ['IG story', true, 'planned', '2026-03-29T16:00:00.000Z', null],
      ['IG story', true, 'planned', '2026-03-30T16:00:00.000Z', null],
      ['IG story', true, 'planned', '2026-03-31T16:00:00.000Z', null],
    ]);
    // Usage rights: 30 days from the last go-live, as the deal had none.
    const deal = (await t.owner.get(`/api/deals/${t.deal.id}`)).body;
    expect(deal).toMatchObject({ usageRightsUntil: '2026-04-30', version: 2 });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityType'])
      .where('entityType', 'in', ['deliverable', 'deal'])
      .where('action', '!=', 'create')
      .execute();
    expect(audit).toEqual([{ action: 'update', entityType: 'deal' }]);
  });

  it("takes the workspace's zone by default and leaves a deal's usage rights alone", async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    const dated = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      usageRightsUntil: '2026-12-31',
      version: t.deal.version,
    });
    expect(dated.status, dated.text).toBe(200);
    const res = await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
      packageId: pkg.id,
      startDay: '2026-03-10',
    });
    expect(res.status).toBe(201);
    expect(res.body.items[0]!.publishAt).toBe('2026-03-10T18:00:00.000Z');
    const deal = (await t.owner.get(`/api/deals/${t.deal.id}`)).body;
    expect(deal).toMatchObject({ usageRightsUntil: '2026-12-31', version: 2 });
  });

  it('answers 404 for an unknown deal, 400 naming fields, 403 for a viewer, and writes nothing', async () => {
    const t = await apps.workspace();
    const pkg = await createPackage(t.owner);
    const before = await dataSnapshot(t);
    expectApiError(
      await t.owner.post('/api/deals/nope/apply-package', {
        packageId: pkg.id,
        startDay: '2026-03-10',
      }),
      404,
    );
    expectApiError(
      await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
        packageId: 'nope',
        startDay: '2026-03-10',
      }),
      400,
      { paths: ['packageId'] },
    );
    expectApiError(
      await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
        packageId: pkg.id,
        startDay: '2026-02-30',
        timeZone: 'Mars/Olympus',
      }),
      400,
      { paths: ['startDay', 'timeZone'] },
    );
    const viewer = (await signInAs(t, 'viewer')).client;
    expectApiError(
      await viewer.post(`/api/deals/${t.deal.id}/apply-package`, {
        packageId: pkg.id,
        startDay: '2026-03-10',
      }),
      403,
    );
    const { auditLog: _a, users: _u, ...data } = await dataSnapshot(t);
    const { auditLog: _b, users: _v, ...was } = before;
    expect(data).toEqual(was);
  });

  it('creates all or none: a line that cannot be written leaves no deliverable behind', async () => {
    const t = await apps.workspace();
    // A package row no API would write: its second line has no title (NOT NULL in the table).
    await t.db
      .insertInto('dealPackages')
      .values({
        id: 'broken',
        name: 'Broken',
        publishTime: '10:00',
        usageRightsDays: 30,
        items: JSON.stringify([
          {
            title: 'Fine',
            platform: 'tiktok',
            format: 'video',
            day: 0,
            count: 1,
            draftDaysBefore: null,
            brief: '',
          },
          {
            title: null,
            platform: 'tiktok',
            format: 'video',
            day: 1,
            count: 1,
            draftDaysBefore: null,
            brief: '',
          },
        ]),
        version: 1,
        createdAt: '2026-03-01T12:00:00.000Z',
        updatedAt: '2026-03-01T12:00:00.000Z',
      })
      .execute();
    const before = await dataSnapshot(t);
    const res = await t.owner.post(`/api/deals/${t.deal.id}/apply-package`, {
      packageId: 'broken',
      startDay: '2026-03-10',
    });
    expectApiError(res, 500);
    // The failure is the point here, not an app error to report.
    t.unexpectedErrors.splice(0);
    expect(await dataSnapshot(t)).toEqual(before);
  });
});
