import { describe, expect, it } from 'vitest';
import { runAlertScan } from '../../../server/alerts/scan';
import { hashToken } from '../../../server/auth/tokens';
import {
  metricSnapshotSchema,
  reportLinkCreatedSchema,
  reportViewSchema,
  testimonialSchema,
  type ReportLinkCreated,
} from '../../../shared/schemas/report';
import { signInAs, unchecked, type TestClient } from '../../support/app';
import { pdfText } from '../../support/pdf-text';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it; the zone is UTC.
const DAY = 24 * 3_600_000;

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

async function published(
  t: Workspace,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const res = await t.owner.post(
    '/api/deliverables',
    unchecked({
      dealId: t.deal.id,
      status: 'published',
      disclosureDone: true,
      liveUrl: 'https://example.com/post',
      ...body,
    }),
  );
  if (res.status !== 201) throw new Error(`deliverable failed: ${res.status} ${res.text}`);
  return res.body as { id: string; version: number };
}

const measure = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.post(`/api/deliverables/${id}/metrics`, unchecked(body));

async function share(client: TestClient, dealId: string, body: Record<string, unknown> = {}) {
  const res = await client.post(`/api/deals/${dealId}/report-links`, unchecked(body));
  if (res.status !== 201) throw new Error(`report link failed: ${res.status} ${res.text}`);
  return res.body as ReportLinkCreated;
}

const view = (t: Workspace, token: string) => t.client().get(`/api/report-links/${token}`);
const leave = (t: Workspace, token: string, body: Record<string, unknown>) =>
  t.client().post(`/api/report-links/${token}/testimonial`, unchecked(body));
const QUOTE = { quote: 'Sold out in a week.', name: 'Bea Brand', title: 'CMO', mayPublish: true };

/** The video's second measurement in `campaign`: its latest metrics. */
const VIDEO_LATEST = {
  views: 40_000,
  likes: 2_000,
  comments: 100,
  shares: 50,
  saves: 50,
  clicks: 300,
};

/** A deal with two posts gone live (TikTok and Instagram), measured twice and once. */
async function campaign(t: Workspace) {
  const video = await published(t, {
    title: 'Launch video',
    platform: 'tiktok',
    format: 'video',
    publishAt: '2026-02-10T17:00:00Z',
    liveUrl: 'https://www.tiktok.com/@casey/video/1',
  });
  const reel = await published(t, {
    title: 'Launch reel',
    platform: 'instagram',
    format: 'reel',
    publishAt: '2026-02-12T17:00:00Z',
    liveUrl: 'https://www.instagram.com/p/abc',
    disclosureDone: false,
  });
  await measure(t.owner, video.id, { measuredOn: '2026-02-11', views: 10_000, likes: 500 });
  await measure(t.owner, video.id, { measuredOn: '2026-02-17', ...VIDEO_LATEST });
  await measure(t.owner, reel.id, { measuredOn: '2026-02-19', views: 20_000, likes: 1_000 });
  return { video, reel };
}

