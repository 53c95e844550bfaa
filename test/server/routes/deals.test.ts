import { describe, expect, it } from 'vitest';
import { createDeal } from '../../support/invoices';
import {
  addDeliverable,
  dataSnapshot,
  expectApiError,
  expectRefused,
  rowCounts,
  trackApps,
} from '../helpers';
import type { RequestBody } from '../../support/api-types';
import { unchecked } from '../../support/app';

const apps = trackApps();

const CREATED_AT = '2026-03-01T12:00:00.000Z';

type Item = { id: string };
const ids = (res: { body: { items: Item[] } }) => res.body.items.map((i) => i.id).sort();

describe('POST /api/deals', () => {
  it('creates a deal and answers it with every field', async () => {
    const t = await apps.workspace();
    const sent = {
      brandId: t.brand.id,
      title: 'Spring serum launch',
      status: 'contracted',
      feeCents: 450_000,
      currency: 'EUR',
      source: 'marketplace',
      contractSignedOn: '2026-02-20',
      exclusivityCategory: 'beauty',
      exclusivityUntil: '2026-06-30',
      usageRightsUntil: '2026-12-31',
      notes: 'Net 30',
      payer: {
        name: 'Acme Agency Ltd',
        emails: ['AP@Agency.example'],
        address: '1 Main St',
        taxId: 'GB123',
      },
      paymentTermsDays: 45,
      paymentTrigger: 'contract_signed',
    } satisfies RequestBody<'POST', '/api/deals'>;
    const res = await t.owner.post('/api/deals', sent);
    expect(res.status).toBe(201);
    // Every field as sent, the payer's addresses in lower case.
    expect(res.body).toEqual({
      ...sent,
      id: expect.any(String),
      brandName: 'Acme',
      payer: { ...sent.payer, emails: ['ap@agency.example'] },
      // Signed on Feb 20, net 45.
      expectedPayOn: '2026-04-06',
      deliverableCount: 0,
      invoicedCents: 0,
      paidCents: 0,
      version: 1,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
    expect((await t.owner.get(`/api/deals/${res.body.id}`)).body).toEqual(res.body);
  });

  it('fills defaults, taking the currency from the workspace', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deals', { brandId: t.brand.id, title: 'Minimal' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pitched',
      feeCents: 0,
      currency: 'USD',
      source: 'direct',
      contractSignedOn: null,
      exclusivityCategory: null,
      exclusivityUntil: null,
      usageRightsUntil: null,
      notes: '',
      payer: null,
      paymentTermsDays: null,
      paymentTrigger: 'invoice_issued',
      expectedPayOn: null,
    });
    const settings = (await t.owner.get('/api/settings')).body;
    expect(
      (await t.owner.patch('/api/settings', { version: settings.version, currency: 'EUR' })).status,
    ).toBe(200);
    const after = await t.owner.post('/api/deals', { brandId: t.brand.id, title: 'In euros' });
    expect(after.body.currency).toBe('EUR');
  });

  it('keeps money as an exact integer up to Number.MAX_SAFE_INTEGER', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Huge',
      feeCents: Number.MAX_SAFE_INTEGER,
    });
    expect(res.status).toBe(201);
    expect(res.body.feeCents).toBe(Number.MAX_SAFE_INTEGER);
    expect((await t.owner.get(`/api/deals/${res.body.id}`)).body.feeCents).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(res.text).toContain(`"feeCents":${Number.MAX_SAFE_INTEGER}`);
  });

  it('returns 400 naming each bad field and writes nothing', async () => {
    const t = await apps.workspace();
    const refusal = {
      status: 400,
      code: 'validation_failed',
      paths: [
        'title',
        'status',
        'feeCents',
        'currency',
        'source',
        'contractSignedOn',
        'exclusivityUntil',
        'usageRightsUntil',
        'notes',
      ],
    };
    await expectRefused(t, refusal, () =>
      t.owner.post(
        '/api/deals',
        unchecked({
          brandId: t.brand.id,
          title: ['not', 'a', 'string'],
          status: 'signed',
          feeCents: -100,
          currency: 'usd',
          source: 'cold_email',
          contractSignedOn: '2026-02-30',
          exclusivityUntil: '2026-13-01',
          usageRightsUntil: 'next year',
          notes: 7,
        }),
      ),
    );
  });

  it.each([
    ['negative', -1],
    ['fractional', 10.5],
    ['a numeric string', '1000'],
    ['too large to be exact', 2 ** 53],
    ['null', null],
    ['an object', { amount: 100 }],
  ])('returns 400 for money that is %s', async (_, feeCents) => {
    const t = await apps.workspace();
    const res = await t.owner.post(
      '/api/deals',
      unchecked({ brandId: t.brand.id, title: 'X', feeCents }),
    );
    expectApiError(res, 400, { paths: ['feeCents'] });
    expect((await rowCounts(t)).deals).toBe(1);
  });

  it.each(['usd', 'EURO', 'E1R', '', 'US'])('returns 400 for the currency %j', async (currency) => {
    const t = await apps.workspace();
    const res = await t.owner.post('/api/deals', { brandId: t.brand.id, title: 'X', currency });
    expectApiError(res, 400, { paths: ['currency'] });
  });

  it('returns 400 naming each missing required field', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/deals', unchecked({})), 400, {
      paths: ['brandId', 'title'],
    });
  });

  it('returns 400 naming brandId when the brand does not exist, and writes nothing', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 400, paths: ['brandId'] }, () =>
      t.owner.post('/api/deals', { brandId: 'no-such-brand', title: 'Orphan' }),
    );
  });
});

