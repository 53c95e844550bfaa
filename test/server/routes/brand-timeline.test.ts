import { describe, expect, it } from 'vitest';
import { recordInvoiceEvent } from '../../../server/db/queries/invoice-events';
import { insertRequest } from '../../../server/db/queries/requests';
import { newId } from '../../../server/ids';
import { TIMELINE_TYPES, type TimelineItem } from '../../../shared/schemas/timeline';
import { signInAs, unchecked, type TestClient } from '../../support/app';
import { PROPOSAL_BODY } from '../../support/routes';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();
type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

const MINUTE = 60_000;

interface Page {
  items: TimelineItem[];
  nextBefore: string | null;
}

async function timeline(client: TestClient, brandId: string, query = ''): Promise<Page> {
  const res = await client.get(`/api/brands/${brandId}/timeline${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as unknown as Page;
}

/** Every page, following `nextBefore` until it is null. */
async function allPages(client: TestClient, brandId: string, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let before: string | null = null;
  do {
    const query: string = `?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const page = await timeline(client, brandId, query);
    pages.push(page);
    before = page.nextBefore;
  } while (before && pages.length < 100);
  return pages;
}

async function created(client: TestClient, url: string, body: unknown) {
  const res = await client.post(url as '/api/brands', unchecked(body));
  expect(res.status, `${url}: ${res.text}`).toBeLessThan(300);
  return res.body as unknown as Record<string, unknown> & { id: string };
}

/**
 * A brand's whole story through the API (and, for what only the public or the
 * scheduler writes, the functions they call), a minute apart each.
 */
async function tellStory(t: Workspace) {
  const step = () => t.clock.advance(MINUTE);
  const brandId = t.brand.id as string;
  const dealId = t.deal.id as string;
  step();
  const pitch = await created(t.owner, `/api/brands/${brandId}/pitches`, {
    pitchedOn: '2026-03-01',
    channel: 'email',
    note: 'Sent the media kit',
  });
  step();
  const note = await created(t.owner, `/api/brands/${brandId}/notes`, {
    happenedOn: '2026-03-01',
    channel: 'call',
    text: 'Call with Dana: they want two reels',
  });
  step();
  const requestId = newId();
  await insertRequest(t.db, {
    id: requestId,
    status: 'accepted',
    company: 'Acme',
    name: 'Dana Brand',
    email: 'dana@acme.example',
    website: null,
    items: '[]',
    want: 'Two reels',
    budgetCents: null,
    budgetMaxCents: null,
    currency: null,
    datesFrom: null,
    datesTo: null,
    usageRights: '',
    exclusivity: '',
    message: 'We love your channel',
    ipHash: 'test',
    createdAt: new Date(t.clock.now().getTime() - 30_000).toISOString(),
    decidedAt: t.clock.now().toISOString(),
    decidedBy: t.user.id,
    brandId,
    dealId,
  });
  step();
  const stage = await t.owner.patch(`/api/brands/${brandId}`, { version: 2, stage: 'negotiating' });
  expect(stage.status, stage.text).toBe(200);
  step();
  const negotiating = await t.owner.patch(`/api/deals/${dealId}`, {
    version: 1,
    status: 'negotiating',
  });
  expect(negotiating.status, negotiating.text).toBe(200);
  step();
  const renamed = await t.owner.patch(`/api/deals/${dealId}`, { version: 2, title: 'Launch 2026' });
  expect(renamed.status, renamed.text).toBe(200);
  step();
  const proposal = await created(t.owner, `/api/deals/${dealId}/proposals`, PROPOSAL_BODY);
  step();
  const accepted = await t.client().post(`/api/proposal-links/${String(proposal.token)}/decision`, {
    decision: 'accept',
    name: 'Dana Brand',
    title: 'CMO',
    agree: true,
  });
  expect(accepted.status, accepted.text).toBe(200);
  step();
  const deliverable = await created(t.owner, '/api/deliverables', {
    dealId,
    title: 'Unboxing reel',
    platform: 'instagram',
    status: 'in_review',
  });
  const link = await created(t.owner, `/api/deliverables/${deliverable.id}/review-links`, {});
  step();
  const decided = await t.client().post(`/api/review/${String(link.token)}/decision`, {
    decision: 'approve',
    name: 'Dana Brand',
    comment: 'Love it',
  });
  expect(decided.status, decided.text).toBe(200);
  step();
  const report = await created(t.owner, `/api/deals/${dealId}/report-links`, {
    summary: 'Results',
  });
  step();
  const left = await t.client().post(`/api/report-links/${String(report.token)}/testimonial`, {
    quote: 'Sold out in a week.',
    name: 'Dana Brand',
    title: 'CMO',
    mayPublish: true,
  });
  expect(left.status, left.text).toBe(201);
  step();
  const invoice = await created(t.owner, '/api/invoices', { dealId, amountCents: 50_000 });
  const sent = await t.owner.patch(`/api/invoices/${invoice.id}`, {
    version: 1,
    status: 'sent',
  });
  expect(sent.status, sent.text).toBe(200);
  step();
  await recordInvoiceEvent(t.db, invoice.id, 'reminder', t.clock.now(), null, {
    step: 0,
    to: ['ap@acme.example'],
  });
  step();
  await recordInvoiceEvent(t.db, invoice.id, 'remittance', t.clock.now(), null, {
    amountCents: 50_000,
  });
  step();
  await created(t.owner, `/api/invoices/${invoice.id}/payments`, {
    amountCents: 50_000,
    paidOn: '2026-03-01',
  });
  return { brandId, dealId, pitch, note, requestId, proposal, deliverable, link, invoice };
}