describe('POST /api/deliverables/:id/metrics', () => {
  it("keeps each day's snapshot and makes the latest the deliverable's metrics (201)", async () => {
    const t = await apps.workspace();
    const { video } = await campaign(t);
    const list = await t.owner.get(`/api/deliverables/${video.id}/metrics`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s) => s.measuredOn)).toEqual(['2026-02-11', '2026-02-17']);
    for (const s of list.body.items) metricSnapshotSchema.parse(s);
    const deliverable = (await t.owner.get(`/api/deliverables/${video.id}`)).body;
    expect(deliverable.metrics).toEqual(VIDEO_LATEST);
    expect(deliverable.engagementRate).toBe(0.055);
    expect(deliverable.version).toBe(video.version + 2);
  });

  it('corrects a day measured again, and an older day leaves the latest in place', async () => {
    const t = await apps.workspace();
    const { video } = await campaign(t);
    const again = await measure(t.owner, video.id, { measuredOn: '2026-02-11', views: 12_000 });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ measuredOn: '2026-02-11', metrics: { views: 12_000 } });
    const rows = await t.db.selectFrom('metricSnapshots').selectAll().execute();
    expect(rows.filter((r) => r.deliverableId === video.id)).toHaveLength(2);
    const deliverable = (await t.owner.get(`/api/deliverables/${video.id}`)).body;
    expect(deliverable.metrics.views).toBe(40_000);
  });

  it("keeps counts typed into the deliverable's own form as today's snapshot, once a post is live", async () => {
    const t = await apps.workspace();
    const { video } = await campaign(t);
    const days = async (id: string) =>
      (await t.owner.get(`/api/deliverables/${id}/metrics`)).body.items.map((s) => [
        s.measuredOn,
        s.metrics.views,
      ]);
    const current = (await t.owner.get(`/api/deliverables/${video.id}`)).body;
    const edited = await t.owner.patch(`/api/deliverables/${video.id}`, {
      version: current.version,
      metrics: { ...current.metrics, views: 55_000 },
    });
    expect(edited.status, edited.text).toBe(200);
    // The test clock reads 2026-03-01 (UTC): the edit is that day's measurement.
    expect(await days(video.id)).toEqual([
      ['2026-02-11', 10_000],
      ['2026-02-17', 40_000],
      ['2026-03-01', 55_000],
    ]);
    // A second edit the same day corrects it; an edit that leaves the counts alone adds nothing.
    const again = await t.owner.patch(`/api/deliverables/${video.id}`, {
      version: edited.body.version,
      metrics: { ...current.metrics, views: 56_000 },
    });
    const renamed = await t.owner.patch(`/api/deliverables/${video.id}`, {
      version: again.body.version,
      title: 'Launch video (final)',
    });
    expect(renamed.status).toBe(200);
    expect((await days(video.id)).at(-1)).toEqual(['2026-03-01', 56_000]);
    expect(await days(video.id)).toHaveLength(3);
    // Counts on a post not live yet are a plan, not a measurement.
    const planned = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Later post',
      platform: 'instagram',
    });
    const typed = await t.owner.patch(`/api/deliverables/${planned.body.id}`, {
      version: planned.body.version,
      metrics: { views: 1 },
    });
    expect(typed.status, typed.text).toBe(200);
    expect(await days(planned.body.id)).toEqual([]);
  });

  it('names each bad field (400) and writes nothing', async () => {
    const t = await apps.workspace();
    const { video } = await campaign(t);
    const before = await t.db.selectFrom('metricSnapshots').selectAll().execute();
    expectApiError(await measure(t.owner, video.id, { views: -1, likes: 'many' }), 400, {
      paths: ['measuredOn', 'views', 'likes'],
    });
    expectApiError(await measure(t.owner, video.id, { measuredOn: '2026-03-02', views: 1 }), 400, {
      paths: ['measuredOn'],
    });
    expect(await t.db.selectFrom('metricSnapshots').selectAll().execute()).toEqual(before);
  });

  it('answers 409 for a deliverable not published yet, 404 for an unknown one, 403 for a viewer', async () => {
    const t = await apps.workspace();
    const planned = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Later',
      platform: 'youtube',
    });
    expectApiError(await measure(t.owner, planned.body.id, { measuredOn: '2026-02-20' }), 409);
    expectApiError(await measure(t.owner, 'nope', { measuredOn: '2026-02-20' }), 404);
    const { video } = await campaign(t);
    const { client: viewer } = await signInAs(t, 'viewer');
    expectApiError(await measure(viewer, video.id, { measuredOn: '2026-02-20', views: 1 }), 403);
    expect(await t.db.selectFrom('metricSnapshots').selectAll().execute()).toHaveLength(3);
  });
});

