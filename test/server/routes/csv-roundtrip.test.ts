import { describe, expect, it } from 'vitest';
import type { DeliverableCreate } from '../../../shared/schemas/deliverable';
import { LOCAL_ORIGIN, type TestApp, type TestClient } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

/** Sends a CSV to the import as the browser's form does. */
async function importCsv(t: TestApp, client: TestClient, text: string, dryRun = false) {
  const send = async (path: string, fields: Record<string, string>) => {
    const form = new FormData();
    form.set('file', new File([text], 'deliverables.csv', { type: 'text/csv' }));
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const response = await t.app.request(path, {
      method: 'POST',
      body: form,
      headers: { cookie: client.cookie!, origin: LOCAL_ORIGIN },
    });
    return { status: response.status, body: (await response.json()) as Record<string, never> };
  };
  const preview = await send('/api/imports/deliverables/preview', {});
  expect(preview.status).toBe(200);
  return send('/api/imports/deliverables', {
    mapping: JSON.stringify(preview.body.suggestedMapping),
    timeZone: 'UTC',
    dryRun: String(dryRun),
  });
}

async function workspaceWithOwner() {
  const t = await apps.app();
  const owner = t.client();
  await owner.setupOwner();
  return { t, owner };
}

/** Deliverables whose text a spreadsheet would run as formulas, with disclosure and metrics. */
async function seed(owner: TestClient) {
  const brand = (await owner.post('/api/brands', { name: '=HYPERLINK("x")' })).body;
  const deal = (
    await owner.post('/api/deals', {
      brandId: brand.id,
      title: '+Spring, "launch"',
      feeCents: 123_450,
      currency: 'EUR',
    })
  ).body;
  const make = (
    body: Omit<DeliverableCreate, 'dealId' | 'platform'> & Partial<DeliverableCreate>,
  ) => owner.post('/api/deliverables', { dealId: deal.id, platform: 'tiktok', ...body });
  const results = await Promise.all([
    make({
      title: '-5 days teaser',
      caption: "@brand #ad\nSecond line, with a comma and 'quotes'",
      brief: "'=already quoted by the writer",
      publishAt: '2026-04-01T17:00:00.000Z',
      draftDueAt: '2026-03-29T09:00:00.000Z',
      disclosure: { adInCaption: true, paidPartnershipLabel: true },
      metrics: { views: 12_000, likes: 900, comments: 45, shares: 12, saves: 30, clicks: 7 },
      status: 'published',
      liveUrl: 'https://www.tiktok.com/@me/video/1',
    }),
    make({
      title: "'quoted title",
      platform: 'instagram',
      format: 'story',
      caption: '=1+1; two',
      brief: '\tindented brief',
      publishAt: '2026-04-03T10:30:00.000Z',
      disclosureDone: true,
      metrics: { views: 0 },
    }),
    make({ title: 'Undated idea', format: 'video', platform: 'youtube', caption: '' }),
    // Free text as written: leading spaces, a trailing new line.
    make({
      title: 'Spaced',
      caption: '  Indented caption\n',
      brief: 'Ends in a space ',
      publishAt: '2026-04-05T08:00:00.000Z',
    }),
  ]);
  for (const r of results) expect(r.status, r.text).toBe(201);
}

describe('deliverables CSV: export → import → export', () => {
  it('imports its own export back unchanged, formula-guarded cells, disclosure and metrics too', async () => {
    const source = await workspaceWithOwner();
    await seed(source.owner);
    const first = await source.owner.get('/api/exports/deliverables.csv');
    expect(first.status).toBe(200);
    // The guard is there on the way out…
    expect(first.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(first.text).toContain("'-5 days teaser");
    expect(first.text).toContain("''=already quoted by the writer");

    const target = await workspaceWithOwner();
    const imported = await importCsv(target.t, target.owner, first.text);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body).toMatchObject({ created: { brands: 1, deals: 1, deliverables: 4 } });

    // …and undone on the way in: the same text, disclosure and metrics, and the same file again.
    const items = (await target.owner.get('/api/deliverables')).body.items as Array<
      Record<string, unknown>
    >;
    const teaser = items.find((d) => d.title === '-5 days teaser')!;
    expect(teaser).toMatchObject({
      brief: "'=already quoted by the writer",
      caption: "@brand #ad\nSecond line, with a comma and 'quotes'",
      status: 'published',
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: true, adInCaption: true, brandedContentToggle: false },
      metrics: { views: 12_000, likes: 900, comments: 45, shares: 12, saves: 30, clicks: 7 },
    });
    expect(items.find((d) => d.title === "'quoted title")).toMatchObject({
      caption: '=1+1; two',
      brief: '\tindented brief',
      disclosureDone: true,
      metrics: { views: 0, likes: null },
    });
    const again = await target.owner.get('/api/exports/deliverables.csv');
    expect(again.text).toBe(first.text);
  });

  it('refuses a metric or disclosure cell it cannot read, naming the row and field, and writes nothing', async () => {
    const { t, owner } = await workspaceWithOwner();
    const csv = [
      'brand,deal,title,platform,disclosure_done,views,likes',
      'Acme,Launch,Teaser,tiktok,yes,1200,-3',
      'Acme,Launch,Reveal,tiktok,maybe,,',
    ].join('\r\n');
    const res = await importCsv(t, owner, csv);
    expectApiError(
      {
        status: res.status,
        headers: new Headers({ 'content-type': 'application/json' }),
        body: res.body,
        text: JSON.stringify(res.body),
      },
      400,
      { code: 'validation_failed', paths: ['row.2.likes', 'row.3.disclosureDone'] },
    );
    expect((await owner.get('/api/deliverables')).body.items).toEqual([]);
  });
});
