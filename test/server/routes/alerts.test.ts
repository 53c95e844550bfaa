import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, unchecked, type Workspace } from '../../support/app';
import {
  addMember,
  alertRows,
  at,
  createChannel,
  createDeliverable,
  deliveryRows,
  HOUR,
  MINUTE,
  patchDeliverable,
  raiseThreeAlerts,
  scan,
} from '../../support/alerts';

let t: Workspace;
afterEach(async () => t?.close());

// The workspace clock reads 2026-03-01T12:00Z.
const NOW = '2026-03-01T12:00:00.000Z';

interface AlertBody {
  id: string;
  rule: string;
  subjectId: string;
  dueAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  snoozedUntil: string | null;
  resolvedAt: string | null;
}

/** Three open alerts on two deliverables (see `raiseThreeAlerts`), in a new workspace `t`. */
async function threeAlerts() {
  t = await createWorkspace();
  return raiseThreeAlerts(t, NOW);
}

const ids = (body: { items: AlertBody[] }) => body.items.map((x) => x.id).sort();

describe('GET /api/alerts', () => {
  it('answers 401 without a session', async () => {
    t = await createWorkspace();
    const res = await t.client().get('/api/alerts');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('lists the open alerts by default, with the subject and an open count', async () => {
    const { a, aOverdue } = await threeAlerts();
    const res = await t.owner.get('/api/alerts');
    expect(res.status).toBe(200);
    expect(res.body.openCount).toBe(3);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items.find((x: AlertBody) => x.id === aOverdue.id)).toEqual({
      id: aOverdue.id,
      rule: 'draft_overdue',
      subjectType: 'deliverable',
      subjectId: a.id,
      subject: {
        title: 'Haul video',
        brandName: 'Acme',
        calendarAt: at(NOW, 2 * HOUR),
        href: `/?deliverable=${a.id}`,
      },
      dueAt: at(NOW, -HOUR),
      message: 'Draft overdue: “Haul video” for Acme was due today at 11:00 AM UTC',
      severity: 'critical',
      createdAt: NOW,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgedByName: null,
      snoozedUntil: null,
      resolvedAt: null,
      deliveries: [],
    });
    expect((await t.owner.get('/api/alerts/count')).body).toEqual({ open: 3 });
  });

  it('lets a viewer read the inbox', async () => {
    await threeAlerts();
    const viewer = await addMember(t, { role: 'viewer' });
    const res = await viewer.client.get('/api/alerts');
    expect(res.status).toBe(200);
    expect(res.body.openCount).toBe(3);
  });

  it('filters by rule, by several rules, and by subject', async () => {
    const { a, aOverdue, aSoon, bOverdue } = await threeAlerts();
    expect(ids((await t.owner.get('/api/alerts?rule=draft_overdue')).body)).toEqual(
      [aOverdue.id, bOverdue.id].sort(),
    );
    expect(
      ids((await t.owner.get('/api/alerts?rule=publish_due_soon,draft_overdue')).body),
    ).toHaveLength(3);
    expect(ids((await t.owner.get(`/api/alerts?subjectId=${a.id}`)).body)).toEqual(
      [aOverdue.id, aSoon.id].sort(),
    );
    expect(
      ids((await t.owner.get(`/api/alerts?subjectId=${a.id}&rule=publish_due_soon`)).body),
    ).toEqual([aSoon.id]);
  });

  it('answers 400 naming the parameter for an unknown state or rule', async () => {
    t = await createWorkspace();
    const state = await t.owner.get('/api/alerts?state=closed');
    expect(state.status).toBe(400);
    expect(state.body.error.issues!.map((i: { path: string }) => i.path)).toContain('state');
    const rule = await t.owner.get('/api/alerts?rule=draft_overdue,nonsense');
    expect(rule.status).toBe(400);
    expect(rule.body.error.issues![0]!.path).toMatch(/^rule/);
  });

  it('shows acknowledged, snoozed and resolved alerts only in their own views and in all', async () => {
    const { a, aOverdue, aSoon, bOverdue } = await threeAlerts();
    await t.owner.post(`/api/alerts/${aOverdue.id}/ack`);
    await t.owner.post(`/api/alerts/${bOverdue.id}/snooze`, { until: at(NOW, HOUR) });
    // Published: its remaining open alert resolves at the next scan.
    await patchDeliverable(t.owner, a.id, { status: 'published' });
    await scan(t, at(NOW, MINUTE));

    const open = await t.owner.get('/api/alerts');
    expect(open.body).toMatchObject({ items: [], openCount: 0 });
    expect(ids((await t.owner.get('/api/alerts?state=acknowledged')).body)).toEqual([aOverdue.id]);
    expect(ids((await t.owner.get('/api/alerts?state=snoozed')).body)).toEqual([bOverdue.id]);
    const all = await t.owner.get('/api/alerts?state=all');
    expect(ids(all.body)).toEqual([aOverdue.id, aSoon.id, bOverdue.id].sort());
    expect(all.body.items.find((x) => x.id === aSoon.id)?.resolvedAt).toBe(at(NOW, MINUTE));
  });
  it("shows each alert's deliveries, without revealing a channel's webhook URL to non-owners", async () => {
    t = await createWorkspace();
    // A Slack incoming-webhook URL is itself the credential to post into the channel.
    const hook = 'https://hooks.slack.com/services/T0001/B0001/s3cr3tT0k3n';
    await createChannel(t.owner, { type: 'slack', name: 'Team', url: hook });
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(NOW, -HOUR) });
    await scan(t, NOW, true);

    const owner = await t.owner.get('/api/alerts');
    expect(owner.body.items[0]!.deliveries).toEqual([
      expect.objectContaining({
        channelType: 'email',
        recipient: 'owner@example.com',
        status: 'pending',
        attempts: 0,
      }),
      expect.objectContaining({ channelType: 'webhook', status: 'pending', attempts: 0 }),
    ]);

    // Channels are the owner's (GET /api/channels answers 403 to others); the inbox must not leak them.
    for (const role of ['viewer', 'editor'] as const) {
      const member = await addMember(t, { role });
      expect((await member.client.get('/api/channels')).status).toBe(403);
      const res = await member.client.get('/api/alerts?state=all');
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('s3cr3tT0k3n');
    }
  });
});

