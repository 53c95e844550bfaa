import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/schemas/common';
import { formatAlertDue } from '../../../web/src/alert-due';
import { scan } from '../../support/alerts';
import { addInvoice, trackInvoiceApps, type Workspace } from '../../support/invoices';
import { addDeliverable, dataSnapshot, expectApiError, expectRefused } from '../helpers';

// Details seen walking through the app as a new user would (issue 19).
const apps = trackInvoiceApps();

// The workspace clock reads 2026-03-01T12:00Z.

describe('GET /api/deals/:id/deletion', () => {
  it('says a deal may be deleted while it has no sent or paid invoices', async () => {
    const t = await apps.workspace();
    await addInvoice(t, { amountCents: 1000, status: 'draft' });
    const res = await t.owner.get(`/api/deals/${t.deal.id}/deletion`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ allowed: true, reason: null });
  });

  it('gives the reason the delete itself refuses with, before anything is tried', async () => {
    const t = await apps.workspace();
    const sent = await addInvoice(t, { amountCents: 1000, number: 'INV-7', status: 'sent' });
    const check = await t.owner.get(`/api/deals/${t.deal.id}/deletion`);
    expect(check.status).toBe(200);
    expect(check.body.allowed).toBe(false);
    expect(check.body.reason).toContain(sent.number);

    const refused = await expectRefused(t, { status: 409, code: 'conflict' }, () =>
      t.owner.delete(`/api/deals/${t.deal.id}`),
    );
    expect(refused.body.error.message).toBe(check.body.reason);
  });

  it('answers 404 for a deal that does not exist and 401 signed out', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/deals/nope/deletion'), 404);
    expectApiError(await t.client().get(`/api/deals/${t.deal.id}/deletion`), 401);
  });
});