describe('GET /api/brands/:id/timeline', () => {
  it('reads every source, newest first, each entry with who, when and its subject', async () => {
    const t = await apps.workspace();
    const story = await tellStory(t);
    const { items, nextBefore } = await timeline(t.owner, story.brandId, '?limit=100');
    expect(nextBefore).toBeNull();
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(TIMELINE_TYPES));
    const ats = items.map((i) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);

    const owner = { kind: 'team', id: t.user.id, name: t.user.name };
    const one = (type: string) => items.find((i) => i.type === type);
    expect(items[0]).toMatchObject({
      type: 'payment',
      subjectType: 'invoice',
      subjectId: story.invoice.id,
      dealId: story.dealId,
      summary:
        'Payment of $500.00 for invoice ' + String(story.invoice.number) + ', paid on 2026-03-01',
    });
    expect(one('note')).toEqual({
      id: expect.any(String),
      type: 'note',
      at: '2026-03-01T12:02:00.000Z',
      actor: owner,
      subjectType: 'note',
      subjectId: story.note.id,
      dealId: null,
      summary: 'Call on 2026-03-01: Call with Dana: they want two reels',
      detail: 'Call with Dana: they want two reels',
    });
    expect(one('pitch')).toMatchObject({
      actor: owner,
      subjectType: 'pitch',
      subjectId: story.pitch.id,
      summary: 'Pitched by e-mail on 2026-03-01',
      detail: 'Sent the media kit',
    });
    expect(one('request_received')).toMatchObject({
      actor: { kind: 'brand', id: null, name: 'Dana Brand' },
      subjectType: 'request',
      subjectId: story.requestId,
      detail: 'We love your channel',
    });
    expect(one('request_decided')).toMatchObject({ actor: owner, summary: 'Request accepted' });
    expect(one('brand_changed')).toMatchObject({
      subjectType: 'brand',
      subjectId: story.brandId,
      summary: 'Stage pitched → negotiating',
    });
    expect(items.filter((i) => i.type === 'deal_status').map((i) => i.summary)).toEqual([
      'Deal "Launch 2026" negotiating → contracted',
      'Deal "Launch 2026" pitched → negotiating',
    ]);
    expect(one('deal_changed')).toMatchObject({ subjectType: 'deal', subjectId: story.dealId });
    expect(one('proposal_sent')).toMatchObject({
      actor: owner,
      subjectType: 'proposal',
      subjectId: story.proposal.id,
      dealId: story.dealId,
      summary: 'Proposal v1 for "Launch 2026" sent: $500.00',
    });
    expect(one('proposal_answered')).toMatchObject({
      actor: { kind: 'brand', id: null, name: 'Dana Brand' },
      summary: 'Accepted proposal v1 for "Launch 2026" by Dana Brand (CMO)',
    });
    expect(one('review_link_sent')).toMatchObject({
      actor: owner,
      subjectType: 'deliverable',
      subjectId: story.deliverable.id,
      dealId: story.dealId,
    });
    expect(one('review_decision')).toMatchObject({
      summary: '"Unboxing reel" approved by Dana Brand',
      detail: 'Love it',
    });
    expect(one('invoice_sent')).toMatchObject({ actor: owner, subjectId: story.invoice.id });
    expect(one('invoice_reminder')).toMatchObject({
      actor: null,
      summary: `Reminder sent for invoice ${String(story.invoice.number)} to ap@acme.example`,
    });
    expect(one('remittance')).toMatchObject({ actor: { kind: 'brand' } });
    expect(one('report_shared')).toMatchObject({
      actor: owner,
      subjectType: 'deal',
      subjectId: story.dealId,
      summary: 'Campaign report shared for "Launch 2026"',
    });
    expect(one('testimonial')).toMatchObject({
      actor: { kind: 'brand', name: 'Dana Brand' },
      subjectId: story.dealId,
      summary: 'Testimonial on the report for "Launch 2026": “Sold out in a week.”',
    });
  });

  it('pages with no gaps and no repeats, entries of the same millisecond included', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    // The clock stands still: every entry below shares one instant, across four sources.
    for (let i = 0; i < 7; i++) {
      await created(t.owner, `/api/brands/${brandId}/notes`, {
        happenedOn: '2026-03-01',
        channel: 'dm',
        text: `Note ${i}`,
      });
      await created(t.owner, `/api/brands/${brandId}/pitches`, {
        pitchedOn: '2026-03-01',
        channel: 'email',
      });
      await created(t.owner, '/api/deals', { brandId, title: `Deal ${i}` });
    }
    // Rows imported from another install keep their ids, whatever characters they hold.
    for (const id of ['imported note.1', 'imported~note 2']) {
      await t.db
        .insertInto('brandNotes')
        .values({
          id,
          brandId,
          happenedOn: '2026-03-01',
          channel: 'other',
          text: id,
          at: t.clock.now().toISOString(),
          createdBy: null,
          createdAt: t.clock.now().toISOString(),
        })
        .execute();
    }
    const whole = await timeline(t.owner, brandId, '?limit=100');
    expect(whole.items.length).toBeGreaterThan(23);
    for (const limit of [1, 3, 7, 20]) {
      const pages = await allPages(t.owner, brandId, limit);
      const ids = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(ids, `pages of ${limit}`).toEqual(whole.items.map((i) => i.id));
      expect(pages.at(-1)!.nextBefore).toBeNull();
      expect(pages.slice(0, -1).every((p) => p.items.length === limit)).toBe(true);
    }
  });

  it('shows nothing of another brand', async () => {
    const t = await apps.workspace();
    const other = await created(t.owner, '/api/brands', { name: 'Other Co' });
    const otherDeal = await created(t.owner, '/api/deals', { brandId: other.id, title: 'Other' });
    await created(t.owner, `/api/brands/${other.id}/notes`, {
      happenedOn: '2026-03-01',
      channel: 'call',
      text: 'Secret of Other Co',
    });
    await created(t.owner, `/api/brands/${other.id}/pitches`, {
      pitchedOn: '2026-03-01',
      channel: 'dm',
    });
    const invoice = await created(t.owner, '/api/invoices', {
      dealId: otherDeal.id,
      amountCents: 1_000,
      status: 'sent',
    });
    await created(t.owner, `/api/invoices/${invoice.id}/payments`, {
      amountCents: 1_000,
      paidOn: '2026-03-01',
    });
    const story = await tellStory(t);
    const mine = await timeline(t.owner, story.brandId, '?limit=100');
    const text = JSON.stringify(mine);
    expect(text).not.toContain('Other');
    expect(text).not.toContain(other.id);
    expect(text).not.toContain(otherDeal.id);
    expect(text).not.toContain(invoice.id);
    const theirs = await timeline(t.owner, other.id, '?limit=100');
    expect(new Set(theirs.items.map((i) => i.type))).toEqual(
      // The pitch moved the prospect to pitched.
      new Set(['note', 'pitch', 'brand_created', 'brand_changed', 'deal_created', 'payment']),
    );
    expect(JSON.stringify(theirs)).not.toContain(story.dealId);
  });

  it('answers 404 for an unknown brand, and 400 naming a bad limit or cursor', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/brands/nope/timeline'), 404, { code: 'not_found' });
    const brandId = t.brand.id as string;
    for (const query of ['?limit=0', '?limit=101', '?limit=ten']) {
      expectApiError(await t.owner.get(`/api/brands/${brandId}/timeline${query}`), 400, {
        paths: ['limit'],
      });
    }
    for (const before of [
      'yesterday',
      '2026-03-01T12:00:00.000Z',
      '2026-13-45T12:00:00.000Z~note~x',
      '2026-03-01T12:00:00.000Z~note~a\u0000b',
    ]) {
      expectApiError(
        await t.owner.get(`/api/brands/${brandId}/timeline?before=${encodeURIComponent(before)}`),
        400,
        { paths: ['before'] },
      );
    }
  });

  it('needs a session; a viewer reads it', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    expectApiError(await t.client().get(`/api/brands/${brandId}/timeline`), 401);
    const { client: viewer } = await signInAs(t, 'viewer');
    const page = await timeline(viewer, brandId);
    expect(page.items.map((i) => i.type)).toEqual(['deal_created', 'brand_created']);
  });
});

