import { afterEach, describe, expect, it } from 'vitest';
import { draftInvoiceOf } from '../../../server/alerts/rules/ready-to-invoice';
import { runAlertScan } from '../../../server/alerts/scan';
import type { DatabaseHandle } from '../../../server/db/connect';
import { invoiceCreateSchema, type Invoice } from '../../../shared/schemas/invoice';
import { createWorkspace, type Workspace } from '../../support/app';
import {
  alertKeys,
  alertRows,
  createDeliverable,
  openSecondHandle,
  patchDeliverable,
  scan,
} from '../../support/alerts';
import {
  addInvoice,
  createInvoice,
  closeApp,
  createDeal,
  type DealInput,
  patchInvoice,
  setWorkspaceZone,
} from '../../support/invoices';

let t: Workspace | undefined;
let handles: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
  if (t) await closeApp(t);
  t = undefined;
});

const NOW = '2026-03-10T12:00:00.000Z';

async function workspace(): Promise<Workspace> {
  t = await createWorkspace({ now: NOW });
  return t;
}

async function patchDeal(w: Workspace, changes: Record<string, unknown>) {
  const { version } = (await w.owner.get(`/api/deals/${w.deal.id}`)).body;
  const res = await w.owner.patch(`/api/deals/${w.deal.id}`, { version, ...changes });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function invoicesOf(w: Workspace): Promise<Invoice[]> {
  return (await w.owner.get(`/api/invoices?dealId=${w.deal.id}`)).body.items;
}

describe('ready_to_invoice', () => {
  it('fires once when the contract is signed, with one draft invoice for the whole fee', async () => {
    const w = await workspace();
    await patchDeal(w, { paymentTrigger: 'contract_signed', paymentTermsDays: 14 });
    expect(await scan(w, NOW)).toMatchObject({ raised: 0 });
    expect(await invoicesOf(w)).toEqual([]);

    await patchDeal(w, { contractSignedOn: '2026-03-09', status: 'contracted' });
    expect(await scan(w, NOW)).toMatchObject({ raised: 1 });
    expect(await alertKeys(w.db, w.deal.id)).toEqual(['ready_to_invoice@2026-03-09T00:00:00.000Z']);
    const [alert] = (await w.owner.get('/api/alerts?rule=ready_to_invoice')).body.items;
    expect(alert).toMatchObject({
      subjectType: 'deal',
      subjectId: w.deal.id,
      severity: 'info',
      subject: { title: 'Launch', brandName: 'Acme' },
    });
    expect(alert!.message).toMatch(/^Ready to invoice: “Launch” for Acme/);

    const [draft, ...more] = await invoicesOf(w);
    expect(more).toEqual([]);
    expect(draft).toMatchObject({
      dealId: w.deal.id,
      number: 'INV-2026-0001',
      status: 'draft',
      currency: 'USD',
      lines: [{ description: 'Launch', quantity: 1, unitCents: 100_000, amountCents: 100_000 }],
      taxes: [],
      amountCents: 100_000,
      totalCents: 100_000,
      issuedOn: '2026-03-10',
      paymentTermsDays: 14,
      dueOn: '2026-03-24',
      sentAt: null,
      publicUrl: null,
      payments: [],
    });

    // Again, and later: nothing new, and the alert stays open while the draft is unsent.
    expect(await scan(w, NOW)).toEqual({ raised: 0, resolved: 0 });
    expect(await scan(w, '2026-03-11T12:00:00.000Z')).toEqual({ raised: 0, resolved: 0 });
    expect(await invoicesOf(w)).toHaveLength(1);
    expect((await alertRows(w.db))[0]!.resolvedAt).toBeNull();
  });

  it('invoices only what is left when part of the fee is invoiced, with the workspace terms', async () => {
    const w = await workspace();
    await addInvoice(w, { amountCents: 40_000, status: 'sent' });
    // Void invoices do not count.
    await addInvoice(w, { amountCents: 60_000, status: 'void' });
    await patchDeal(w, { paymentTrigger: 'contract_signed', contractSignedOn: '2026-03-01' });
    expect(await scan(w, NOW)).toMatchObject({ raised: 1 });
    const drafts = (await invoicesOf(w)).filter((i) => i.status === 'draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      amountCents: 60_000,
      lines: [{ description: 'Launch', quantity: 1, unitCents: 60_000 }],
      paymentTermsDays: 30,
      dueOn: '2026-04-09',
    });
  });

  it('does not fire when invoices already cover the fee, for invoice_issued, or before the trigger', async () => {
    const w = await workspace();
    await addInvoice(w, { amountCents: 100_000 });
    await patchDeal(w, { paymentTrigger: 'contract_signed', contractSignedOn: '2026-03-01' });

    const deal = (title: string, fields: Omit<DealInput, 'brandId'>) =>
      createDeal(w.owner, { brandId: w.brand.id, title, feeCents: 50_000, ...fields });
    const other = await deal('Default clock', { contractSignedOn: '2026-03-01' });
    const waiting = await deal('Not yet signed', { paymentTrigger: 'contract_signed' });
    const cancelled = await deal('Called off', {
      status: 'cancelled',
      paymentTrigger: 'contract_signed',
      contractSignedOn: '2026-03-01',
    });
    expect(await scan(w, NOW)).toMatchObject({ raised: 0 });
    expect(await alertRows(w.db)).toEqual([]);
    const invoices = (await w.owner.get('/api/invoices')).body.items as Invoice[];
    expect(invoices).toHaveLength(1);
    expect([other.id, waiting.id, cancelled.id]).not.toContain(invoices[0]!.dealId);
  });

  it('prepares one draft however often and however concurrently the scan runs', async () => {
    const w = await workspace();
    await patchDeal(w, { paymentTrigger: 'contract_signed', contractSignedOn: '2026-03-09' });
    const second = openSecondHandle(w);
    handles.push(second);
    const results = await Promise.all([
      runAlertScan({ db: w.db, now: new Date(NOW), emailEnabled: false }),
      runAlertScan({ db: second.db, now: new Date(NOW), emailEnabled: false }),
      runAlertScan({ db: w.db, now: new Date(NOW), emailEnabled: false }),
    ]);
    expect(results.reduce((sum, r) => sum + r.raised, 0)).toBe(1);
    expect(await alertKeys(w.db, w.deal.id)).toEqual(['ready_to_invoice@2026-03-09T00:00:00.000Z']);
    expect(await invoicesOf(w)).toHaveLength(1);
  });

  it('is once per deal: a deleted draft is not prepared again', async () => {
    const w = await workspace();
    await patchDeal(w, { paymentTrigger: 'contract_signed', contractSignedOn: '2026-03-09' });
    expect(await scan(w, NOW)).toMatchObject({ raised: 1 });
    const [draft] = await invoicesOf(w);
    expect((await w.owner.delete(`/api/invoices/${draft!.id}`)).status).toBe(204);
    // Even with the trigger moved, which would be another due moment.
    await patchDeal(w, { contractSignedOn: '2026-03-08' });
    expect(await scan(w, '2026-03-10T13:00:00.000Z')).toMatchObject({ raised: 0 });
    expect(await invoicesOf(w)).toEqual([]);
  });

  it('fires when the last deliverable is published, due at its go-live, and resolves once the invoice is sent', async () => {
    const w = await workspace();
    await setWorkspaceZone(w.owner, 'Europe/Berlin');
    await patchDeal(w, { paymentTrigger: 'last_published', paymentTermsDays: 7 });
    await createDeliverable(w.owner, w.deal.id, {
      status: 'published',
      publishAt: '2026-03-05T09:00:00.000Z',
    });
    const last = await createDeliverable(w.owner, w.deal.id, {
      status: 'scheduled',
      publishAt: '2026-03-09T18:00:00.000Z',
    });
    // (The late go-live has its own alert, about the deliverable.)
    await scan(w, NOW);
    expect(await alertKeys(w.db, w.deal.id)).toEqual([]);
    await patchDeliverable(w.owner, last.id, { status: 'published' });
    await scan(w, NOW);
    expect(await alertKeys(w.db, w.deal.id)).toEqual(['ready_to_invoice@2026-03-09T18:00:00.000Z']);
    const [draft] = await invoicesOf(w);
    expect(draft).toMatchObject({ amountCents: 100_000, status: 'draft', dueOn: '2026-03-17' });

    expect(await scan(w, '2026-03-10T12:01:00.000Z')).toEqual({ raised: 0, resolved: 0 });
    await patchInvoice(w.owner, draft!.id, { status: 'sent' });
    expect(await scan(w, '2026-03-10T12:05:00.000Z')).toEqual({ raised: 0, resolved: 1 });
    const ready = (await alertRows(w.db)).find((a) => a.rule === 'ready_to_invoice');
    expect(ready!.resolvedAt).toBe('2026-03-10T12:05:00.000Z');
  });

  it('fires when the brand approves the last draft, due at that decision', async () => {
    const w = await workspace();
    await patchDeal(w, { paymentTrigger: 'draft_approved' });
    const deliverable = await createDeliverable(w.owner, w.deal.id, { status: 'in_review' });
    w.clock.set('2026-03-10T11:00:00.000Z');
    const link = await w.owner.post(`/api/deliverables/${deliverable.id}/review-links`, {});
    await w.client().post(`/api/review/${link.body.token}/decision`, { decision: 'approve' });
    expect(await scan(w, NOW)).toMatchObject({ raised: 1 });
    expect(await alertKeys(w.db, w.deal.id)).toEqual([
      'ready_to_invoice@2026-03-10T11:00:00.000Z',
      // The review decision's own alert is about the deliverable, not the deal.
    ]);
    expect((await invoicesOf(w)).map((i) => i.amountCents)).toEqual([100_000]);
  });
});

