import { describe, expect, it } from 'vitest';
import { expectApiError, expectRefused, trackApps } from '../helpers';
import { unchecked } from '../../support/app';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

async function newDeliverable(t: Workspace, fields: Record<string, unknown> = {}) {
  const res = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    title: 'Serum reel',
    platform: 'instagram',
    publishAt: '2026-03-05T09:00:00Z',
    ...fields,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('proof of post: the live URL', () => {
  it('refuses to create a published deliverable without its live URL, naming liveUrl and writing nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 400, paths: ['liveUrl'], message: /live URL/ }, () =>
      t.owner.post('/api/deliverables', {
        dealId: t.deal.id,
        title: 'Serum reel',
        platform: 'instagram',
        status: 'published',
      }),
    );
  });

  it('refuses to mark a deliverable published without a live URL, and keeps its version', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, { status: 'scheduled' });
    const res = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 1,
      status: 'published',
    });
    expectApiError(res, 400, { paths: ['liveUrl'] });
    const stored = (await t.owner.get(`/api/deliverables/${d.id}`)).body;
    expect(stored).toMatchObject({ status: 'scheduled', version: 1 });
  });

  it('marks it published with the live URL sent along, or saved before', async () => {
    const t = await apps.workspace();
    const a = await newDeliverable(t);
    const sentAlong = await t.owner.patch(`/api/deliverables/${a.id}`, {
      version: 1,
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
    });
    expect(sentAlong.status).toBe(200);
    expect(sentAlong.body).toMatchObject({
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
    });

    const b = await newDeliverable(t, { liveUrl: 'https://instagram.example/p/def' });
    const savedBefore = await t.owner.patch(`/api/deliverables/${b.id}`, {
      version: 1,
      status: 'published',
    });
    expect(savedBefore.status).toBe(200);
  });

  it('refuses to clear the live URL of a published deliverable', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, {
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
    });
    const res = await t.owner.patch(`/api/deliverables/${d.id}`, { version: 1, liveUrl: null });
    expectApiError(res, 400, { paths: ['liveUrl'] });
  });
});

describe('disclosure checklist', () => {
  it('derives disclosureDone from the checklist and answers every item', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, { disclosure: { adInCaption: true } });
    expect(d).toMatchObject({
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: false, adInCaption: true, brandedContentToggle: false },
    });

    const more = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 1,
      disclosure: { paidPartnershipLabel: true },
    });
    expect(more.body).toMatchObject({
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: true, adInCaption: true, brandedContentToggle: false },
    });

    const none = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 2,
      disclosure: { paidPartnershipLabel: false, adInCaption: false },
    });
    expect(none.body).toMatchObject({ disclosureDone: false, version: 3 });
  });

  it('keeps disclosureDone as sent when it comes with the checklist or alone', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, { disclosureDone: true });
    expect(d).toMatchObject({
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: false, adInCaption: false, brandedContentToggle: false },
    });
    const res = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 1,
      disclosureDone: false,
      disclosure: { brandedContentToggle: true },
    });
    expect(res.body).toMatchObject({
      disclosureDone: false,
      disclosure: { brandedContentToggle: true },
    });
  });

  it('warns when a deliverable is published without disclosure, and not once it is disclosed', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t);
    const published = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 1,
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
    });
    expect(published.status).toBe(200);
    expect(published.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'published_without_disclosure',
    ]);
    expect((await t.owner.get(`/api/deliverables/${d.id}`)).body.warnings).toHaveLength(1);

    const disclosed = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 2,
      disclosure: { paidPartnershipLabel: true },
    });
    expect(disclosed.body.warnings).toEqual([]);
  });

  it('answers 400 naming the checklist item that is not a boolean', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t);
    const res = await t.owner.patch(
      `/api/deliverables/${d.id}`,
      unchecked({
        version: 1,
        disclosure: { adInCaption: 'yes' },
      }),
    );
    expectApiError(res, 400, { paths: ['disclosure.adInCaption'] });
  });
});

describe('draft links', () => {
  it('stores the links the brand will review and validates each URL', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, {
      draftLinks: [{ label: 'Rough cut', url: 'https://drive.example/rough' }],
    });
    expect(d.draftLinks).toEqual([{ label: 'Rough cut', url: 'https://drive.example/rough' }]);

    const bad = await t.owner.patch(`/api/deliverables/${d.id}`, {
      version: 1,
      draftLinks: [
        { label: 'Ok', url: 'https://drive.example/ok' },
        { label: 'Bad', url: 'javascript:alert(1)' },
      ],
    });
    expectApiError(bad, 400, { paths: ['draftLinks.1.url'] });
    expect((await t.owner.get(`/api/deliverables/${d.id}`)).body.draftLinks).toHaveLength(1);
  });
});

