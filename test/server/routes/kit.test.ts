import { describe, expect, it } from 'vitest';
import { createDeal } from '../../support/invoices';
import { addUser, signInAs, type TestClient, unchecked } from '../../support/app';
import {
  dataSnapshot,
  expectApiError,
  expectRefused,
  expectToContainAll,
  trackApps,
} from '../helpers';
import type { DeliverableStatus, Format, Platform } from '../../../shared/schemas/deliverable';
import type { RequestBody } from '../../support/api-types';
import { DEFAULT_REQUEST_FORM } from '../../../shared/schemas/request';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

interface DeliverableOptions {
  title?: string;
  dealId?: string;
  platform?: Platform;
  format?: Format;
  status?: DeliverableStatus;
  caption?: string;
  publishAt?: string;
  metrics?: Record<string, number | null>;
}

/** A deliverable, published with metrics unless told otherwise. */
async function deliverable(t: Workspace, options: DeliverableOptions = {}) {
  const res = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    title: 'Unboxing reel',
    platform: 'instagram',
    format: 'reel',
    status: 'published',
    publishAt: '2026-02-10T15:00:00Z',
    liveUrl: 'https://instagram.example/p/1',
    metrics: { views: 10_000, likes: 350, comments: 40, shares: 10, saves: null, clicks: 120 },
    ...options,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number; title: string };
}

type KitChanges = RequestBody<'PATCH', '/api/kit'>;

const RATE_CARD: NonNullable<KitChanges['rateCard']> = [
  {
    platform: 'instagram',
    format: 'reel',
    priceCents: 250_000,
    currency: 'USD',
    note: 'Includes 30 days of usage',
  },
  { platform: 'instagram', format: 'story', priceCents: 80_050, currency: 'USD' },
  { platform: 'youtube', format: 'integration', priceCents: 400_000, currency: 'EUR' },
];

const AUDIENCE: NonNullable<KitChanges['audience']> = {
  platforms: [
    { platform: 'instagram', handle: '@casey.makes', followers: 120_000, averageViews: 45_000 },
    { platform: 'youtube', handle: 'Casey Makes', followers: 30_500 },
  ],
  demographics: '68% women, mostly 25–34',
  topLocations: 'United States, Canada, United Kingdom',
};

/** Fills and publishes the kit at `casey` with these case studies. */
async function publishKit(client: TestClient, caseStudyIds: string[], version = 1) {
  const res = await client.patch('/api/kit', {
    version,
    slug: 'casey',
    displayName: 'Casey Creator',
    headline: 'Honest tech reviews for busy people',
    bio: 'I test gadgets so you do not have to.',
    contactEmail: 'Partnerships@Casey.example',
    audience: AUDIENCE,
    rateCard: RATE_CARD,
    caseStudyIds,
    published: true,
  });
  expect(res.status, res.text).toBe(200);
  return res.body as { version: number };
}

async function kitPage(t: Workspace, slug = 'casey') {
  // Signed out, always: the page is public.
  return t.client().get(`/kit/${slug}`);
}

describe('GET /api/kit', () => {
  it('answers the defaults at version 1 before anything is saved, and writes nothing', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/kit');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      slug: null,
      displayName: '',
      headline: '',
      bio: '',
      contactEmail: null,
      audience: { platforms: [], demographics: '', topLocations: '' },
      rateCard: [],
      caseStudyIds: [],
      published: false,
      version: 1,
      updatedAt: '2026-03-01T12:00:00.000Z',
      url: null,
      caseStudies: [],
      requestForm: DEFAULT_REQUEST_FORM,
    });
    expect(await t.db.selectFrom('mediaKit').selectAll().execute()).toEqual([]);
  });

  it('may be read by a viewer', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    const { client } = await signInAs(t, 'viewer');
    const res = await client.get('/api/kit');
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Casey Creator');
  });

  it('needs a signed-in user', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().get('/api/kit'), 401);
  });
});