describe('POST /api/alerts/:id/ack', () => {
  it('records who acknowledged it and when, and takes it out of the open inbox', async () => {
    const { aOverdue } = await threeAlerts();
    t.clock.set(at(NOW, 5 * MINUTE));
    const res = await t.owner.post(`/api/alerts/${aOverdue.id}/ack`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: aOverdue.id,
      acknowledgedAt: at(NOW, 5 * MINUTE),
      acknowledgedBy: t.user.id,
    });

    const open = await t.owner.get('/api/alerts');
    expect(open.body.openCount).toBe(2);
    expect(open.body.items.map((x: AlertBody) => x.id)).not.toContain(aOverdue.id);
    expect((await t.owner.get('/api/alerts/count')).body).toEqual({ open: 2 });
  });

  it('keeps the first acknowledgement when an editor acknowledges again', async () => {
    const { aOverdue } = await threeAlerts();
    await t.owner.post(`/api/alerts/${aOverdue.id}/ack`);
    const editor = await addMember(t, { role: 'editor' });
    t.clock.set(at(NOW, HOUR));
    const again = await editor.client.post(`/api/alerts/${aOverdue.id}/ack`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ acknowledgedAt: NOW, acknowledgedBy: t.user.id });
  });

  it('lets an editor acknowledge', async () => {
    const { bOverdue } = await threeAlerts();
    const editor = await addMember(t, { role: 'editor' });
    const res = await editor.client.post(`/api/alerts/${bOverdue.id}/ack`);
    expect(res).toMatchObject({ status: 200, body: { acknowledgedBy: editor.id } });
  });

  it('answers 403 to a viewer and changes nothing', async () => {
    const { aOverdue } = await threeAlerts();
    const viewer = await addMember(t, { role: 'viewer' });
    const res = await viewer.client.post(`/api/alerts/${aOverdue.id}/ack`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(3);
  });

  it('answers 401 without a session', async () => {
    const { aOverdue } = await threeAlerts();
    expect((await t.client().post(`/api/alerts/${aOverdue.id}/ack`)).status).toBe(401);
  });

  it('answers 404 for an unknown alert', async () => {
    t = await createWorkspace();
    const res = await t.owner.post('/api/alerts/no-such-alert/ack');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('POST /api/alerts/:id/snooze', () => {
  it('hides the alert until the given moment, then brings it back', async () => {
    const { aOverdue } = await threeAlerts();
    const until = at(NOW, 3 * HOUR);
    const res = await t.owner.post(`/api/alerts/${aOverdue.id}/snooze`, {
      until: '2026-03-01T10:00:00-05:00',
    });
    expect(res.status).toBe(200);
    expect(res.body.snoozedUntil).toBe(until);

    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(2);
    expect(ids((await t.owner.get('/api/alerts?state=snoozed')).body)).toEqual([aOverdue.id]);

    t.clock.set(at(until, -1));
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(2);

    t.clock.set(at(until, 1));
    const back = await t.owner.get('/api/alerts');
    expect(back.body.openCount).toBe(3);
    expect(back.body.items.map((x: AlertBody) => x.id)).toContain(aOverdue.id);
    expect((await t.owner.get('/api/alerts?state=snoozed')).body.items).toEqual([]);
  });

  it.each([
    ['in the past', at(NOW, -MINUTE)],
    ['right now', NOW],
  ])('answers 400 naming `until` when it is %s', async (_what, until) => {
    const { aOverdue } = await threeAlerts();
    const res = await t.owner.post(`/api/alerts/${aOverdue.id}/snooze`, { until });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'until' })]);
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(3);
  });

  it.each([
    ['not an instant', { until: 'tomorrow' }],
    ['missing', {}],
  ])('answers 400 naming `until` when it is %s', async (_what, body) => {
    const { aOverdue } = await threeAlerts();
    const res = await t.owner.post(`/api/alerts/${aOverdue.id}/snooze`, unchecked(body));
    expect(res.status).toBe(400);
    expect(res.body.error.issues!.map((i: { path: string }) => i.path)).toEqual(['until']);
  });

  it('answers 404 for an unknown alert', async () => {
    t = await createWorkspace();
    const res = await t.owner.post('/api/alerts/no-such-alert/snooze', { until: at(NOW, HOUR) });
    expect(res.status).toBe(404);
  });

  it('answers 403 to a viewer', async () => {
    const { aOverdue } = await threeAlerts();
    const viewer = await addMember(t, { role: 'viewer' });
    expect(
      (await viewer.client.post(`/api/alerts/${aOverdue.id}/snooze`, { until: at(NOW, HOUR) }))
        .status,
    ).toBe(403);
  });
});

