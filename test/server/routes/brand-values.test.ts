import { describe, expect, it } from 'vitest';
import { brandDealValueSchema, OPEN_DEAL_STATUSES } from '../../../shared/schemas/brand';
import { signInAs } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();
type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

async function deal(t: Workspace, brandId: string, fields: Record<string, unknown>) {
  const res = await t.owner.post('/api/deals', { brandId, title: 'Deal', ...fields });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

describe('GET /api/brands/deal-values', () => {
  it("sums each brand's open deals per currency, leaving out completed and cancelled ones", async () => {
    // The workspace's Acme already has "Launch", pitched at 100,000 USD.
    const t = await apps.workspace();
    const globex = (await t.owner.post('/api/brands', { name: 'Globex' })).body;
    const quiet = (await t.owner.post('/api/brands', { name: 'Quiet' })).body;
    await deal(t, t.brand.id, { status: 'contracted', feeCents: 25_000 });
    await deal(t, t.brand.id, { status: 'delivered', feeCents: 1_500, currency: 'EUR' });
    await deal(t, t.brand.id, { status: 'completed', feeCents: 70_000 });
    await deal(t, t.brand.id, { status: 'cancelled', feeCents: 80_000 });
    await deal(t, globex.id, { status: 'negotiating', feeCents: 0 });
    await deal(t, quiet.id, { status: 'completed', feeCents: 9_000 });

    const res = await t.owner.get('/api/brands/deal-values');
    expect(res.status, res.text).toBe(200);
    const items = res.body.items.map((v) => brandDealValueSchema.parse(v));
    const byKey = Object.fromEntries(items.map((v) => [`${v.brandId}/${v.currency}`, v]));
    expect(items).toHaveLength(3);
    expect(byKey[`${t.brand.id}/USD`]).toEqual({
      brandId: t.brand.id,
      currency: 'USD',
      openCents: 125_000,
      openDeals: 2,
    });
    expect(byKey[`${t.brand.id}/EUR`]).toMatchObject({ openCents: 1_500, openDeals: 1 });
    expect(byKey[`${globex.id}/USD`]).toMatchObject({ openCents: 0, openDeals: 1 });
    expect(OPEN_DEAL_STATUSES).toEqual([
      'pitched',
      'negotiating',
      'contracted',
      'in_progress',
      'delivered',
    ]);
  });

  it('follows a deal closing: a completed deal drops out of the value', async () => {
    const t = await apps.workspace();
    const res = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: t.deal.version,
      status: 'completed',
    });
    expect(res.status, res.text).toBe(200);
    expect((await t.owner.get('/api/brands/deal-values')).body).toEqual({ items: [] });
  });

  it('answers a viewer, is not taken for a brand id, and refuses the signed-out', async () => {
    const t = await apps.workspace();
    const { client: viewer } = await signInAs(t, 'viewer');
    const res = await viewer.get('/api/brands/deal-values');
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toEqual([
      { brandId: t.brand.id, currency: 'USD', openCents: 100_000, openDeals: 1 },
    ]);
    expect((await viewer.get(`/api/brands/${t.brand.id}`)).body.name).toBe('Acme');
    expectApiError(await t.client().get('/api/brands/deal-values'), 401);
  });
});