describe('PATCH /api/kit', () => {
  it('saves the first version and answers it, read back the same', async () => {
    const t = await apps.workspace();
    const study = await deliverable(t);
    t.clock.advance(3_600_000);
    const res = await t.owner.patch('/api/kit', {
      version: 1,
      slug: 'casey',
      displayName: '  Casey Creator ',
      headline: 'Honest tech reviews',
      bio: 'Line one\nLine two',
      contactEmail: 'Partnerships@Casey.example',
      audience: AUDIENCE,
      rateCard: RATE_CARD,
      caseStudyIds: [study.id],
      published: false,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      slug: 'casey',
      displayName: 'Casey Creator',
      headline: 'Honest tech reviews',
      bio: 'Line one\nLine two',
      contactEmail: 'partnerships@casey.example',
      audience: {
        platforms: [
          {
            platform: 'instagram',
            handle: '@casey.makes',
            followers: 120_000,
            averageViews: 45_000,
          },
          { platform: 'youtube', handle: 'Casey Makes', followers: 30_500, averageViews: null },
        ],
        demographics: '68% women, mostly 25–34',
        topLocations: 'United States, Canada, United Kingdom',
      },
      rateCard: [{ ...RATE_CARD[0] }, { ...RATE_CARD[1], note: '' }, { ...RATE_CARD[2], note: '' }],
      caseStudyIds: [study.id],
      published: false,
      version: 2,
      updatedAt: '2026-03-01T13:00:00.000Z',
      url: 'http://localhost:8787/kit/casey',
      requestForm: DEFAULT_REQUEST_FORM,
      caseStudies: [
        {
          id: study.id,
          title: 'Unboxing reel',
          brandName: 'Acme',
          platform: 'instagram',
          format: 'reel',
          publishAt: '2026-02-10T15:00:00.000Z',
          metrics: {
            views: 10_000,
            likes: 350,
            comments: 40,
            shares: 10,
            saves: null,
            clicks: 120,
          },
          engagementRate: 0.04,
        },
      ],
    });
    expect((await t.owner.get('/api/kit')).body).toEqual(res.body);
  });

  it('changes only the fields sent and records the change in the audit trail', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    const res = await t.owner.patch('/api/kit', {
      version: 2,
      headline: 'New headline',
      published: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      headline: 'New headline',
      displayName: 'Casey Creator',
      published: false,
      slug: 'casey',
      version: 3,
    });
    expect(res.body.rateCard).toHaveLength(3);
    const audit = await t.owner.get('/api/audit?entityType=media_kit');
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      entityType: 'media_kit',
      summary: 'Media kit',
    });
  });

  it('refuses an editor with 403 and writes nothing', async () => {
    const t = await apps.workspace();
    const { client } = await signInAs(t, 'editor');
    await expectRefused(t, { status: 403 }, () =>
      client.patch('/api/kit', { version: 1, displayName: 'Mine now' }),
    );
  });

  it('answers 409 when the version is stale', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch('/api/kit', { version: 1, headline: 'Lost update' }),
    );
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await t.owner.patch(
      '/api/kit',
      unchecked({
        version: 1,
        slug: 'Not A Slug',
        contactEmail: 'nope',
        rateCard: [{ platform: 'instagram', format: 'reel', priceCents: -5, currency: 'usd' }],
        audience: {
          platforms: [{ platform: 'myspace', handle: '', followers: 1.5 }],
          demographics: '',
          topLocations: '',
        },
        caseStudyIds: ['a', 'a'],
      }),
    );
    expectApiError(res, 400, {
      code: 'validation_failed',
      paths: [
        'slug',
        'contactEmail',
        'rateCard.0.priceCents',
        'rateCard.0.currency',
        'audience.platforms.0.platform',
        'audience.platforms.0.handle',
        'audience.platforms.0.followers',
        'caseStudyIds.1',
      ],
    });
    const slugIssue = (res.body.error.issues as Array<{ path: string; message: string }>).find(
      (i) => i.path === 'slug',
    );
    expect(slugIssue?.message).toMatch(/lowercase letters, digits and hyphens/);
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('accepts slugs of 3 to 60 characters without a hyphen at either end', async () => {
    const t = await apps.workspace();
    for (const slug of ['ab', '-abc', 'abc-', 'a'.repeat(61), 'ab_c']) {
      expectApiError(await t.owner.patch('/api/kit', { version: 1, slug }), 400, {
        paths: ['slug'],
      });
    }
    const res = await t.owner.patch('/api/kit', { version: 1, slug: `a-${'b'.repeat(58)}` });
    expect(res.status).toBe(200);
    expect(res.body.slug).toHaveLength(60);
  });

  it('needs a slug and a name to publish: 400 naming them, nothing written', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 400, paths: ['slug', 'displayName'] }, () =>
      t.owner.patch('/api/kit', { version: 1, published: true }),
    );
    // A saved kit unpublishes and loses its slug in one go, but cannot lose it while published.
    await publishKit(t.owner, []);
    expectApiError(await t.owner.patch('/api/kit', { version: 2, slug: null }), 400, {
      paths: ['slug'],
    });
    expect(
      (await t.owner.patch('/api/kit', { version: 2, slug: null, published: false })).status,
    ).toBe(200);
  });

  it('takes as case studies only deliverables that exist and are published', async () => {
    const t = await apps.workspace();
    const published = await deliverable(t);
    const scheduled = await deliverable(t, { status: 'scheduled', title: 'Not live yet' });
    const before = await dataSnapshot(t);
    const res = await t.owner.patch('/api/kit', {
      version: 1,
      caseStudyIds: ['no-such-deliverable', published.id, scheduled.id],
    });
    expectApiError(res, 400, { paths: ['caseStudyIds.0', 'caseStudyIds.2'] });
    expect(res.body.error.issues!.map((i: { path: string }) => i.path)).toEqual([
      'caseStudyIds.0',
      'caseStudyIds.2',
    ]);
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('takes at most 12 case studies and 50 rates', async () => {
    const t = await apps.workspace();
    const ids = Array.from({ length: 13 }, (_, i) => `id-${i}`);
    const rate = RATE_CARD[1]!;
    expectApiError(
      await t.owner.patch('/api/kit', {
        version: 1,
        caseStudyIds: ids,
        rateCard: Array(51).fill(rate),
      }),
      400,
      { paths: ['caseStudyIds', 'rateCard'] },
    );
  });
});

