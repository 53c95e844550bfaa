import { describe, expect, it } from 'vitest';
import { createDeliverable, patchDeliverable } from '../../support/alerts';
import { addInvoice, patchSettings, pay } from '../../support/invoices';
import { type TestApp, type TestClient, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

async function dealOf(t: Workspace, id: string) {
  const res = await t.owner.get(`/api/deals/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function patchDeal(t: Workspace, id: string, changes: Record<string, unknown>) {
  const { version } = await dealOf(t, id);
  const res = await t.owner.patch(`/api/deals/${id}`, { version, ...changes });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** The deal's expectedPayOn as the list and the single read answer it (they must agree). */
async function expectedPayOn(t: Workspace, id: string): Promise<string | null> {
  const one = (await dealOf(t, id)).expectedPayOn;
  const listed = (await t.owner.get('/api/deals')).body.items.find(
    (d: { id: string }) => d.id === id,
  );
  expect(listed!.expectedPayOn).toBe(one);
  return one;
}

/** A deliverable put in review and approved by the brand through a review link at `at`. */
async function approvedByBrand(t: TestApp & { owner: TestClient }, dealId: string, at: string) {
  const deliverable = await createDeliverable(t.owner, dealId, { status: 'in_review' });
  t.clock.set(at);
  const link = await t.owner.post(`/api/deliverables/${deliverable.id}/review-links`, {});
  expect(link.status, link.text).toBe(201);
  const decided = await t
    .client()
    .post(`/api/review/${link.body.token}/decision`, { decision: 'approve' });
  expect(decided.status, decided.text).toBe(200);
  return deliverable;
}

describe('deal payment fields', () => {
  it('round-trips payer, terms and trigger on create and PATCH, null clearing them', async () => {
    const t = await apps.workspace();
    const created = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Agency deal',
      payer: {
        name: 'Agency',
        emails: ['a@agency.example', 'B@Agency.example'],
        address: '',
        taxId: '',
      },
      paymentTermsDays: 0,
      paymentTrigger: 'last_published',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      payer: {
        name: 'Agency',
        emails: ['a@agency.example', 'b@agency.example'],
        address: '',
        taxId: '',
      },
      paymentTermsDays: 0,
      paymentTrigger: 'last_published',
      expectedPayOn: null,
    });

    const changed = await patchDeal(t, created.body.id, {
      payer: { name: 'Acme AP', emails: [], address: '2 High St', taxId: 'DE1' },
      paymentTermsDays: 365,
      paymentTrigger: 'draft_approved',
    });
    expect(changed).toMatchObject({
      payer: { name: 'Acme AP', emails: [], address: '2 High St', taxId: 'DE1' },
      paymentTermsDays: 365,
      paymentTrigger: 'draft_approved',
    });
    // A PATCH that leaves them out keeps them.
    expect(await patchDeal(t, created.body.id, { notes: 'x' })).toMatchObject({
      payer: { name: 'Acme AP' },
      paymentTermsDays: 365,
    });
    const cleared = await patchDeal(t, created.body.id, { payer: null, paymentTermsDays: null });
    expect(cleared).toMatchObject({
      payer: null,
      paymentTermsDays: null,
      paymentTrigger: 'draft_approved',
    });
    expect(await dealOf(t, created.body.id)).toEqual(cleared);
  });

  it("is the payer of the deal's invoices that name none", async () => {
    const t = await apps.workspace();
    await patchDeal(t, t.deal.id, {
      payer: { name: 'Agency', emails: ['ap@agency.example'], address: '', taxId: '' },
    });
    const invoice = await addInvoice(t, { amountCents: 1_000 });
    expect(invoice).toMatchObject({
      payer: { name: 'Agency', emails: ['ap@agency.example'] },
      payerSource: 'deal',
    });
  });

  it('returns 400 naming the bad billing e-mail by its place, and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await t.owner.post('/api/deals', {
      brandId: t.brand.id,
      title: 'Bad payer',
      payer: {
        name: 'Agency',
        emails: ['ok@agency.example', 'not-an-email'],
        address: '',
        taxId: '',
      },
    });
    expectApiError(res, 400, { code: 'validation_failed', paths: ['payer.emails.1'] });
    expect(res.body.error.issues!.map((i: { path: string }) => i.path)).toEqual(['payer.emails.1']);

    const patched = await t.owner.patch(
      `/api/deals/${t.deal.id}`,
      unchecked({
        version: 1,
        payer: { name: '', emails: ['x@y.example', 'x@y.example', 'nope'], address: '', taxId: '' },
        paymentTermsDays: 366,
        paymentTrigger: 'on_delivery',
      }),
    );
    expectApiError(patched, 400, {
      code: 'validation_failed',
      paths: ['payer.name', 'payer.emails.2', 'paymentTermsDays', 'paymentTrigger'],
    });
    for (const paymentTermsDays of [-1, 1.5, '30']) {
      expectApiError(
        await t.owner.patch(`/api/deals/${t.deal.id}`, unchecked({ version: 1, paymentTermsDays })),
        400,
        { paths: ['paymentTermsDays'] },
      );
    }
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('expectedPayOn', () => {
  it('invoice_issued: the earliest due day of the unpaid invoices that are not void', async () => {
    const t = await apps.workspace();
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();

    const later = await addInvoice(t, {
      amountCents: 5_000,
      dueOn: '2026-04-30',
      issuedOn: '2026-03-01',
      status: 'sent',
    });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-04-30');
    // A draft counts (it is what will be sent); a void invoice does not.
    await addInvoice(t, { amountCents: 5_000, dueOn: '2026-04-10', issuedOn: '2026-03-01' });
    await addInvoice(t, {
      amountCents: 5_000,
      dueOn: '2026-03-05',
      issuedOn: '2026-03-01',
      status: 'void',
    });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-04-10');
    const first = await addInvoice(t, {
      amountCents: 5_000,
      dueOn: '2026-03-20',
      issuedOn: '2026-03-01',
      status: 'sent',
    });
    await pay(t.owner, first.id, { amountCents: 2_000, paidOn: '2026-03-02' });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-20');
    // Paid in full: the next one is what is still expected.
    await pay(t.owner, first.id, { amountCents: 3_000, paidOn: '2026-03-03' });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-04-10');
    expect(later.dueOn).toBe('2026-04-30');
  });

  it("contract_signed: the signing day plus the deal's terms, else the workspace's; null before", async () => {
    const t = await apps.workspace();
    await patchDeal(t, t.deal.id, { paymentTrigger: 'contract_signed' });
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();
    // Signed on a day still to come: the clock has not started.
    await patchDeal(t, t.deal.id, { contractSignedOn: '2026-03-02' });
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();

    await patchDeal(t, t.deal.id, { contractSignedOn: '2026-02-15' });
    // The workspace's default, net 30.
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-17');
    await patchSettings(t.owner, { defaultPaymentTermsDays: 14 });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-01');
    await patchDeal(t, t.deal.id, { paymentTermsDays: 60 });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-04-16');
  });

  it('draft_approved: the day the last draft was approved by the brand, in the workspace zone, plus the terms', async () => {
    const t = await apps.workspace({ timeZone: 'Europe/Berlin' });
    await patchDeal(t, t.deal.id, { paymentTrigger: 'draft_approved', paymentTermsDays: 10 });
    // No deliverables: nothing to approve yet.
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();

    await approvedByBrand(t, t.deal.id, '2026-03-02T10:00:00.000Z');
    const second = await createDeliverable(t.owner, t.deal.id, { status: 'in_review' });
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();
    // A cancelled deliverable does not hold the clock up.
    await createDeliverable(t.owner, t.deal.id, { status: 'cancelled' });

    t.clock.set('2026-03-05T23:30:00.000Z');
    const link = await t.owner.post(`/api/deliverables/${second.id}/review-links`, {});
    await t.client().post(`/api/review/${link.body.token}/decision`, { decision: 'approve' });
    // 23:30 UTC on Mar 5 is already Mar 6 in Berlin.
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-16');

    // Scheduled and published still count as approved.
    await patchDeliverable(t.owner, second.id, { status: 'scheduled' });
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-16');
    // A draft marked approved by hand has no dated approval: the clock waits for one.
    await createDeliverable(t.owner, t.deal.id, { status: 'approved' });
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();
  });

  it('last_published: the day the last deliverable went live, once all are published, plus the terms', async () => {
    const t = await apps.workspace({ timeZone: 'America/New_York' });
    await patchDeal(t, t.deal.id, { paymentTrigger: 'last_published' });
    const a = await createDeliverable(t.owner, t.deal.id, {
      status: 'published',
      publishAt: '2026-02-20T15:00:00.000Z',
    });
    const b = await createDeliverable(t.owner, t.deal.id, {
      status: 'scheduled',
      publishAt: '2026-02-27T03:00:00.000Z',
    });
    expect(await expectedPayOn(t, t.deal.id)).toBeNull();
    await patchDeliverable(t.owner, b.id, { status: 'published' });
    // 03:00 UTC on Feb 27 is Feb 26 in New York; net 30 (the workspace's default).
    expect(await expectedPayOn(t, t.deal.id)).toBe('2026-03-28');
    expect(a.id).not.toBe(b.id);
  });
});
