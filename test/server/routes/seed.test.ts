import { describe, expect, it } from 'vitest';
import { signInAs } from '../../support/app';
import { expectApiError, expectRefused, rowCounts, trackApps, UTC_INSTANT } from '../helpers';

const apps = trackApps();

async function emptyWorkspace() {
  const t = await apps.app();
  const owner = t.client();
  await owner.setupOwner();
  return { ...t, owner };
}

describe('POST /api/seed', () => {
  it('loads sample brands, deals, deliverables, invoices and pitches into an empty workspace and answers the counts', async () => {
    const t = await emptyWorkspace();
    const res = await t.owner.post('/api/seed');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      brands: expect.any(Number),
      deals: expect.any(Number),
      deliverables: expect.any(Number),
      invoices: expect.any(Number),
      pitches: expect.any(Number),
    });
    for (const count of Object.values(res.body)) expect(count).toBeGreaterThan(0);
    const counts = await rowCounts(t);
    const pitches = await t.db.selectFrom('brandPitches').select('id').execute();
    expect({
      brands: counts.brands,
      deals: counts.deals,
      deliverables: counts.deliverables,
      invoices: counts.invoices,
      pitches: pitches.length,
    }).toEqual(res.body);
    const deliverables = (await t.owner.get('/api/deliverables')).body.items as Array<{
      publishAt: string | null;
    }>;
    expect(deliverables).toHaveLength(res.body.deliverables);
    for (const d of deliverables) expect(d.publishAt).toMatch(UTC_INSTANT);
  });

  it('places the samples around today, so the calendar is not empty this month', async () => {
    const t = await emptyWorkspace();
    await t.owner.post('/api/seed');
    const res = await t.owner.get(
      `/api/deliverables?from=${encodeURIComponent('2026-03-01T00:00:00Z')}&to=${encodeURIComponent('2026-04-01T00:00:00Z')}`,
    );
    expect(res.body.items.length).toBeGreaterThan(0);
  });

  it('shows every part of the product: money paid, due and overdue, a follow-up due, a disclosed post', async () => {
    const t = await emptyWorkspace();
    await t.owner.post('/api/seed');
    const invoices = (await t.owner.get('/api/invoices')).body.items as Array<{
      status: string;
      overdue: boolean;
      paidCents: number;
      amountCents: number;
    }>;
    expect(invoices.some((i) => i.status === 'paid' && i.paidCents === i.amountCents)).toBe(true);
    expect(invoices.some((i) => i.status === 'sent' && i.overdue)).toBe(true);
    expect(invoices.some((i) => i.status === 'sent' && !i.overdue)).toBe(true);

    const brands = (await t.owner.get('/api/brands')).body.items as Array<{
      id: string;
      stage: string;
      nextFollowUpOn: string | null;
    }>;
    const pitched = brands.find((b) => b.stage === 'pitched')!;
    expect(pitched.nextFollowUpOn).not.toBeNull();
    const log = (await t.owner.get(`/api/brands/${pitched.id}/pitches`)).body.items;
    expect(log.length).toBeGreaterThan(0);

    const published = (await t.owner.get('/api/deliverables?status=published')).body
      .items as Array<{
      liveUrl: string | null;
      disclosureDone: boolean;
      disclosure: Record<string, boolean>;
      warnings: Array<{ code: string }>;
    }>;
    expect(published.length).toBeGreaterThan(0);
    for (const d of published) {
      expect(d.liveUrl).not.toBeNull();
      expect(d.disclosureDone).toBe(true);
      expect(Object.values(d.disclosure).some(Boolean)).toBe(true);
    }
  });

  it('returns 409 when brands exist and writes nothing', async () => {
    const t = await emptyWorkspace();
    await t.owner.post('/api/brands', { name: 'Mine' });
    await expectRefused(t, { status: 409 }, () => t.owner.post('/api/seed'));
  });

  it('returns 409 the second time', async () => {
    const t = await emptyWorkspace();
    expect((await t.owner.post('/api/seed')).status).toBe(201);
    const before = await rowCounts(t);
    expectApiError(await t.owner.post('/api/seed'), 409);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('returns 403 for a viewer and writes nothing', async () => {
    const t = await emptyWorkspace();
    const { client } = await signInAs(t, 'viewer');
    await expectRefused(t, { status: 403 }, () => client.post('/api/seed'));
  });
});
