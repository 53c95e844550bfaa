import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../server/db/queries/search';
import type { SearchResult } from '../../../shared/schemas/search';
import { signInAs } from '../../support/app';
import { brandRow, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

async function search(client: Workspace['owner'], q: string, limit?: number) {
  const query = `q=${encodeURIComponent(q)}${limit === undefined ? '' : `&limit=${limit}`}`;
  const res = await client.get(`/api/search?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

const titles = (items: SearchResult[]) => items.map((i) => i.title);

async function addDeliverable(
  t: Workspace,
  input: { title: string; caption?: string; brief?: string; publishAt?: string },
) {
  // A second apart: newest first is then the same order on both engines.
  t.clock.advance(1000);
  const res = await t.owner.post('/api/deliverables', {
    dealId: t.deal.id,
    platform: 'tiktok',
    publishAt: input.publishAt ?? '2026-03-20T17:00:00Z',
    ...input,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

describe('GET /api/search', () => {
  it('finds by word prefix as the user types, whatever the case and accents', async () => {
    const t = await apps.workspace();
    const video = await addDeliverable(t, { title: 'TikTok unboxing' });
    await addDeliverable(t, { title: 'Café crème reel' });
    for (const q of ['ti', 'tik', 'tikt', 'TIKTOK', 'unbox']) {
      expect(titles(await search(t.owner, q)), q).toEqual(['TikTok unboxing']);
    }
    expect(titles(await search(t.owner, 'cafe creme'))).toEqual(['Café crème reel']);
    expect(titles(await search(t.owner, 'CAFÉ'))).toEqual(['Café crème reel']);
    // Inside a word is not the start of one.
    expect(await search(t.owner, 'ktok')).toEqual([]);
    const [hit] = await search(t.owner, 'tikt');
    expect(hit).toEqual({
      kind: 'deliverable',
      id: video.id,
      title: 'TikTok unboxing',
      matched: 'title',
      snippet: 'TikTok unboxing',
      dealId: t.deal.id,
      brandId: t.brand.id,
      brandName: 'Acme',
      platform: 'tiktok',
      status: 'planned',
      publishAt: '2026-03-20T17:00:00.000Z',
      draftDueAt: null,
    });
  });

  it('ranks the title itself, then titles starting with the query, then other titles, then captions and briefs', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { title: 'Morning routine', caption: 'My serum every day' });
    await addDeliverable(t, { title: 'Night', brief: 'Show the serum texture' });
    await addDeliverable(t, { title: 'The serum story' });
    await addDeliverable(t, { title: 'Serum launch day' });
    await addDeliverable(t, { title: 'Serum' });
    const items = await search(t.owner, 'serum');
    expect(titles(items)).toEqual([
      'Serum',
      'Serum launch day',
      'The serum story',
      // Matches in the text after every title match; the newest first within a rank.
      'Night',
      'Morning routine',
    ]);
    expect(items.map((i) => i.matched)).toEqual(['title', 'title', 'title', 'brief', 'caption']);
    expect(items[3]!.snippet).toBe('Show the serum texture');
  });

  it('needs every word (AND), each as a prefix, in any field', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { title: 'TikTok launch', caption: 'Summer glow serum' });
    await addDeliverable(t, { title: 'TikTok teaser', caption: 'Winter cream' });
    await addDeliverable(t, { title: 'Instagram launch', caption: 'Summer glow serum' });
    expect(titles(await search(t.owner, 'tiktok launch'))).toEqual(['TikTok launch']);
    expect(titles(await search(t.owner, 'launch tik'))).toEqual(['TikTok launch']);
    // One word in the title, the other in the caption.
    expect(titles(await search(t.owner, 'tik summ'))).toEqual(['TikTok launch']);
    expect(await search(t.owner, 'tiktok winter summer')).toEqual([]);
  });

  it('shows the words around a match in a long caption', async () => {
    const t = await apps.workspace();
    const caption = `${'Opening words of a long caption. '.repeat(6)}Then the giveaway starts at noon, ${'and more words follow here. '.repeat(6)}`;
    await addDeliverable(t, { title: 'Reel', caption });
    const [hit] = await search(t.owner, 'givea');
    expect(hit!.matched).toBe('caption');
    expect(hit!.snippet).toMatch(/^….*Then the giveaway starts at noon.*…$/);
    expect(hit!.snippet.length).toBeLessThanOrEqual(125);
  });

  it('finds brands, deals and invoices (by number), title matches of each kind before deliverables', async () => {
    const t = await apps.workspace();
    const glow = (await t.owner.post('/api/brands', { name: 'Glow Skincare' })).body;
    const deal = (
      await t.owner.post('/api/deals', {
        brandId: glow.id,
        title: 'Glow spring campaign',
        feeCents: 900_000,
      })
    ).body;
    await addDeliverable(t, { title: 'Glow review' });
    const invoice = (await t.owner.post('/api/invoices', { dealId: deal.id, amountCents: 250_000 }))
      .body;
    const items = await search(t.owner, 'glow');
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['brand', 'Glow Skincare'],
      ['deal', 'Glow spring campaign'],
      ['deliverable', 'Glow review'],
    ]);
    expect(items[0]).toEqual({
      kind: 'brand',
      id: glow.id,
      title: 'Glow Skincare',
      matched: 'name',
      snippet: 'Glow Skincare',
      stage: glow.stage,
    });
    expect(items[1]).toEqual({
      kind: 'deal',
      id: deal.id,
      title: 'Glow spring campaign',
      matched: 'title',
      snippet: 'Glow spring campaign',
      brandId: glow.id,
      brandName: 'Glow Skincare',
      status: deal.status,
    });
    const number = invoice.number as string;
    for (const q of [number, number.toLowerCase(), number.slice(0, -1)]) {
      expect(
        (await search(t.owner, q)).map((i) => [i.kind, i.title]),
        q,
      ).toContainEqual(['invoice', number]);
    }
    const [found] = (await search(t.owner, number)).filter((i) => i.kind === 'invoice');
    expect(found).toEqual({
      kind: 'invoice',
      id: invoice.id,
      title: number,
      matched: 'number',
      snippet: number,
      number,
      dealId: deal.id,
      brandName: 'Glow Skincare',
      status: 'draft',
    });
  });

  it('follows renames and edits: the new words find it, the old ones no longer do', async () => {
    const t = await apps.workspace();
    const made = await addDeliverable(t, { title: 'Old title', caption: 'first caption' });
    const patched = await t.owner.patch(`/api/deliverables/${made.id}`, {
      version: made.version,
      title: 'Fresh headline',
      caption: 'second wording',
    });
    expect(patched.status, patched.text).toBe(200);
    expect(await search(t.owner, 'old title')).toEqual([]);
    expect(await search(t.owner, 'first')).toEqual([]);
    expect(titles(await search(t.owner, 'fresh'))).toEqual(['Fresh headline']);
    expect(titles(await search(t.owner, 'second word'))).toEqual(['Fresh headline']);
    // A change to other fields keeps it findable.
    const again = await t.owner.patch(`/api/deliverables/${made.id}`, {
      version: (patched.body as { version: number }).version,
      status: 'drafting',
    });
    expect(again.status, again.text).toBe(200);
    expect((await search(t.owner, 'fresh')).map((i) => i.id)).toEqual([made.id]);
  });

  it('forgets what is deleted', async () => {
    const t = await apps.workspace();
    const made = await addDeliverable(t, { title: 'Doomed post' });
    const brand = (await t.owner.post('/api/brands', { name: 'Doomed brand' })).body;
    expect(await search(t.owner, 'doomed')).toHaveLength(2);
    expect((await t.owner.delete(`/api/deliverables/${made.id}`)).status).toBe(204);
    expect((await t.owner.delete(`/api/brands/${brand.id}`)).status).toBe(204);
    expect(await search(t.owner, 'doomed')).toEqual([]);
  });

  it('indexes rows written without the API (the database keeps the index)', async () => {
    const t = await apps.workspace();
    const now = t.clock.now().toISOString();
    await t.db
      .insertInto('brands')
      .values(brandRow('brand-from-sql', 'Imported Brand', now))
      .execute();
    expect((await search(t.owner, 'imported')).map((i) => i.id)).toEqual(['brand-from-sql']);
  });

  it('limits the answer (20 by default, at most 50)', async () => {
    const t = await apps.workspace();
    for (let i = 0; i < 23; i++) await addDeliverable(t, { title: `Story ${i}` });
    expect(await search(t.owner, 'story')).toHaveLength(20);
    expect(await search(t.owner, 'story', 5)).toHaveLength(5);
    expect(await search(t.owner, 'story', 50)).toHaveLength(23);
  });

  it('lets a viewer search, and answers no money with a result', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { title: 'Launch teaser' });
    const invoice = (
      await t.owner.post('/api/invoices', { dealId: t.deal.id, amountCents: 250_000 })
    ).body;
    const { client: viewer } = await signInAs(t, 'viewer');
    const items = await search(viewer, 'launch');
    expect(items.map((i) => i.kind)).toEqual(['deal', 'deliverable']);
    const invoices = await search(viewer, invoice.number as string);
    expect(invoices.map((i) => i.kind)).toEqual(['invoice']);
    // No fee, amount or other money field rides along with a result.
    const keys = [...invoices, ...items].flatMap(Object.keys);
    expect(keys.filter((k) => /cents|fee|amount|paid/i.test(k))).toEqual([]);
  });

  it('answers 401 to a caller who is not signed in', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().get('/api/search?q=launch'), 401);
  });

  it('answers 400 naming the field for a missing, too short or too long query and a bad limit', async () => {
    const t = await apps.workspace();
    for (const url of [
      '/api/search',
      '/api/search?q=',
      '/api/search?q=a',
      '/api/search?q=%20a%20',
    ]) {
      expectApiError(await t.owner.get(url as '/api/search'), 400, { paths: ['q'] });
    }
    expectApiError(await t.owner.get(`/api/search?q=${'x'.repeat(201)}`), 400, { paths: ['q'] });
    for (const limit of ['0', '51', 'ten', '2.5']) {
      expectApiError(await t.owner.get(`/api/search?q=launch&limit=${limit}`), 400, {
        paths: ['limit'],
      });
    }
  });

  it('takes quotes, operators and punctuation as text, never as query syntax', async () => {
    const t = await apps.workspace();
    await addDeliverable(t, { title: 'Q&A: "Behind the scenes" (part 2)' });
    const odd = [
      '"""',
      '""',
      "''",
      '**',
      '--',
      '::',
      '((',
      'a"b',
      'NEAR(a b)',
      'title:behind',
      '{title}: q',
      'behind OR x',
      'behind NOT x',
      'behind AND',
      '-behind',
      'behind*',
      '^behind',
      "o'brien",
      '%_\\',
      '\u0301\u0301',
      'a & b | !c',
      "'behind':*",
      '🙂🙂',
    ];
    for (const q of odd) {
      const res = await t.owner.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, `${q}: ${res.text}`).toBe(200);
    }
    for (const q of ['"behind"', '(part 2)', 'behind*', 'q&a', '-behind', 'behind:']) {
      expect(titles(await search(t.owner, q)), q).toEqual(['Q&A: "Behind the scenes" (part 2)']);
    }
  });
});

describe('searchWords', () => {
  it('splits a query into runs of letters and digits, as the indexes split text', () => {
    expect(searchWords('INV-0042 "tik(tok)": café')).toEqual(['INV', '0042', 'tik', 'tok', 'café']);
    expect(searchWords('*-:"()')).toEqual([]);
  });
});