describe('GET /api/deals', () => {
  async function threeDeals() {
    const t = await apps.workspace();
    const globex = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
    const initech = (await t.owner.post('/api/brands', { name: 'Initech' })).body;
    const b = (
      await t.owner.post('/api/deals', { brandId: globex.id, title: 'B', status: 'contracted' })
    ).body;
    const c = (
      await t.owner.post('/api/deals', { brandId: initech.id, title: 'C', status: 'completed' })
    ).body;
    return { ...t, globex, initech, a: t.deal, b, c };
  }

  it('lists every deal as {items} with its brand name', async () => {
    const t = await threeDeals();
    const res = await t.owner.get('/api/deals');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    expect(ids(res)).toEqual([t.a.id, t.b.id, t.c.id].sort());
    const c = res.body.items.find((d: Item) => d.id === t.c.id);
    expect(c).toMatchObject({ brandName: 'Initech', status: 'completed' });
  });

  it('filters by status, single and comma-separated', async () => {
    const t = await threeDeals();
    expect(ids(await t.owner.get('/api/deals?status=contracted'))).toEqual([t.b.id]);
    expect(ids(await t.owner.get('/api/deals?status=contracted,completed'))).toEqual(
      [t.b.id, t.c.id].sort(),
    );
    expect(ids(await t.owner.get('/api/deals?status=contracted&status=pitched'))).toEqual(
      [t.a.id, t.b.id].sort(),
    );
    expect(ids(await t.owner.get('/api/deals?status=cancelled'))).toEqual([]);
  });

  it('filters by brandId, single, comma-separated and repeated', async () => {
    const t = await threeDeals();
    expect(ids(await t.owner.get(`/api/deals?brandId=${t.globex.id}`))).toEqual([t.b.id]);
    expect(ids(await t.owner.get(`/api/deals?brandId=${t.globex.id},${t.initech.id}`))).toEqual(
      [t.b.id, t.c.id].sort(),
    );
    expect(
      ids(await t.owner.get(`/api/deals?brandId=${t.brand.id}&brandId=${t.initech.id}`)),
    ).toEqual([t.a.id, t.c.id].sort());
    expect(ids(await t.owner.get(`/api/deals?brandId=${t.globex.id}&status=completed`))).toEqual(
      [],
    );
  });

  it('returns 400 naming an unknown status filter', async () => {
    const t = await threeDeals();
    expectApiError(await t.owner.get('/api/deals?status=contracted,signed'), 400, {
      paths: ['status'],
    });
  });
});