describe('POST /api/deals/:id/report-links', () => {
  it('shares the report on an unguessable link kept only as its hash (201)', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post(`/api/deals/${t.deal.id}/report-links`, { summary: 'Hi!' });
    expect(res.status).toBe(201);
    const created = reportLinkCreatedSchema.parse(res.body);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toMatch(new RegExp(`/report/${created.token}$`));
    expect(created).toMatchObject({ state: 'active', summary: 'Hi!', revokedAt: null });
    expect(Date.parse(created.expiresAt) - Date.parse('2026-03-01T12:00:00Z')).toBe(90 * DAY);
    const row = await t.db.selectFrom('reportLinks').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await t.db.selectFrom('auditLog').selectAll().execute();
    expect(JSON.stringify(audit)).not.toContain(created.token);
    const list = await t.owner.get(`/api/deals/${t.deal.id}/report-links`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.id, state: 'active' })]);
    expect(JSON.stringify(list.body)).not.toContain(created.token);
  });

  it('names bad fields (400), answers 404 for an unknown deal', async () => {
    const t = await apps.workspace();
    expectApiError(
      await t.owner.post(
        `/api/deals/${t.deal.id}/report-links`,
        unchecked({ summary: 'x'.repeat(4001), expiresInDays: 0 }),
      ),
      400,
      { paths: ['summary', 'expiresInDays'] },
    );
    expectApiError(await t.owner.post('/api/deals/nope/report-links', {}), 404);
    expect(await t.db.selectFrom('reportLinks').selectAll().execute()).toEqual([]);
  });

  it('revokes a link: it then answers the same 404 as an unknown token; twice is 409', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    expect((await view(t, link.token)).status).toBe(200);
    const res = await t.owner.post(`/api/deals/${t.deal.id}/report-links/${link.id}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('revoked');
    const dead = await view(t, link.token);
    const unknown = await view(t, 'A'.repeat(43));
    expectApiError(dead, 404);
    expect(dead.body).toEqual(unknown.body);
    expectApiError(
      await t.owner.post(`/api/deals/${t.deal.id}/report-links/${link.id}/revoke`),
      409,
    );
  });

  it('an expired link answers the same 404 as an unknown one', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id, { expiresInDays: 1 });
    t.clock.advance(DAY);
    const dead = await view(t, link.token);
    expectApiError(dead, 404);
    expect(dead.body).toEqual((await view(t, 'unknown')).body);
    const pdf = await t.client().get(`/api/report-links/${link.token}/pdf`);
    expect(pdf.status).toBe(404);
    expectApiError(await leave(t, link.token, QUOTE), 404);
    expect((await t.owner.get(`/api/deals/${t.deal.id}/report-links`)).body.items[0]!.state).toBe(
      'expired',
    );
  });
});

describe('GET /api/report-links/:token', () => {
  it('shows every deliverable with its latest metrics, growth, totals, platforms and averages', async () => {
    const t = await apps.workspace();
    await campaign(t);
    const link = await share(t.owner, t.deal.id, { summary: 'Both posts beat our average.' });
    const res = await view(t, link.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const report = reportViewSchema.parse(res.body);
    expect(report).toMatchObject({
      workspaceName: 'My workspace',
      brandName: 'Acme',
      dealTitle: 'Launch',
      summary: 'Both posts beat our average.',
      sharedOn: '2026-03-01',
      totals: {
        deliverables: 2,
        metrics: { views: 60_000, likes: 3_000, comments: 100, clicks: 300 },
        engagementRate: 0.0533,
      },
      averages: { metrics: { views: 30_000, likes: 1_500 } },
      disclosure: { disclosed: 1, published: 2 },
      promised: null,
    });
    expect(report.platforms).toEqual([
      expect.objectContaining({ platform: 'tiktok', deliverables: 1, engagementRate: 0.055 }),
      expect.objectContaining({ platform: 'instagram', deliverables: 1, engagementRate: 0.05 }),
    ]);
    const [video, reel] = report.deliverables;
    expect(video).toMatchObject({
      title: 'Launch video',
      platform: 'tiktok',
      format: 'video',
      postedOn: '2026-02-10',
      liveUrl: 'https://www.tiktok.com/@casey/video/1',
      disclosed: true,
      measuredOn: '2026-02-17',
      firstMeasuredOn: '2026-02-11',
      growth: { views: 30_000, likes: 1_500, comments: null },
    });
    expect(video!.history).toHaveLength(2);
    expect(reel).toMatchObject({ disclosed: false, growth: null, measuredOn: '2026-02-19' });
  });

  it('compares what the accepted proposal promised with what went live', async () => {
    const t = await apps.workspace();
    await campaign(t);
    await t.db
      .insertInto('proposals')
      .values({
        id: 'p1',
        dealId: t.deal.id,
        version: 1,
        status: 'accepted',
        terms: JSON.stringify({
          items: [
            {
              description: 'TikTok video',
              quantity: 2,
              unitCents: 1,
              platform: 'tiktok',
              format: 'video',
              publishOn: null,
            },
            {
              description: 'Usage',
              quantity: 1,
              unitCents: 1,
              platform: null,
              format: null,
              publishOn: null,
            },
          ],
          currency: 'EUR',
          totalCents: 3,
          paymentTermsDays: 14,
          paymentTrigger: 'contract_signed',
          usageRightsUntil: null,
          exclusivityCategory: null,
          exclusivityUntil: null,
          revisionRounds: null,
          note: '',
        }),
        tokenHash: 'x',
        expiresOn: '2026-03-10',
        createdAt: '2026-02-01T00:00:00.000Z',
        updatedAt: '2026-02-01T00:00:00.000Z',
      })
      .execute();
    const link = await share(t.owner, t.deal.id);
    const report = (await view(t, link.token)).body;
    expect(report.promised).toEqual([
      { description: 'TikTok video', quantity: 2, platform: 'tiktok', format: 'video', live: 1 },
      { description: 'Usage', quantity: 1, platform: null, format: null, live: 2 },
    ]);
  });

  it('shows nothing of the fee, other deals or the team', async () => {
    const t = await apps.workspace();
    await campaign(t);
    const other = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Secret other deal',
      feeCents: 777_777,
    });
    await t.owner.post('/api/deliverables', {
      dealId: other.body.id,
      title: 'Other deal post',
      platform: 'youtube',
    });
    const link = await share(t.owner, t.deal.id);
    const text = (await view(t, link.token)).text;
    for (const secret of [
      'Secret other deal',
      'Other deal post',
      '100000',
      '1,000.00',
      'feeCents',
      t.user.email,
      t.user.name,
      t.deal.id,
      link.id,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('counts views per link in the database and answers 429 past the limit', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    await t.db
      .insertInto('publicHits')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          id: `h${i}`,
          key: `report-view:${hashToken(link.token)}`,
          at: '2026-03-01T11:30:00.000Z',
        })),
      )
      .execute();
    const res = await view(t, link.token);
    expectApiError(res, 429);
    expect(res.headers.get('retry-after')).toBe('1800');
  });
});

describe('GET /api/report-links/:token/pdf', () => {
  it('prints the report: totals, each deliverable with its growth, no fee', async () => {
    const t = await apps.workspace();
    await campaign(t);
    const link = await share(t.owner, t.deal.id, { summary: 'Both posts beat our average.' });
    const res = await t.app.request(`http://localhost/api/report-links/${link.token}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const words of [
      'Campaign report: Launch',
      'From My workspace for Acme',
      'Both posts beat our average.',
      '2 live',
      'Views 60,000',
      'Engagement 5.33%',
      'TikTok (1)',
      'Launch video',
      'https://www.tiktok.com/@casey/video/1',
      'Views +30,000',
      'Disclosure: 1 of 2',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/1,000\.00|\$|€/);
  });
});

