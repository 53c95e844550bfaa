import { describe, expect, it } from 'vitest';
import type { AuditEntityType } from '../../../shared/schemas/team';
import { signInAs, type TestClient, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();

/** The test clock's moment: 2026-03-01 in UTC, 2026-03-02 in Auckland. */
const NOW = '2026-03-01T12:00:00.000Z';

interface BrandBody {
  id: string;
  name: string;
  stage: string;
  version: number;
  lastContactedOn: string | null;
}

async function brand(owner: TestClient, body: Record<string, unknown>): Promise<BrandBody> {
  const res = await owner.post('/api/brands', unchecked(body));
  expect(res.status).toBe(201);
  return res.body as BrandBody;
}

async function logPitch(
  client: TestClient,
  brandId: string,
  body: Record<string, unknown>,
): Promise<{ id: string }> {
  const res = await client.post(`/api/brands/${brandId}/pitches`, unchecked(body));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}

async function auditOf(t: Awaited<ReturnType<typeof apps.workspace>>, entityType: AuditEntityType) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'entityType', 'entityId', 'summary', 'changes', 'actorId'])
    .where('entityType', '=', entityType)
    .orderBy('id')
    .execute();
}

describe('POST /api/brands/:id/pitches', () => {
  it('logs a pitch and answers it with every field', async () => {
    const t = await apps.workspace();
    const glow = await brand(t.owner, { name: 'Glow', stage: 'negotiating' });
    const res = await t.owner.post(`/api/brands/${glow.id}/pitches`, {
      pitchedOn: '2026-02-27',
      channel: 'email',
      note: 'Sent rates for Q2',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      brandId: glow.id,
      pitchedOn: '2026-02-27',
      channel: 'email',
      note: 'Sent rates for Q2',
      createdBy: t.user.id,
      createdAt: NOW,
    });
    const audit = await auditOf(t, 'pitch');
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        entityId: res.body.id,
        summary: 'Pitch to "Glow" by e-mail on 2026-02-27',
        actorId: t.user.id,
      }),
    ]);
  });

  it('moves a prospect to pitched (version + 1) and audits that as a brand update', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    expect(lead).toMatchObject({ stage: 'prospect', version: 1 });
    await logPitch(t.owner, lead.id, { pitchedOn: '2026-03-01', channel: 'dm' });
    const after = (await t.owner.get(`/api/brands/${lead.id}`)).body as BrandBody;
    expect(after).toMatchObject({ stage: 'pitched', version: 2, lastContactedOn: '2026-03-01' });
    const updates = (await auditOf(t, 'brand')).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.entityId).toBe(lead.id);
    expect(JSON.parse(updates[0]!.changes)).toEqual({
      stage: { from: 'prospect', to: 'pitched' },
    });

    // A second entry leaves the stage (and the version) alone.
    await logPitch(t.owner, lead.id, { pitchedOn: '2026-03-01', channel: 'call' });
    expect((await t.owner.get(`/api/brands/${lead.id}`)).body).toMatchObject({
      stage: 'pitched',
      version: 2,
    });
  });

  it('leaves a brand past the prospect stage where it is', async () => {
    const t = await apps.workspace();
    for (const stage of ['pitched', 'negotiating', 'partner', 'inactive']) {
      const b = await brand(t.owner, { name: `Brand ${stage}`, stage });
      await logPitch(t.owner, b.id, { pitchedOn: '2026-02-01', channel: 'meeting' });
      expect((await t.owner.get(`/api/brands/${b.id}`)).body).toMatchObject({ stage, version: 1 });
    }
  });

  it('returns 400 naming pitchedOn and channel and writes nothing', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    const before = await dataSnapshot(t);
    const bad = await t.owner.post(
      `/api/brands/${lead.id}/pitches`,
      unchecked({
        pitchedOn: '2026-02-30',
        channel: 'fax',
      }),
    );
    expectApiError(bad, 400, { code: 'validation_failed', paths: ['pitchedOn', 'channel'] });
    const missing = await t.owner.post(`/api/brands/${lead.id}/pitches`, unchecked({ note: 'hi' }));
    expectApiError(missing, 400, { paths: ['pitchedOn', 'channel'] });
    const longNote = await t.owner.post(`/api/brands/${lead.id}/pitches`, {
      pitchedOn: '2026-02-01',
      channel: 'email',
      note: 'x'.repeat(5_001),
    });
    expectApiError(longNote, 400, { paths: ['note'] });
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('returns 404 for an unknown brand and writes nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 404, code: 'not_found' }, () =>
      t.owner.post('/api/brands/no-such-brand/pitches', {
        pitchedOn: '2026-02-01',
        channel: 'email',
      }),
    );
  });

  it('refuses a viewer with 403 and writes nothing', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    const { client: viewer } = await signInAs(t, 'viewer');
    await expectRefused(t, { status: 403 }, () =>
      viewer.post(`/api/brands/${lead.id}/pitches`, {
        pitchedOn: '2026-02-01',
        channel: 'email',
      }),
    );
  });
});

