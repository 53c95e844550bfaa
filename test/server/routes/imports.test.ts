import { describe, expect, it } from 'vitest';
import {
  LOCAL_ORIGIN,
  signInAs,
  type TestApp,
  type TestClient,
  type TestResponse,
  unchecked,
} from '../../support/app';
import { dataSnapshot, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();

interface UploadOptions {
  mapping?: Record<string, string>;
  timeZone?: string;
  dateOrder?: string;
  dryRun?: boolean;
}

/** Sends a CSV as a browser form does: multipart/form-data with the file and the options. */
async function upload(
  t: TestApp,
  client: TestClient | undefined,
  path: string,
  file: string | Uint8Array,
  options: UploadOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
): Promise<TestResponse<any>> {
  const form = new FormData();
  form.set(
    'file',
    new File([typeof file === 'string' ? file : Buffer.from(file)], 'deals.csv', {
      type: 'text/csv',
    }),
  );
  if (options.mapping) form.set('mapping', JSON.stringify(options.mapping));
  if (options.timeZone) form.set('timeZone', options.timeZone);
  if (options.dateOrder) form.set('dateOrder', options.dateOrder);
  if (options.dryRun !== undefined) form.set('dryRun', String(options.dryRun));
  const response = await t.app.request(path, {
    method: 'POST',
    body: form,
    headers: client?.cookie ? { cookie: client.cookie, origin: LOCAL_ORIGIN } : {},
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The columns a file without draft days or fees maps. */
const GO_LIVE_MAPPING = {
  brand: 'Brand',
  deal: 'Campaign',
  title: 'Post',
  platform: 'Platform',
  publishAt: 'Go live',
};

const MAPPING = { ...GO_LIVE_MAPPING, draftDueAt: 'Draft due', fee: 'Fee' };

const CSV = [
  'Brand,Campaign,Post,Platform,Go live,Draft due,Fee',
  'acme,Spring launch,Unboxing reel,IG,2026-03-10 18:00,2026-03-05,"1,500.00"',
  'Acme,Spring launch,Follow-up story,instagram,11/03/2026 9:30 PM,,',
  'Globex,"Summer, part 2",Review video,YouTube,2026-07-01T10:00:00Z,,2500',
].join('\r\n');

const importDeliverables = (
  t: Awaited<ReturnType<typeof apps.workspace>>,
  file: string | Uint8Array,
  options: UploadOptions = {},
) =>
  upload(t, t.owner, '/api/imports/deliverables', file, {
    mapping: MAPPING,
    timeZone: 'Europe/Berlin',
    dateOrder: 'DMY',
    ...options,
  });

describe('POST /api/imports/deliverables/preview', () => {
  it('answers the columns, the first rows, the row count and a suggested mapping', async () => {
    const t = await apps.workspace();
    const res = await upload(t, t.owner, '/api/imports/deliverables/preview', CSV);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      headers: ['Brand', 'Campaign', 'Post', 'Platform', 'Go live', 'Draft due', 'Fee'],
      rows: expect.arrayContaining([
        ['Globex', 'Summer, part 2', 'Review video', 'YouTube', '2026-07-01T10:00:00Z', '', '2500'],
      ]),
      rowCount: 3,
      suggestedMapping: MAPPING,
    });
  });

  it('reads semicolon-separated files with a BOM, as European spreadsheets save them', async () => {
    const t = await apps.workspace();
    const res = await upload(
      t,
      t.owner,
      '/api/imports/deliverables/preview',
      '\uFEFFBrand;Deal;Title;Platform\r\nAcme;Q1;Reel;tiktok\r\n',
    );
    expect(res.status).toBe(200);
    expect(res.body.headers).toEqual(['Brand', 'Deal', 'Title', 'Platform']);
    expect(res.body.suggestedMapping).toEqual({
      brand: 'Brand',
      deal: 'Deal',
      title: 'Title',
      platform: 'Platform',
    });
  });
});

describe('POST /api/imports/deliverables', () => {
  it('imports every row, finding brands by name in any case and creating the rest, times read in the given zone', async () => {
    const t = await apps.workspace();
    const res = await importDeliverables(t, CSV);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      dryRun: false,
      rowCount: 3,
      created: { brands: 1, deals: 2, deliverables: 3 },
    });

    const brands = (await t.owner.get('/api/brands')).body.items
      .map((b: { name: string }) => b.name)
      .sort();
    expect(brands).toEqual(['Acme', 'Globex']);
    const deals = (await t.owner.get('/api/deals')).body.items;
    const spring = deals.find((d: { title: string }) => d.title === 'Spring launch');
    expect(spring).toMatchObject({ brandId: t.brand.id, feeCents: 150_000, currency: 'USD' });
    const items = (await t.owner.get(`/api/deliverables?dealId=${spring!.id}`)).body.items;
    const reel = items.find((d: { title: string }) => d.title === 'Unboxing reel');
    // 18:00 in Berlin in March is 17:00 UTC; a date alone means 09:00 that day.
    expect(reel).toMatchObject({
      platform: 'instagram',
      publishAt: '2026-03-10T17:00:00.000Z',
      draftDueAt: '2026-03-05T08:00:00.000Z',
    });
    const story = items.find((d: { title: string }) => d.title === 'Follow-up story');
    expect(story!.publishAt).toBe('2026-03-11T20:30:00.000Z');
    const globex = (await t.owner.get('/api/deliverables?platform=youtube')).body.items[0];
    expect(globex!.publishAt).toBe('2026-07-01T10:00:00.000Z');
  });

  it('reads 03/04/2026 as 4 March with dateOrder MDY and as 3 April with DMY', async () => {
    const file = 'Brand,Campaign,Post,Platform,Go live\r\nAcme,Q,Reel,tiktok,03/04/2026 12:00\r\n';
    for (const [dateOrder, expected] of [
      ['MDY', '2026-03-04T17:00:00.000Z'],
      ['DMY', '2026-04-03T16:00:00.000Z'],
    ] as const) {
      const t = await apps.workspace();
      const res = await importDeliverables(t, file, {
        dateOrder,
        timeZone: 'America/New_York',
        mapping: GO_LIVE_MAPPING,
      });
      expect(res.status).toBe(201);
      const items = (await t.owner.get('/api/deliverables')).body.items;
      expect(items[0]!.publishAt).toBe(expected);
    }
  });

  it('on a dry run checks every row and says what it would create, writing nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await importDeliverables(t, CSV, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      rowCount: 3,
      created: { brands: 1, deals: 2, deliverables: 3 },
    });
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('imports nothing when any row is bad, and names each bad row and field', async () => {
    const t = await apps.workspace();
    const file = [
      'Brand,Campaign,Post,Platform,Go live,Draft due,Fee',
      'Acme,Q,Good row,tiktok,2026-03-10 18:00,,100',
      'Acme,Q,,myspace,31/02/2026,not a date,twelve',
      ',Q,Another,tiktok,,,',
    ].join('\n');
    const refusal = {
      status: 400,
      code: 'validation_failed',
      paths: [
        'row.3.title',
        'row.3.platform',
        'row.3.publishAt',
        'row.3.draftDueAt',
        'row.3.fee',
        'row.4.brand',
      ],
      message: /2 rows have problems; nothing was imported/,
    };
    const res = await expectRefused(t, refusal, () => importDeliverables(t, file));
    expect(
      res.body.error.issues.find((i: { path: string }) => i.path === 'row.3.publishAt').message,
    ).toMatch(/31\/02\/2026/);
    expect(
      res.body.error.issues.find((i: { path: string }) => i.path === 'row.3.platform').message,
    ).toMatch(/^"myspace" is not one of tiktok, instagram, youtube/);
  });

  it('refuses a published row without its live URL (proof of post)', async () => {
    const t = await apps.workspace();
    const file = [
      'Brand,Campaign,Post,Platform,Status,Live URL',
      'Acme,Q,Live one,tiktok,published,https://tiktok.example/v/1',
      'Acme,Q,No proof,tiktok,published,',
    ].join('\n');
    const mapping = {
      brand: 'Brand',
      deal: 'Campaign',
      title: 'Post',
      platform: 'Platform',
      status: 'Status',
      liveUrl: 'Live URL',
    };
    const refusal = { status: 400, code: 'validation_failed', paths: ['row.3.liveUrl'] };
    const res = await expectRefused(t, refusal, () => importDeliverables(t, file, { mapping }));
    expect(res.body.error.issues).toHaveLength(1);
  });

  it('refuses a file that is not UTF-8 with how to fix it', async () => {
    const t = await apps.workspace();
    const latin1 = Uint8Array.from([
      ...Buffer.from('Brand,Campaign,Post,Platform\nCaf'),
      0xe9,
      ...Buffer.from(',Q,Reel,tiktok\n'),
    ]);
    const res = await importDeliverables(t, latin1);
    expectApiError(res, 400, { paths: ['file'], message: /not UTF-8.*CSV UTF-8/ });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('B\u0000')]);
    expectApiError(await importDeliverables(t, utf16), 400, { paths: ['file'], message: /UTF-16/ });
  });

  it('names a required field left unmapped and a mapped column the file lacks', async () => {
    const t = await apps.workspace();
    const res = await importDeliverables(t, CSV, {
      mapping: { brand: 'Brand', deal: 'Campaign', platform: 'Nope' },
    });
    expectApiError(res, 400, { paths: ['mapping.title', 'mapping.platform'] });
    expectApiError(
      await upload(t, t.owner, '/api/imports/deliverables', CSV, { timeZone: 'UTC' }),
      400,
      {
        paths: ['mapping'],
      },
    );
    expectApiError(await importDeliverables(t, CSV, { timeZone: 'Mars/Olympus' }), 400, {
      paths: ['timeZone'],
    });
  });

  it('refuses an empty file, a header without rows, unbalanced quotes and a missing file', async () => {
    const t = await apps.workspace();
    expectApiError(await importDeliverables(t, ''), 400, { paths: ['file'], message: /empty/ });
    expectApiError(await importDeliverables(t, 'Brand,Campaign,Post,Platform\n'), 400, {
      paths: ['file'],
    });
    expectApiError(
      await importDeliverables(t, 'Brand,Campaign,Post,Platform\nAcme,"Q,Reel,tiktok\n'),
      400,
      {
        paths: ['file'],
        message: /not valid CSV/,
      },
    );
    const form = new FormData();
    form.set('mapping', JSON.stringify(MAPPING));
    const res = await t.app.request('/api/imports/deliverables', {
      method: 'POST',
      body: form,
      headers: { cookie: t.owner.cookie!, origin: LOCAL_ORIGIN },
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path,
    ).toBe('file');
  });

  it('answers 413 for a 50 MB file and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const row = 'Acme,Q,Reel,tiktok,2026-03-10 18:00,,100\n';
    const big = `Brand,Campaign,Post,Platform,Go live,Draft due,Fee\n${row.repeat(Math.ceil((50 * 1024 * 1024) / row.length))}`;
    expectApiError(await importDeliverables(t, big), 413, {
      code: 'payload_too_large',
      message: /20 MB/,
    });
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('refuses a JSON body: the file goes as multipart/form-data', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/imports/deliverables', unchecked({ csv: CSV })), 400, {
      code: 'invalid_body',
    });
  });

  it('is for editors and owners', async () => {
    const t = await apps.workspace();
    const { client } = await signInAs(t, 'viewer');
    expectApiError(
      await upload(t, client, '/api/imports/deliverables', CSV, {
        mapping: MAPPING,
        timeZone: 'UTC',
      }),
      403,
    );
    expectApiError(await upload(t, undefined, '/api/imports/deliverables/preview', CSV), 401);
    const editor = await signInAs(t, 'editor');
    const res = await upload(t, editor.client, '/api/imports/deliverables', CSV, {
      mapping: MAPPING,
      timeZone: 'UTC',
    });
    expect(res.status).toBe(201);
  });

  it('imports 10,000 rows in one go', async () => {
    const t = await apps.workspace();
    const lines = ['Brand,Campaign,Post,Platform,Go live'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        `Brand ${i % 40},Deal ${i % 400},Post ${i},tiktok,2027-01-${String((i % 28) + 1).padStart(2, '0')} 10:00`,
      );
    }
    const res = await importDeliverables(t, lines.join('\n'), {
      mapping: GO_LIVE_MAPPING,
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toEqual({ brands: 40, deals: 400, deliverables: 10_000 });
    const count = await t.db
      .selectFrom('deliverables')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10_001 - 1);
  });

  it('takes back its own deliverables export into another workspace', async () => {
    const source = await apps.workspace();
    expect((await importDeliverables(source, CSV)).status).toBe(201);
    const exported = await source.owner.get('/api/exports/deliverables.csv');
    expect(exported.status).toBe(200);
    const target = await apps.workspace();
    const preview = await upload(
      target,
      target.owner,
      '/api/imports/deliverables/preview',
      exported.text,
    );
    const res = await upload(target, target.owner, '/api/imports/deliverables', exported.text, {
      mapping: preview.body.suggestedMapping,
      timeZone: 'UTC',
    });
    expect(res.status).toBe(201);
    const shape = (
      items: {
        title: string;
        platform: string;
        publishAt: string | null;
        draftDueAt: string | null;
      }[],
    ) => items.map((d) => [d.title, d.platform, d.publishAt, d.draftDueAt]).sort();
    expect(shape((await target.owner.get('/api/deliverables')).body.items)).toEqual(
      shape((await source.owner.get('/api/deliverables')).body.items),
    );
  });
});