describe('brand website', () => {
  it('gets https:// when written without a scheme, on create and on change', async () => {
    const t = await apps.workspace();
    const created = await t.owner.post('/api/brands', { name: 'Glow', website: 'glow.example' });
    expect(created.status).toBe(201);
    expect(created.body.website).toBe('https://glow.example');
    const changed = await t.owner.patch(`/api/brands/${created.body.id}`, {
      version: created.body.version,
      website: ' www.glow.example/shop?ref=cal ',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.website).toBe('https://www.glow.example/shop?ref=cal');
    // A scheme that is written stays as it is.
    const plain = await t.owner.post('/api/brands', {
      name: 'Plain',
      website: 'http://plain.example',
    });
    expect(plain.body.website).toBe('http://plain.example');
  });

  it('still refuses what is not a website, naming the field, and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    for (const website of ['nope', 'ftp://files.example', 'javascript:alert(1)']) {
      const res = await t.owner.post('/api/brands', { name: 'Bad', website });
      expectApiError(res, 400, { code: 'validation_failed', paths: ['website'] });
    }
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('negative money', () => {
  it('says "Must not be negative" for a deal fee, an invoice amount and a payment alike', async () => {
    const t = await apps.workspace();
    const issue = (res: { body: ApiErrorBody }) => res.body.error.issues?.[0];
    const fee = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Minus',
      feeCents: -500,
    });
    expectApiError(fee, 400, { paths: ['feeCents'] });
    expect(issue(fee)).toEqual({ path: 'feeCents', message: 'Must not be negative' });

    const line = await t.owner.post('/api/invoices', {
      dealId: t.deal.id,
      lines: [{ description: 'Reel', quantity: 1, unitCents: -1 }],
    });
    expectApiError(line, 400);
    expect(issue(line)?.message).toBe('Must not be negative');

    const invoice = await addInvoice(t, { amountCents: 1000, status: 'sent' });
    const payment = await t.owner.post(`/api/invoices/${invoice.id}/payments`, {
      amountCents: 100,
      feeCents: -1,
      paidOn: '2026-03-01',
    });
    expectApiError(payment, 400, { paths: ['feeCents'] });
    expect(issue(payment)?.message).toBe('Must not be negative');
  });
});

/** Acme holds tech exclusivity until 31 March; a post for Globex (tech too) goes live inside it. */
async function exclusivityClash(t: Workspace) {
  const exclusive = await t.owner.post('/api/deals', {
    brandId: t.brand.id,
    title: 'Tech exclusive',
    status: 'contracted',
    exclusivityCategory: 'tech',
    exclusivityUntil: '2026-03-31',
  });
  expect(exclusive.status, exclusive.text).toBe(201);
  const globex = (await t.owner.post('/api/brands', { name: 'Globex', category: 'tech' })).body;
  const deal = (await t.owner.post('/api/deals', { brandId: globex.id, title: 'Gadget' })).body;
  const post = await t.owner.post('/api/deliverables', {
    dealId: deal.id,
    title: 'Gadget unboxing',
    platform: 'youtube',
    publishAt: '2026-03-12T15:00:00.000Z',
  });
  expect(post.status, post.text).toBe(201);
  return post.body as { warnings: { code: string; message: string }[] };
}

describe('exclusivity warnings', () => {
  it('write days as the app shows them ("Mar 31, 2026"), not as ISO dates', async () => {
    const t = await apps.workspace();
    const post = await exclusivityClash(t);
    const warning = post.warnings.find((w) => w.code === 'exclusivity_conflict');
    expect(warning?.message).toBe(
      'Acme has exclusivity in tech until Mar 31, 2026 (deal “Tech exclusive”); this Globex post goes live on Mar 12, 2026.',
    );
  });
});

describe('alert wording', () => {
  it('names the brand once when the brand approved or asked for changes', async () => {
    const t = await apps.workspace();
    const deliverable = await addDeliverable(t, {
      title: 'Unboxing reel',
      platform: 'instagram',
      status: 'in_review',
    });
    const link = await t.owner.post(`/api/deliverables/${deliverable.id}/review-links`, {});
    expect(link.status, link.text).toBe(201);
    const decided = await t
      .client()
      .post(`/api/review/${link.body.token}/decision`, { decision: 'approve', name: 'Ann' });
    expect(decided.status, decided.text).toBe(200);
    const [found] = (await t.owner.get('/api/alerts?rule=review_approved')).body.items;
    expect(found).toBeDefined();
    const alert = found!;
    expect(alert.message).toMatch(/^Acme approved “Unboxing reel” /);
    expect(alert.message.match(/Acme/g)).toHaveLength(1);
  });
});

describe('day-based alerts: the due shown names the day the message states', () => {
  it('usage rights ending on Mar 31 (Berlin) show "end of Mar 31" to a reader in Los Angeles', async () => {
    const t = await apps.workspace();
    const settings = (await t.owner.get('/api/settings')).body;
    await t.owner.patch('/api/settings', { version: settings.version, timeZone: 'Europe/Berlin' });
    await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Spring campaign',
      status: 'completed',
      usageRightsUntil: '2026-03-31',
    });
    expect(await scan(t, '2026-03-25T00:00:00.000Z')).toMatchObject({ raised: 1 });
    const [found] = (await t.owner.get('/api/alerts?rule=usage_rights_ending')).body.items;
    expect(found).toBeDefined();
    const alert = found!;
    // Stored: the end of Mar 31 in Berlin, which is Mar 31, 3 PM in Los Angeles.
    expect(alert.dueAt).toBe('2026-03-31T22:00:00.000Z');
    expect(alert.message).toMatch(/end on Tue, Mar 31: /);
    expect(formatAlertDue(alert, 'America/Los_Angeles', 'Europe/Berlin')).toBe(
      'Due by end of Mar 31, 2026',
    );
  });

  it('an invoice due Mar 12 reads "end of Mar 12" beside "is due" and "since Mar 13" once overdue', async () => {
    const t = await apps.workspace();
    await addInvoice(t, {
      amountCents: 1000,
      status: 'sent',
      issuedOn: '2026-03-01',
      dueOn: '2026-03-12',
    });
    expect(await scan(t, '2026-03-10T00:00:00.000Z')).toMatchObject({ raised: 1 });
    const [soonOne] = (await t.owner.get('/api/alerts?rule=invoice_due_soon')).body.items;
    expect(soonOne).toBeDefined();
    const soon = soonOne!;
    expect(formatAlertDue(soon, 'Pacific/Honolulu', 'UTC')).toBe('Due by end of Mar 12, 2026');
    expect(await scan(t, '2026-03-13T00:00:00.000Z')).toMatchObject({ raised: 1 });
    const [lateOne] = (await t.owner.get('/api/alerts?rule=invoice_overdue')).body.items;
    expect(lateOne).toBeDefined();
    const late = lateOne!;
    expect(late.message).toMatch(/was due yesterday|was due on .*Mar 12/);
    expect(formatAlertDue(late, 'Pacific/Honolulu', 'UTC')).toBe('Overdue since Mar 13, 2026');
  });
});