describe('GET /api/brands/:id/pitches', () => {
  it('answers the log newest first, to a viewer too', async () => {
    const t = await apps.workspace();
    const glow = await brand(t.owner, { name: 'Glow', stage: 'pitched' });
    const other = await brand(t.owner, { name: 'Other', stage: 'pitched' });
    const first = await logPitch(t.owner, glow.id, { pitchedOn: '2026-02-10', channel: 'email' });
    const latest = await logPitch(t.owner, glow.id, { pitchedOn: '2026-02-20', channel: 'call' });
    t.clock.advance(60_000);
    const sameDayLater = await logPitch(t.owner, glow.id, {
      pitchedOn: '2026-02-10',
      channel: 'dm',
    });
    await logPitch(t.owner, other.id, { pitchedOn: '2026-02-25', channel: 'email' });
    const { client: viewer } = await signInAs(t, 'viewer');
    const res = await viewer.get(`/api/brands/${glow.id}/pitches`);
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ id: string; note: string }>;
    expect(items.map((p) => p.id)).toEqual([latest.id, sameDayLater.id, first.id]);
    expect(items[0]!.note).toBe('');
  });

  it('returns 404 for an unknown brand', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/brands/nope/pitches'), 404, { code: 'not_found' });
  });
});

describe('DELETE /api/brands/:id/pitches/:pitchId', () => {
  it('deletes the entry, audits it and leaves the stage as it is', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    const pitch = await logPitch(t.owner, lead.id, { pitchedOn: '2026-02-10', channel: 'email' });
    const res = await t.owner.delete(`/api/brands/${lead.id}/pitches/${pitch.id}`);
    expect(res.status).toBe(204);
    expect((await t.owner.get(`/api/brands/${lead.id}/pitches`)).body.items).toEqual([]);
    expect((await t.owner.get(`/api/brands/${lead.id}`)).body).toMatchObject({
      stage: 'pitched',
      lastContactedOn: null,
    });
    const audit = await auditOf(t, 'pitch');
    expect(audit.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(audit[1]!.entityId).toBe(pitch.id);
  });

  it("returns 404 for another brand's entry or an unknown one and deletes nothing", async () => {
    const t = await apps.workspace();
    const a = await brand(t.owner, { name: 'A', stage: 'pitched' });
    const b = await brand(t.owner, { name: 'B', stage: 'pitched' });
    const pitch = await logPitch(t.owner, a.id, { pitchedOn: '2026-02-10', channel: 'email' });
    const before = await dataSnapshot(t);
    expectApiError(await t.owner.delete(`/api/brands/${b.id}/pitches/${pitch.id}`), 404);
    expectApiError(await t.owner.delete(`/api/brands/${a.id}/pitches/nope`), 404);
    expectApiError(await t.owner.delete(`/api/brands/nope/pitches/${pitch.id}`), 404);
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('refuses a viewer with 403 and deletes nothing', async () => {
    const t = await apps.workspace();
    const a = await brand(t.owner, { name: 'A', stage: 'pitched' });
    const pitch = await logPitch(t.owner, a.id, { pitchedOn: '2026-02-10', channel: 'email' });
    const { client: viewer } = await signInAs(t, 'viewer');
    await expectRefused(t, { status: 403 }, () =>
      viewer.delete(`/api/brands/${a.id}/pitches/${pitch.id}`),
    );
  });
});

describe('lastContactedOn', () => {
  it('is the latest day in the log (not the latest logged), in the list and on one brand', async () => {
    const t = await apps.workspace();
    const glow = await brand(t.owner, { name: 'Glow', stage: 'pitched' });
    const quiet = await brand(t.owner, { name: 'Quiet', stage: 'pitched' });
    expect(quiet.lastContactedOn).toBeNull();
    const latest = await logPitch(t.owner, glow.id, { pitchedOn: '2026-02-20', channel: 'email' });
    await logPitch(t.owner, glow.id, { pitchedOn: '2026-01-05', channel: 'call' });

    expect((await t.owner.get(`/api/brands/${glow.id}`)).body.lastContactedOn).toBe('2026-02-20');
    const list = (await t.owner.get('/api/brands')).body.items as BrandBody[];
    const byName = new Map(list.map((b) => [b.name, b.lastContactedOn]));
    expect(byName.get('Glow')).toBe('2026-02-20');
    expect(byName.get('Quiet')).toBeNull();
    expect(byName.get('Acme')).toBeNull();

    await t.owner.delete(`/api/brands/${glow.id}/pitches/${latest.id}`);
    expect((await t.owner.get(`/api/brands/${glow.id}`)).body.lastContactedOn).toBe('2026-01-05');
  });
});

describe('GET /api/brands?notContactedDays', () => {
  async function pipeline() {
    const t = await apps.workspace();
    // The workspace's brand Acme is a prospect with no log: never contacted.
    const exactly = await brand(t.owner, { name: 'Exactly 30', stage: 'pitched' });
    await logPitch(t.owner, exactly.id, { pitchedOn: '2026-01-30', channel: 'email' });
    const recent = await brand(t.owner, { name: 'Only 29', stage: 'negotiating' });
    await logPitch(t.owner, recent.id, { pitchedOn: '2026-01-31', channel: 'email' });
    const again = await brand(t.owner, { name: 'Old and new', stage: 'partner' });
    await logPitch(t.owner, again.id, { pitchedOn: '2025-11-01', channel: 'email' });
    await logPitch(t.owner, again.id, { pitchedOn: '2026-02-25', channel: 'call' });
    await brand(t.owner, { name: 'Inactive', stage: 'inactive' });
    const names = async (query: `?${string}` | '') => {
      const res = await t.owner.get(`/api/brands${query}`);
      expect(res.status, res.text).toBe(200);
      return (res.body.items as BrandBody[]).map((b) => b.name);
    };
    return { t, names };
  }

  it('answers brands last contacted N or more days ago or never, without inactive ones', async () => {
    const { names } = await pipeline();
    expect(await names('?notContactedDays=30')).toEqual(['Acme', 'Exactly 30']);
    expect(await names('?notContactedDays=29')).toEqual(['Acme', 'Exactly 30', 'Only 29']);
    expect(await names('?notContactedDays=31')).toEqual(['Acme']);
    expect(await names('?notContactedDays=30&q=exa')).toEqual(['Exactly 30']);
    expect(await names('')).toEqual(['Acme', 'Exactly 30', 'Inactive', 'Old and new', 'Only 29']);
  });

  it('counts days from today in the workspace time zone, by the clock', async () => {
    const { t, names } = await pipeline();
    const settings = (await t.owner.get('/api/settings')).body as { version: number };
    const patched = await t.owner.patch('/api/settings', {
      version: settings.version,
      timeZone: 'Pacific/Auckland',
    });
    expect(patched.status, patched.text).toBe(200);
    // 12:00 UTC on March 1 is already March 2 in Auckland (UTC+13): Jan 31 is now 30 days ago;
    // at 10:00 UTC it is still March 1 there.
    expect(await names('?notContactedDays=30')).toEqual(['Acme', 'Exactly 30', 'Only 29']);
    t.clock.set('2026-03-01T10:00:00.000Z');
    expect(await names('?notContactedDays=30')).toEqual(['Acme', 'Exactly 30']);
  });

  it('returns 400 naming notContactedDays for a bad value', async () => {
    const t = await apps.workspace();
    for (const value of ['0', '-3', '1.5', 'abc', '99999']) {
      expectApiError(await t.owner.get(`/api/brands?notContactedDays=${value}`), 400, {
        paths: ['notContactedDays'],
      });
    }
  });
});

describe('PATCH /api/brands/:id (moving a card on the board)', () => {
  it('changes the stage with the version read, and returns 409 when it is stale', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    const moved = await t.owner.patch(`/api/brands/${lead.id}`, {
      version: lead.version,
      stage: 'negotiating',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'negotiating', version: 2, name: 'Lead Co' });

    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch(`/api/brands/${lead.id}`, {
        version: lead.version,
        stage: 'inactive',
      }),
    );
    expect((await t.owner.get(`/api/brands/${lead.id}`)).body.stage).toBe('negotiating');
  });

  it('returns 409 when a pitch moved the prospect since the board loaded it', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    await logPitch(t.owner, lead.id, { pitchedOn: '2026-02-28', channel: 'email' });
    const stale = await t.owner.patch(`/api/brands/${lead.id}`, {
      version: lead.version,
      stage: 'partner',
    });
    expectApiError(stale, 409, { code: 'version_conflict' });
  });

  it('returns 400 naming stage for an unknown stage', async () => {
    const t = await apps.workspace();
    const lead = await brand(t.owner, { name: 'Lead Co' });
    expectApiError(
      await t.owner.patch(`/api/brands/${lead.id}`, unchecked({ version: 1, stage: 'famous' })),
      400,
      { paths: ['stage'] },
    );
  });
});