/**
 * A scan reads only the deals that may have become ready since the last one: each way a
 * deal becomes ready is found by the next scan. The workspace (and its settings) is set up
 * well before the first scan's week of lookback.
 */
describe('ready_to_invoice: what makes a deal ready is found by the next scan', () => {
  const SET_UP = '2026-02-10T12:00:00.000Z';
  const FIRST_SCAN = '2026-03-01T12:00:00.000Z';
  const EDIT = '2026-03-02T09:00:00.000Z';
  const NEXT_SCAN = '2026-03-02T09:01:00.000Z';

  async function setUp(): Promise<Workspace> {
    t = await createWorkspace({ now: SET_UP });
    return t;
  }

  const readyKeys = async (w: Workspace) =>
    (await alertKeys(w.db, w.deal.id)).filter((key) => key.startsWith('ready_to_invoice@'));

  /** A deal paid on its last post: one live since Feb 1, one still scheduled (Feb 3). */
  async function waitingOnOnePost(w: Workspace) {
    await patchDeal(w, { paymentTrigger: 'last_published', status: 'in_progress' });
    await createDeliverable(w.owner, w.deal.id, {
      status: 'published',
      publishAt: '2026-02-01T12:00:00.000Z',
    });
    const open = await createDeliverable(w.owner, w.deal.id, {
      status: 'scheduled',
      publishAt: '2026-02-03T12:00:00.000Z',
    });
    expect(await scan(w, FIRST_SCAN)).toMatchObject({ raised: 0 });
    w.clock.set(EDIT);
    return open;
  }

  it('raises when the contract day begins, also when the server was down then', async () => {
    const w = await setUp();
    await patchDeal(w, {
      paymentTrigger: 'contract_signed',
      contractSignedOn: '2026-03-05',
      status: 'contracted',
    });
    expect(await scan(w, FIRST_SCAN)).toMatchObject({ raised: 0 });
    expect(await scan(w, '2026-03-03T12:00:00.000Z')).toMatchObject({ raised: 0 });
    // Down from the 3rd to the 8th.
    expect(await scan(w, '2026-03-08T12:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(w.db, w.deal.id)).toEqual(['ready_to_invoice@2026-03-05T00:00:00.000Z']);
  });

  it('raises when the last post still to come is published', async () => {
    const w = await setUp();
    const open = await waitingOnOnePost(w);
    await patchDeliverable(w.owner, open.id, { status: 'published' });
    await scan(w, NEXT_SCAN);
    // (Its campaign report falls due with it: report_due.)
    expect(await readyKeys(w)).toEqual(['ready_to_invoice@2026-02-03T12:00:00.000Z']);
  });

  it('raises when the last post still to come is deleted', async () => {
    const w = await setUp();
    const open = await waitingOnOnePost(w);
    expect((await w.owner.delete(`/api/deliverables/${open.id}`)).status).toBe(204);
    await scan(w, NEXT_SCAN);
    expect(await readyKeys(w)).toEqual(['ready_to_invoice@2026-02-01T12:00:00.000Z']);
  });

  it('raises when the invoice that covered the fee is voided, or deleted', async () => {
    const w = await setUp();
    await patchDeal(w, {
      paymentTrigger: 'contract_signed',
      contractSignedOn: '2026-02-11',
      status: 'contracted',
    });
    const sent = await createInvoice(w.owner, {
      dealId: w.deal.id,
      amountCents: 100_000,
      status: 'sent',
    });
    expect(await scan(w, FIRST_SCAN)).toMatchObject({ raised: 0 });
    w.clock.set(EDIT);
    await patchInvoice(w.owner, sent.id, { status: 'void' });
    expect(await scan(w, NEXT_SCAN)).toMatchObject({ raised: 1 });
    expect(await alertKeys(w.db, w.deal.id)).toEqual(['ready_to_invoice@2026-02-11T00:00:00.000Z']);

    // Another deal, covered by a draft the team then deletes.
    const other = await w.owner.post('/api/deals', {
      brandId: w.brand.id,
      title: 'Sequel',
      feeCents: 50_000,
      paymentTrigger: 'contract_signed',
      contractSignedOn: '2026-02-11',
      status: 'contracted',
    });
    expect(other.status, other.text).toBe(201);
    const draft = await createInvoice(w.owner, { dealId: other.body.id, amountCents: 50_000 });
    expect(await scan(w, '2026-03-02T10:00:00.000Z')).toMatchObject({ raised: 0 });
    w.clock.set('2026-03-02T11:00:00.000Z');
    expect((await w.owner.delete(`/api/invoices/${draft.id}`)).status).toBe(204);
    expect(await scan(w, '2026-03-02T11:01:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(w.db, other.body.id)).toEqual([
      'ready_to_invoice@2026-02-11T00:00:00.000Z',
    ]);
  });
});

describe('ready_to_invoice: the draft it prepares', () => {
  it('is what the API would accept: parsing it with the create schema changes nothing', () => {
    const deal = {
      dealId: 'deal-1',
      title: 'T'.repeat(200),
      currency: 'EUR',
      paymentTermsDays: 365,
    };
    for (const [cents, today] of [
      [1, '2026-12-07'],
      [Number.MAX_SAFE_INTEGER, '2027-02-28'],
    ] as const) {
      const draft = draftInvoiceOf(deal, cents, today);
      expect(invoiceCreateSchema.parse(draft)).toEqual(draft);
      expect(draft).toMatchObject({ status: 'draft', lines: [{ quantity: 1, unitCents: cents }] });
    }
  });
});