describe('GET /api/deals/:id', () => {
  it('answers the deal with its deliverable count', async () => {
    const t = await apps.workspace();
    await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'One',
      platform: 'tiktok',
    });
    await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Two',
      platform: 'youtube',
    });
    const res = await t.owner.get(`/api/deals/${t.deal.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.deal.id,
      title: 'Launch',
      feeCents: 100_000,
      deliverableCount: 2,
    });
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/deals/no-such-deal'), 404, { code: 'not_found' });
  });
});

describe('PATCH /api/deals/:id', () => {
  it('changes the given fields, bumps the version and keeps the rest', async () => {
    const t = await apps.workspace();
    t.clock.advance(5 * 60_000);
    const res = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: 1,
      status: 'in_progress',
      feeCents: 125_050,
      exclusivityCategory: 'tech',
      exclusivityUntil: '2026-09-30',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.deal.id,
      title: 'Launch',
      status: 'in_progress',
      feeCents: 125_050,
      currency: 'USD',
      exclusivityCategory: 'tech',
      exclusivityUntil: '2026-09-30',
      version: 2,
      createdAt: CREATED_AT,
      updatedAt: '2026-03-01T12:05:00.000Z',
    });
    expect((await t.owner.get(`/api/deals/${t.deal.id}`)).body).toEqual(res.body);
  });

  it('moves the deal’s deliverables to its new brand', async () => {
    const t = await apps.workspace();
    const globex = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
    const d1 = await addDeliverable(t, { title: 'One', platform: 'tiktok' });
    const d2 = await addDeliverable(t, { title: 'Two', platform: 'x' });
    expect(d1.brandId).toBe(t.brand.id);
    const res = await t.owner.patch(`/api/deals/${t.deal.id}`, { version: 1, brandId: globex.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ brandId: globex.id, brandName: 'Globex' });
    for (const d of [d1, d2]) {
      expect((await t.owner.get(`/api/deliverables/${d.id}`)).body.brandId).toBe(globex.id);
    }
    const byNewBrand = await t.owner.get(`/api/deliverables?brandId=${globex.id}`);
    expect(ids(byNewBrand)).toEqual([d1.id, d2.id].sort());
    expect((await t.owner.get(`/api/deliverables?brandId=${t.brand.id}`)).body.items).toEqual([]);
    expect((await t.owner.get(`/api/brands/${t.brand.id}`)).body.dealCount).toBe(0);
    expect((await t.owner.delete(`/api/brands/${t.brand.id}`)).status).toBe(204);
  });

  it('returns 409 when the version is stale and writes nothing', async () => {
    const t = await apps.workspace();
    expect(
      (await t.owner.patch(`/api/deals/${t.deal.id}`, { version: 1, title: 'First' })).status,
    ).toBe(200);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch(`/api/deals/${t.deal.id}`, {
        version: 1,
        title: 'Second',
        feeCents: 1,
      }),
    );
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.patch('/api/deals/no-such-deal', { version: 1, title: 'X' }), 404);
  });

  it('returns 400 naming brandId when the new brand does not exist, and writes nothing', async () => {
    const t = await apps.workspace();
    await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'One',
      platform: 'tiktok',
    });
    await expectRefused(t, { status: 400, paths: ['brandId'] }, () =>
      t.owner.patch(`/api/deals/${t.deal.id}`, {
        version: 1,
        brandId: 'no-such-brand',
      }),
    );
  });

  it('returns 400 naming each bad field and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await t.owner.patch(
      `/api/deals/${t.deal.id}`,
      unchecked({
        version: 1,
        feeCents: 99.99,
        currency: 'dollars',
        status: 'won',
        usageRightsUntil: '2026-02-29',
      }),
    );
    expectApiError(res, 400, { paths: ['feeCents', 'currency', 'status', 'usageRightsUntil'] });
    expectApiError(
      await t.owner.patch(`/api/deals/${t.deal.id}`, unchecked({ title: 'No version' })),
      400,
      {
        paths: ['version'],
      },
    );
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('DELETE /api/deals/:id', () => {
  it('deletes the deal and every deliverable of it, and no other', async () => {
    const t = await apps.workspace();
    const other = await createDeal(t.owner, { brandId: t.brand.id, title: 'Other' });
    const mine = [];
    for (const title of ['One', 'Two', 'Three']) {
      mine.push(
        (await t.owner.post('/api/deliverables', { dealId: t.deal.id, title, platform: 'tiktok' }))
          .body,
      );
    }
    const kept = (
      await t.owner.post('/api/deliverables', { dealId: other.id, title: 'Kept', platform: 'blog' })
    ).body;
    const res = await t.owner.delete(`/api/deals/${t.deal.id}`);
    expect(res.status).toBe(204);
    expectApiError(await t.owner.get(`/api/deals/${t.deal.id}`), 404);
    for (const d of mine) expectApiError(await t.owner.get(`/api/deliverables/${d.id}`), 404);
    expect(ids(await t.owner.get('/api/deliverables'))).toEqual([kept.id]);
    const left = await t.db
      .selectFrom('deliverables')
      .select('id')
      .where('dealId', '=', t.deal.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 404, code: 'not_found' }, () =>
      t.owner.delete('/api/deals/no-such-deal'),
    );
  });
});