describe('metrics and engagement rate', () => {
  it('computes (likes + comments + shares + saves) / views', async () => {
    const t = await apps.workspace();
    const d = await newDeliverable(t, {
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
      metrics: { views: 10_000, likes: 420, comments: 30, shares: 25, saves: 25, clicks: 90 },
    });
    expect(d.engagementRate).toBe(0.05);
    const listed = (await t.owner.get('/api/deliverables')).body.items[0];
    expect(listed!.engagementRate).toBe(0.05);
  });

  it('is null without views or without any interaction', async () => {
    const t = await apps.workspace();
    expect((await newDeliverable(t, { metrics: { likes: 5 } })).engagementRate).toBeNull();
    expect(
      (await newDeliverable(t, { metrics: { views: 0, likes: 5 } })).engagementRate,
    ).toBeNull();
    expect(
      (await newDeliverable(t, { metrics: { views: 100, clicks: 5 } })).engagementRate,
    ).toBeNull();
  });
});

describe('exclusivity guard', () => {
  /** Acme (beauty) holds beauty exclusivity in March–April; Globex is beauty too, Initech is tech. */
  async function exclusiveWorkspace() {
    const t = await apps.workspace();
    const brand = async (name: string, category: string | null) =>
      (await t.owner.post('/api/brands', { name, category })).body;
    const acme = await brand('Acme Beauty', 'Beauty');
    const globex = await brand('Globex Cosmetics', 'beauty');
    const initech = await brand('Initech', 'tech');
    const deal = async (brandId: string, fields: Record<string, unknown> = {}) =>
      (
        await t.owner.post('/api/deals', {
          brandId,
          title: 'Deal',
          status: 'contracted',
          ...fields,
        })
      ).body;
    const acmeDeal = await deal(acme.id, {
      title: 'Spring serum',
      contractSignedOn: '2026-03-01',
      exclusivityCategory: 'beauty',
      exclusivityUntil: '2026-04-30',
    });
    const globexDeal = await deal(globex.id);
    const initechDeal = await deal(initech.id);
    const post = async (dealId: string, publishAt: string, title = 'Post') => {
      const res = await t.owner.post('/api/deliverables', {
        dealId,
        title,
        platform: 'tiktok',
        publishAt,
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    return { ...t, acme, globex, acmeDeal, globexDeal, initechDeal, post };
  }

  it('warns when another brand of the category goes live inside the window', async () => {
    const t = await exclusiveWorkspace();
    const clash = await t.post(t.globexDeal.id, '2026-04-10T15:00:00Z');
    expect(clash.warnings).toEqual([
      {
        code: 'exclusivity_conflict',
        message: expect.stringMatching(
          /Acme Beauty has exclusivity in beauty until Apr 30, 2026.*Spring serum/,
        ),
      },
    ]);
    // The calendar sees it too: the range list carries each item's warnings.
    const list = await t.owner.get(
      `/api/deliverables?from=${encodeURIComponent('2026-04-01T00:00:00Z')}&to=${encodeURIComponent('2026-05-01T00:00:00Z')}`,
    );
    const item = list.body.items.find((i: { id: string }) => i.id === clash.id);
    expect(item!.warnings.map((w: { code: string }) => w.code)).toEqual(['exclusivity_conflict']);
  });

  it('does not warn for the exclusive brand itself, another category, or outside the window', async () => {
    const t = await exclusiveWorkspace();
    const own = await t.post(t.acmeDeal.id, '2026-04-10T15:00:00Z');
    const otherCategory = await t.post(t.initechDeal.id, '2026-04-10T15:00:00Z');
    const after = await t.post(t.globexDeal.id, '2026-05-01T15:00:00Z');
    const beforeSigning = await t.post(t.globexDeal.id, '2026-02-27T15:00:00Z');
    for (const d of [own, otherCategory, after, beforeSigning]) expect(d.warnings).toEqual([]);
  });

  it('decides the last day in the workspace time zone', async () => {
    const t = await exclusiveWorkspace();
    const settings = (await t.owner.get('/api/settings')).body;
    await t.owner.patch('/api/settings', {
      version: settings.version,
      timeZone: 'America/Los_Angeles',
    });
    // 2026-05-01T03:00Z is still April 30 in Los Angeles: inside the window.
    const late = await t.post(t.globexDeal.id, '2026-05-01T03:00:00Z');
    expect(late.warnings.map((w: { code: string }) => w.code)).toEqual(['exclusivity_conflict']);
  });

  it('stops warning once the exclusive deal is cancelled', async () => {
    const t = await exclusiveWorkspace();
    const clash = await t.post(t.globexDeal.id, '2026-04-10T15:00:00Z');
    await t.owner.patch(`/api/deals/${t.acmeDeal.id}`, {
      version: t.acmeDeal.version,
      status: 'cancelled',
    });
    expect((await t.owner.get(`/api/deliverables/${clash.id}`)).body.warnings).toEqual([]);
  });
});