describe('POST /api/report-links/:token/testimonial', () => {
  it('keeps the testimonial as text, unpublished until the owner features it', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    const quote = '<script>alert(1)</script> Loved it & would book again';
    const res = await leave(t, link.token, { ...QUOTE, quote });
    expect(res.status).toBe(201);
    const list = await t.owner.get('/api/testimonials');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: res.body.id,
        quote,
        name: 'Bea Brand',
        brandName: 'Acme',
        dealTitle: 'Launch',
        mayPublish: true,
        featured: false,
      }),
    ]);
    testimonialSchema.parse(list.body.items[0]);
    const kit = await t.owner.patch('/api/kit', {
      published: true,
      slug: 'casey',
      displayName: 'Casey',
      version: 1,
    });
    expect(kit.status).toBe(200);
    const before = await t.client().get('/kit/casey');
    expect(before.text).not.toContain('Loved it');
    const featured = await t.owner.patch(`/api/testimonials/${res.body.id}`, { featured: true });
    expect(featured.status).toBe(200);
    expect(featured.body.featured).toBe(true);
    const page = (await t.client().get('/kit/casey')).text;
    expect(page).toContain('Loved it &amp; would book again');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('Acme');
    const off = await t.owner.patch(`/api/testimonials/${res.body.id}`, { featured: false });
    expect(off.body.featured).toBe(false);
    expect((await t.client().get('/kit/casey')).text).not.toContain('Loved it');
  });

  it('refuses to feature one the brand did not allow (409), and only the owner features (403)', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    const res = await leave(t, link.token, { ...QUOTE, mayPublish: false });
    expectApiError(
      await t.owner.patch(`/api/testimonials/${res.body.id}`, { featured: true }),
      409,
    );
    const allowed = await leave(t, link.token, QUOTE);
    const { client: editor } = await signInAs(t, 'editor');
    expectApiError(
      await editor.patch(`/api/testimonials/${allowed.body.id}`, { featured: true }),
      403,
    );
    const rows = await t.db.selectFrom('testimonials').select('featured').execute();
    expect(rows.map((r) => Boolean(r.featured))).toEqual([false, false]);
  });

  it('names each bad field (400) and writes nothing', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    expectApiError(
      await leave(t, link.token, {
        quote: 'x'.repeat(1001),
        name: ' ',
        title: 'a\nb',
        mayPublish: 'yes',
      }),
      400,
      { paths: ['quote', 'name', 'title', 'mayPublish'] },
    );
    expect(await t.db.selectFrom('testimonials').selectAll().execute()).toEqual([]);
  });

  it('is rate-limited per link in the database (429)', async () => {
    const t = await apps.workspace();
    const link = await share(t.owner, t.deal.id);
    for (let i = 0; i < 5; i++) expect((await leave(t, link.token, QUOTE)).status).toBe(201);
    const res = await leave(t, link.token, QUOTE);
    expectApiError(res, 429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await t.db.selectFrom('testimonials').selectAll().execute()).toHaveLength(5);
  });
});

