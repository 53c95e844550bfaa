import { describe, expect, it } from 'vitest';
import { signInAs, unchecked } from '../../support/app';
import { raiseThreeAlerts } from '../../support/alerts';
import { dataSnapshot, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

// The workspace clock reads 2026-03-01T12:00Z.
const NOW = '2026-03-01T12:00:00.000Z';

/** A workspace with three open alerts (two overdue drafts and a go-live due soon). */
async function threeAlerts() {
  const t = await apps.workspace();
  const { open } = await raiseThreeAlerts(t, NOW);
  return { t, open };
}

describe('POST /api/alerts/ack', () => {
  it('acknowledges the selected alerts only, and audits each', async () => {
    const { t, open } = await threeAlerts();
    const chosen = open.slice(0, 2).map((a) => a.id);
    const res = await t.owner.post('/api/alerts/ack', { ids: chosen });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ acknowledged: 2 });
    const left = (await t.owner.get('/api/alerts')).body.items;
    expect(left.map((a) => a.id)).toEqual([open[2]!.id]);
    const acked = await t.owner.get('/api/alerts?state=acknowledged');
    expect(acked.body.items.map((a) => a.id).sort()).toEqual([...chosen].sort());
    expect(acked.body.items.every((a) => a.acknowledgedBy === t.user.id)).toBe(true);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('entityId')
      .where('entityType', '=', 'alert')
      .execute();
    expect(audit.map((a) => a.entityId).sort()).toEqual([...chosen].sort());
  });

  it('acknowledges every open alert with all: true, keeping who acknowledged first', async () => {
    const { t, open } = await threeAlerts();
    const editor = await signInAs(t, 'editor');
    await editor.client.post(`/api/alerts/${open[0]!.id}/ack`);
    const res = await t.owner.post('/api/alerts/ack', { all: true });
    expect(res.body).toEqual({ acknowledged: 2 });
    expect((await t.owner.get('/api/alerts')).body.items).toEqual([]);
    const first = (await t.owner.get(`/api/alerts?state=acknowledged`)).body.items.find(
      (a) => a.id === open[0]!.id,
    );
    expect(first).toBeDefined();
    expect(first!.acknowledgedBy).toBe(editor.user.id);
    expect((await t.owner.post('/api/alerts/ack', { all: true })).body).toEqual({
      acknowledged: 0,
    });
  });

  it('answers 400 naming ids for an unknown id or an empty request, and writes nothing', async () => {
    const { t, open } = await threeAlerts();
    const before = await dataSnapshot(t);
    expectApiError(await t.owner.post('/api/alerts/ack', { ids: [open[0]!.id, 'nope'] }), 400, {
      paths: ['ids.1'],
    });
    expectApiError(await t.owner.post('/api/alerts/ack', {}), 400, { paths: ['ids'] });
    expectApiError(await t.owner.post('/api/alerts/ack', { ids: [] }), 400, { paths: ['ids'] });
    expectApiError(await t.owner.post('/api/alerts/ack', unchecked({ all: false })), 400, {
      paths: ['all'],
    });
    const many = Array.from({ length: 501 }, (_, i) => `a${i}`);
    expectApiError(await t.owner.post('/api/alerts/ack', { ids: many }), 400, { paths: ['ids'] });
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('answers 403 to a viewer', async () => {
    const { t } = await threeAlerts();
    const viewer = await signInAs(t, 'viewer');
    expectApiError(await viewer.client.post('/api/alerts/ack', { all: true }), 403);
    expect((await t.owner.get('/api/alerts')).body.items).toHaveLength(3);
  });
});
