import { describe, expect, it } from 'vitest';
import type { RiskCount } from '../../../shared/schemas/risk';
import { signInAs } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

// The test clock stands at 2026-03-01T12:00:00Z; lead times default to 48 h (draft), 24 h (go-live).
async function addDeliverable(t: Workspace, input: Record<string, unknown>) {
  const res = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    platform: 'tiktok',
    title: 'Post',
    ...input,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

async function riskCount(client: Workspace['owner']): Promise<RiskCount> {
  const res = await client.get('/api/risk');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('GET /api/risk', () => {
  it('counts deliverables overdue and due soon across the workspace, each once', async () => {
    const t = await apps.workspace();
    // Overdue draft (its go-live far ahead) and a missed go-live.
    await addDeliverable(t, {
      draftDueAt: '2026-02-28T09:00:00Z',
      publishAt: '2026-04-01T17:00:00Z',
    });
    await addDeliverable(t, { publishAt: '2026-02-20T17:00:00Z', status: 'scheduled' });
    // Both moments at risk: counted once, as overdue.
    await addDeliverable(t, {
      draftDueAt: '2026-03-01T11:00:00Z',
      publishAt: '2026-03-02T09:00:00Z',
    });
    // Late on both moments: counted once.
    await addDeliverable(t, {
      draftDueAt: '2026-02-10T09:00:00Z',
      publishAt: '2026-02-15T17:00:00Z',
    });
    // Due soon: a go-live in 20 hours, a draft in 47.
    await addDeliverable(t, { publishAt: '2026-03-02T08:00:00Z' });
    await addDeliverable(t, {
      draftDueAt: '2026-03-03T11:00:00Z',
      publishAt: '2026-03-20T17:00:00Z',
    });
    // Not at risk: a handed-in draft past its due day, go-live well ahead; one far ahead;
    // a published one long past; a cancelled one.
    await addDeliverable(t, {
      status: 'in_review',
      draftDueAt: '2026-02-25T09:00:00Z',
      publishAt: '2026-03-10T17:00:00Z',
    });
    await addDeliverable(t, { publishAt: '2026-05-01T17:00:00Z' });
    await addDeliverable(t, {
      status: 'published',
      liveUrl: 'https://tiktok.example/v/1',
      publishAt: '2026-02-01T17:00:00Z',
    });
    await addDeliverable(t, { status: 'cancelled', publishAt: '2026-02-02T17:00:00Z' });

    expect(await riskCount(t.owner)).toEqual({ overdue: 4, dueSoon: 2, atRisk: 6 });
  });

  it('moves with the clock and the workspace lead times', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { publishAt: '2026-03-03T12:00:00Z' });
    expect(await riskCount(t.owner)).toEqual({ overdue: 0, dueSoon: 0, atRisk: 0 });

    const settings = (await t.owner.get('/api/settings')).body;
    const patched = await t.owner.patch('/api/settings', {
      version: settings.version,
      leadTimes: { publishDueSoonHours: 72 },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(await riskCount(t.owner)).toEqual({ overdue: 0, dueSoon: 1, atRisk: 1 });

    t.clock.advance(48 * 60 * 60 * 1000);
    expect(await riskCount(t.owner)).toEqual({ overdue: 1, dueSoon: 0, atRisk: 1 });
  });

  it('answers a viewer, and 401 to a caller who is not signed in', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { publishAt: '2026-02-27T12:00:00Z' });
    const { client: viewer } = await signInAs(t, 'viewer');
    expect(await riskCount(viewer)).toEqual({ overdue: 1, dueSoon: 0, atRisk: 1 });
    expectApiError(await t.client().get('/api/risk'), 401);
  });
});