describe('report_due alert', () => {
  const scan = (t: Workspace) =>
    runAlertScan({ db: t.db, now: t.clock.now(), emailEnabled: false });
  const reportAlerts = async (t: Workspace) =>
    (await t.owner.get('/api/alerts?rule=report_due')).body.items;

  it('reminds the lead time after the last go-live, until a report is shared', async () => {
    const t = await apps.workspace();
    await published(t, { title: 'A', platform: 'tiktok', publishAt: '2026-02-25T12:00:00Z' });
    await scan(t);
    expect(await reportAlerts(t)).toEqual([]); // 4 days, the default lead is 7
    t.clock.advance(3 * DAY);
    await scan(t);
    const [alert] = await reportAlerts(t);
    expect(alert!.message).toContain('Launch');
    expect(alert).toMatchObject({
      subjectType: 'deal',
      subjectId: t.deal.id,
      dueAt: '2026-03-04T12:00:00.000Z',
    });
    await scan(t);
    expect(await reportAlerts(t)).toHaveLength(1);
    await share(t.owner, t.deal.id);
    await scan(t);
    expect(await reportAlerts(t)).toEqual([]);
  });

  it('waits while a deliverable is still to come, and is off at 0', async () => {
    const t = await apps.workspace();
    await published(t, { title: 'A', platform: 'tiktok', publishAt: '2026-02-01T12:00:00Z' });
    const later = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'B',
      platform: 'youtube',
      publishAt: '2026-03-20T12:00:00Z',
    });
    await scan(t);
    expect(await reportAlerts(t)).toEqual([]);
    const settings = (await t.owner.get('/api/settings')).body;
    await t.owner.patch('/api/settings', {
      version: settings.version,
      leadTimes: { reportDueDays: 0 },
    });
    await t.owner.delete(`/api/deliverables/${later.body.id}`);
    await scan(t);
    expect(await reportAlerts(t)).toEqual([]);
    const again = (await t.owner.get('/api/settings')).body;
    expect(again.leadTimes.reportDueDays).toBe(0);
    await t.owner.patch('/api/settings', {
      version: again.version,
      leadTimes: { reportDueDays: 7 },
    });
    await scan(t);
    expect(await reportAlerts(t)).toHaveLength(1);
  });
});
