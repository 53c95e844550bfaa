import { describe, expect, it } from 'vitest';
import { signInAs, unchecked } from '../../support/app';
import { addDeliverable, expectApiError, rowCounts, trackApps } from '../helpers';

const apps = trackApps();

async function fullDeliverable(t: Awaited<ReturnType<typeof apps.workspace>>) {
  const res = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    title: 'Weekly TikTok',
    platform: 'tiktok',
    format: 'video',
    status: 'published',
    draftDueAt: '2026-03-02T09:00:00Z',
    publishAt: '2026-03-05T17:00:00Z',
    assigneeId: t.user.id,
    caption: 'Try it #ad',
    brief: 'Show the unboxing',
    disclosure: { adInCaption: true },
    draftLinks: [{ label: 'Cut 1', url: 'https://drive.example/1' }],
    liveUrl: 'https://tiktok.example/v/1',
    metrics: { views: 1000, likes: 50 },
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; dealId: string };
}

describe('POST /api/deliverables/:id/duplicate', () => {
  it('copies the work, not the progress: a planned copy whose draft keeps its distance', async () => {
    const t = await apps.workspace();
    const source = await fullDeliverable(t);
    const res = await t.owner.post(`/api/deliverables/${source.id}/duplicate`, {
      publishAt: '2026-03-12T17:00:00Z',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      dealId: t.deal.id,
      brandId: t.brand.id,
      title: 'Weekly TikTok',
      platform: 'tiktok',
      format: 'video',
      caption: 'Try it #ad',
      brief: 'Show the unboxing',
      assigneeId: t.user.id,
      status: 'planned',
      publishAt: '2026-03-12T17:00:00.000Z',
      draftDueAt: '2026-03-09T09:00:00.000Z',
      liveUrl: null,
      draftLinks: [],
      disclosureDone: false,
      metrics: { views: null, likes: null },
      version: 1,
    });
    expect(res.body.id).not.toBe(source.id);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'deliverable')
      .orderBy('id')
      .execute();
    expect(audit.at(-1)).toEqual({ action: 'create', entityId: res.body.id });
    // The original is untouched.
    expect((await t.owner.get(`/api/deliverables/${source.id}`)).body).toMatchObject({
      status: 'published',
      version: 1,
    });
  });

  it('copies into another deal (and its brand), and leaves the draft empty when it was', async () => {
    const t = await apps.workspace();
    const other = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
    const deal = (await t.owner.post('/api/deals', { brandId: other.id, title: 'Spring' })).body;
    const source = await addDeliverable(t, {
      title: 'Story',
      platform: 'instagram',
      publishAt: '2026-03-05T17:00:00Z',
    });
    const res = await t.owner.post(`/api/deliverables/${source.id}/duplicate`, {
      publishAt: '2026-04-01T08:00:00+02:00',
      dealId: deal.id,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      dealId: deal.id,
      brandId: other.id,
      publishAt: '2026-04-01T06:00:00.000Z',
      draftDueAt: null,
    });
  });

  it('answers 404 for an unknown deliverable, 400 naming fields, 403 for a viewer; writes nothing', async () => {
    const t = await apps.workspace();
    const source = await fullDeliverable(t);
    const viewer = (await signInAs(t, 'viewer')).client;
    const before = await rowCounts(t);
    expectApiError(
      await t.owner.post('/api/deliverables/nope/duplicate', { publishAt: '2026-03-12T17:00:00Z' }),
      404,
    );
    expectApiError(
      await t.owner.post(`/api/deliverables/${source.id}/duplicate`, unchecked({})),
      400,
      {
        paths: ['publishAt'],
      },
    );
    expectApiError(
      await t.owner.post(`/api/deliverables/${source.id}/duplicate`, {
        publishAt: 'next friday',
        dealId: '',
      }),
      400,
      { paths: ['publishAt', 'dealId'] },
    );
    expectApiError(
      await t.owner.post(`/api/deliverables/${source.id}/duplicate`, {
        publishAt: '2026-03-12T17:00:00Z',
        dealId: 'nope',
      }),
      400,
      { paths: ['dealId'] },
    );
    expectApiError(
      await viewer.post(`/api/deliverables/${source.id}/duplicate`, {
        publishAt: '2026-03-12T17:00:00Z',
      }),
      403,
    );
    expect(await rowCounts(t)).toEqual(before);
  });
});