describe('GET /api/kit/case-studies', () => {
  it('lists published deliverables with metrics, newest first, without fees, captions or briefs', async () => {
    const t = await apps.workspace();
    const older = await deliverable(t, { title: 'Older', publishAt: '2026-01-05T10:00:00Z' });
    const newer = await deliverable(t, {
      title: 'Newer',
      publishAt: '2026-02-20T10:00:00Z',
      caption: 'secret caption',
    });
    await deliverable(t, { title: 'No numbers', metrics: {} });
    await deliverable(t, { title: 'Planned', status: 'planned' });
    const { client } = await signInAs(t, 'viewer');
    const res = await client.get('/api/kit/case-studies');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id]);
    expect(Object.keys(res.body.items[0]!).sort()).toEqual(
      [
        'brandName',
        'engagementRate',
        'format',
        'id',
        'metrics',
        'platform',
        'publishAt',
        'title',
      ].sort(),
    );
    expect(res.text).not.toContain('secret caption');
  });
});

describe('GET /kit/:slug', () => {
  it('answers the same 404 page for an unknown address and an unpublished kit', async () => {
    const t = await apps.workspace();
    const unknown = await kitPage(t, 'nobody-here');
    await t.owner.patch('/api/kit', { version: 1, slug: 'casey', displayName: 'Casey' });
    const unpublished = await kitPage(t);
    for (const res of [unknown, unpublished]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toContain('No media kit here');
      expect(res.text).toContain('<meta name="robots" content="noindex"');
      expect(res.text).not.toContain('Casey');
    }
    expect(unknown.text).toBe(unpublished.text);
    // Not even an odd path segment gets past the page to the database.
    expect((await t.client().get('/kit/%00')).status).toBe(404);
    expect((await t.client().get(`/kit/${'x'.repeat(500)}`)).status).toBe(404);
  });

  it('answers 404 again once the kit is unpublished', async () => {
    const t = await apps.workspace();
    const { version } = await publishKit(t.owner, []);
    expect((await kitPage(t)).status).toBe(200);
    expect((await t.owner.patch('/api/kit', { version, published: false })).status).toBe(200);
    const res = await kitPage(t);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Casey Creator');
  });

  it('shows the published kit to anyone: profile, audience, rates by platform, contact', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    const res = await kitPage(t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = res.text;
    expectToContainAll(page, [
      '<h1>Casey Creator</h1>',
      'Honest tech reviews for busy people',
      'I test gadgets so you do not have to.',
      // Total followers across platforms.
      '150,500',
      '@casey.makes',
      '68% women, mostly 25–34',
    ]);
    // Grouped: one Instagram table with both of its rates, then YouTube.
    expect(page.match(/<h3>Instagram<\/h3>/g)).toHaveLength(1);
    expect(page.indexOf('<h3>Instagram</h3>')).toBeLessThan(page.indexOf('<h3>YouTube</h3>'));
    // Whole amounts without decimals; others to the cent.
    expectToContainAll(page, [
      '<td class="price">$2,500</td>',
      '<td class="price">$800.50</td>',
      '<td class="price">€4,000</td>',
      'Includes 30 days of usage',
      'href="mailto:partnerships@casey.example"',
    ]);
    expect(page).not.toContain('noindex');
    expect(page).not.toMatch(/<script/i);
  });

  it('is printable: a print stylesheet and a hint to print that needs no script', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    const page = (await kitPage(t)).text;
    expect(page).toContain('@media print');
    expect(page).toMatch(/break-inside: avoid/);
    expect(page).toContain('Print to save this media kit as a PDF');
  });

  it('answers HEAD like GET, without a body', async () => {
    const t = await apps.workspace();
    await publishKit(t.owner, []);
    const head = await t.client().head('/kit/casey');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect((await t.client().head('/kit/other')).status).toBe(404);
  });

  it('shows the picked case studies with their numbers and engagement rate', async () => {
    const t = await apps.workspace();
    const first = await deliverable(t, {
      title: 'Desk setup tour',
      platform: 'youtube',
      format: 'integration',
    });
    const second = await deliverable(t, {
      title: 'Serum first look',
      publishAt: '2026-01-31T23:30:00Z',
      metrics: { views: 1200, likes: 80, comments: null, shares: null, saves: null, clicks: null },
    });
    await publishKit(t.owner, [second.id, first.id]);
    const page = (await kitPage(t)).text;
    expectToContainAll(page, [
      'Desk setup tour',
      'YouTube integration · February 2026',
      '10,000',
      '350',
      '<dd>120</dd>',
      // (350 + 40 + 10) / 10,000 and 80 / 1,200.
      '<dd>4.0%</dd>',
      '<dd>6.67%</dd>',
    ]);
    // In the order picked.
    expect(page.indexOf('Serum first look')).toBeLessThan(page.indexOf('Desk setup tour'));
    // The month is the workspace's: 23:30 UTC on 31 January is February in Tokyo.
    const settings = (await t.owner.get('/api/settings')).body;
    await t.owner.patch('/api/settings', { version: settings.version, timeZone: 'Asia/Tokyo' });
    const tokyo = (await kitPage(t)).text;
    expect(tokyo).toContain('Instagram reel · February 2026');
    expect(page).toContain('Instagram reel · January 2026');
  });

  it('drops a picked deliverable that is no longer published', async () => {
    const t = await apps.workspace();
    const study = await deliverable(t, { title: 'Going back to draft' });
    await publishKit(t.owner, [study.id]);
    expect((await kitPage(t)).text).toContain('Going back to draft');
    const patched = await t.owner.patch(`/api/deliverables/${study.id}`, {
      version: study.version,
      status: 'scheduled',
    });
    expect(patched.status, patched.text).toBe(200);
    const page = await kitPage(t);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Going back to draft');
    expect(page.text).not.toContain('Case studies');
    // The owner's picks are kept (it may be published again); the API shows what the page shows.
    const kit = (await t.owner.get('/api/kit')).body;
    expect(kit.caseStudyIds).toEqual([study.id]);
    expect(kit.caseStudies).toEqual([]);
  });

  it('shows nothing beyond the kit: no fees, deal titles, captions, other deliverables, e-mails or ids', async () => {
    const t = await apps.workspace();
    const deal = await createDeal(t.owner, {
      brandId: t.brand.id,
      title: 'Zanzibar confidential deal',
      feeCents: 9_876_543,
      notes: 'internal note quokka',
    });
    const picked = await deliverable(t, {
      dealId: deal.id,
      title: 'Picked reel',
      caption: 'Caption platypus #ad',
    });
    const other = await deliverable(t, { dealId: deal.id, title: 'Unpicked narwhal video' });
    const teammate = await addUser(t, { role: 'editor', email: 'teammate-wombat@example.com' });
    await publishKit(t.owner, [picked.id]);
    const page = (await kitPage(t)).text;
    expect(page).toContain('Picked reel');
    for (const secret of [
      'Zanzibar',
      'confidential',
      '98,765.43',
      '9876543',
      'quokka',
      'platypus',
      'narwhal',
      'teammate-wombat',
      'owner@example.com',
      'Olivia Owner',
      picked.id,
      other.id,
      deal.id,
      teammate.id,
      t.brand.id,
      'instagram.example',
    ]) {
      expect(page, `the page shows "${secret}"`).not.toContain(secret);
    }
  });

  it('escapes what users wrote', async () => {
    const t = await apps.workspace();
    const brand = (await t.owner.post('/api/brands', { name: '<script>alert(1)</script>' })).body;
    const deal = (
      await t.owner.post('/api/deals', { brandId: brand.id, title: 'Deal', feeCents: 1 })
    ).body;
    const study = await deliverable(t, {
      dealId: deal.id,
      title: '"><img src=x onerror=alert(2)>',
    });
    const res = await t.owner.patch('/api/kit', {
      version: 1,
      slug: 'casey',
      displayName: 'Casey </title><script>alert(3)</script>',
      bio: '<b>bold</b> & "quoted"',
      caseStudyIds: [study.id],
      published: true,
    });
    expect(res.status, res.text).toBe(200);
    const page = (await kitPage(t)).text;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>bold');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });
});