describe('POST /api/alerts/:id/reopen', () => {
  it('puts an acknowledged alert back in the open inbox and the bell; a scan raises nothing again', async () => {
    const { aOverdue } = await threeAlerts();
    await t.owner.post(`/api/alerts/${aOverdue.id}/ack`);
    expect((await t.owner.get('/api/alerts/count')).body).toEqual({ open: 2 });
    const deliveries = await deliveryRows(t.db);

    t.clock.set(at(NOW, 10 * MINUTE));
    const res = await t.owner.post(`/api/alerts/${aOverdue.id}/reopen`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: aOverdue.id,
      acknowledgedAt: null,
      acknowledgedBy: null,
      snoozedUntil: null,
      createdAt: NOW,
    });
    expect((await t.owner.get('/api/alerts/count')).body).toEqual({ open: 3 });
    expect(ids((await t.owner.get('/api/alerts')).body)).toContain(aOverdue.id);
    expect((await t.owner.get('/api/alerts?state=acknowledged')).body.items).toEqual([]);

    // The same alert, not a new one: nothing raised, nothing queued to send.
    expect(await scan(t)).toMatchObject({ raised: 0 });
    expect(await alertRows(t.db)).toHaveLength(3);
    expect(await deliveryRows(t.db)).toEqual(deliveries);
  });

  it('wakes a snoozed alert now', async () => {
    const { bOverdue } = await threeAlerts();
    await t.owner.post(`/api/alerts/${bOverdue.id}/snooze`, { until: at(NOW, 3 * HOUR) });
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(2);
    const editor = await addMember(t, { role: 'editor' });
    const res = await editor.client.post(`/api/alerts/${bOverdue.id}/reopen`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.snoozedUntil).toBeNull();
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(3);
    expect((await t.owner.get('/api/alerts?state=snoozed')).body.items).toEqual([]);
  });

  it('leaves an open alert as it is', async () => {
    const { aSoon } = await threeAlerts();
    const res = await t.owner.post(`/api/alerts/${aSoon.id}/reopen`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(aSoon);
  });

  it('answers 403 to a viewer and changes nothing', async () => {
    const { aOverdue } = await threeAlerts();
    await t.owner.post(`/api/alerts/${aOverdue.id}/ack`);
    const viewer = await addMember(t, { role: 'viewer' });
    const res = await viewer.client.post(`/api/alerts/${aOverdue.id}/reopen`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await t.owner.get('/api/alerts')).body.openCount).toBe(2);
  });

  it('answers 401 without a session and 404 for an unknown alert', async () => {
    const { aOverdue } = await threeAlerts();
    expect((await t.client().post(`/api/alerts/${aOverdue.id}/reopen`)).status).toBe(401);
    const res = await t.owner.post('/api/alerts/no-such-alert/reopen');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