describe('POST /api/brands/:id/notes', () => {
  it('adds a note (audited) that the timeline shows; a back-dated one sits at noon of its day', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    const { client: editor, user } = await signInAs(t, 'editor');
    const res = await editor.post(`/api/brands/${brandId}/notes`, {
      happenedOn: '2026-02-24',
      channel: 'meeting',
      text: '  Met at the trade fair  ',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      brandId,
      happenedOn: '2026-02-24',
      channel: 'meeting',
      text: 'Met at the trade fair',
      at: '2026-02-24T12:00:00.000Z',
      createdBy: user.id,
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    const { items } = await timeline(editor, brandId);
    expect(items.map((i) => i.type)).toEqual(['deal_created', 'brand_created', 'note']);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'actorId'])
      .where('entityType', '=', 'brand_note')
      .execute();
    expect(audit).toEqual([{ action: 'create', entityId: res.body.id, actorId: user.id }]);
  });

  it('uses the workspace time zone to tell a note of today from a back-dated one', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    const zoned = await t.owner.patch('/api/settings', {
      version: 1,
      timeZone: 'Pacific/Auckland',
    });
    expect(zoned.status, zoned.text).toBe(200);
    // 12:00 UTC is already 2026-03-02 in Auckland: that day is "today", the 1st is not.
    const today = await created(t.owner, `/api/brands/${brandId}/notes`, {
      happenedOn: '2026-03-02',
      channel: 'dm',
      text: 'Today',
    });
    expect(today.at).toBe('2026-03-01T12:00:00.000Z');
    const yesterday = await created(t.owner, `/api/brands/${brandId}/notes`, {
      happenedOn: '2026-03-01',
      channel: 'dm',
      text: 'Yesterday',
    });
    // Noon on the 1st in Auckland (UTC+13) is 23:00 UTC on the 28th.
    expect(yesterday.at).toBe('2026-02-28T23:00:00.000Z');
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    const post = (body: unknown) => t.owner.post(`/api/brands/${brandId}/notes`, unchecked(body));
    expectApiError(await post({}), 400, { paths: ['happenedOn', 'channel', 'text'] });
    expectApiError(await post({ happenedOn: '2026-02-30', channel: 'fax', text: '   ' }), 400, {
      paths: ['happenedOn', 'channel', 'text'],
    });
    expectApiError(
      await post({ happenedOn: '2026-03-01', channel: 'call', text: 'x'.repeat(5_001) }),
      400,
      { paths: ['text'] },
    );
    const rows = await t.db.selectFrom('brandNotes').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('is for editors: a viewer gets 403; an unknown brand 404', async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    const { client: viewer } = await signInAs(t, 'viewer');
    const body = { happenedOn: '2026-03-01', channel: 'call' as const, text: 'Hello' };
    expectApiError(await viewer.post(`/api/brands/${brandId}/notes`, body), 403);
    expectApiError(await t.owner.post('/api/brands/nope/notes', body), 404, { code: 'not_found' });
    expect(await t.db.selectFrom('brandNotes').selectAll().execute()).toEqual([]);
  });
});

describe('DELETE /api/brands/:id/notes/:noteId', () => {
  it("removes the note from the timeline; another brand's path or a viewer cannot", async () => {
    const t = await apps.workspace();
    const brandId = t.brand.id as string;
    const other = await created(t.owner, '/api/brands', { name: 'Other Co' });
    const note = await created(t.owner, `/api/brands/${brandId}/notes`, {
      happenedOn: '2026-03-01',
      channel: 'call',
      text: 'To remove',
    });
    const { client: viewer } = await signInAs(t, 'viewer');
    expectApiError(await viewer.delete(`/api/brands/${brandId}/notes/${note.id}`), 403);
    expectApiError(await t.owner.delete(`/api/brands/${other.id}/notes/${note.id}`), 404);
    expectApiError(await t.owner.delete(`/api/brands/${brandId}/notes/nope`), 404);
    expect((await timeline(t.owner, brandId)).items.map((i) => i.type)).toContain('note');

    const res = await t.owner.delete(`/api/brands/${brandId}/notes/${note.id}`);
    expect(res.status, res.text).toBe(204);
    expect((await timeline(t.owner, brandId)).items.map((i) => i.type)).not.toContain('note');
    expectApiError(await t.owner.delete(`/api/brands/${brandId}/notes/${note.id}`), 404);
  });
});
