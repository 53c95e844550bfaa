import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import { termsHashOf } from '../../../server/db/queries/proposals';
import {
  proposalCreatedSchema,
  proposalDecisionResultSchema,
  proposalSchema,
  proposalViewSchema,
  type ProposalCreate,
  type ProposalCreated,
} from '../../../shared/schemas/proposal';
import { addUser, signInAs, unchecked, type TestClient } from '../../support/app';
import { alertRows, scan, useSmtpMailer } from '../../support/alerts';
import { pdfText } from '../../support/pdf-text';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z (a Sunday) until a test moves it; the zone is UTC.
const DAY = 24 * 3_600_000;

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

const TERMS = {
  items: [
    {
      description: 'TikTok video',
      quantity: 2,
      unitCents: 150_000,
      platform: 'tiktok',
      format: 'video',
      publishOn: '2026-03-20',
    },
    {
      description: 'Instagram story set',
      quantity: 1,
      unitCents: 50_000,
      platform: 'instagram',
      format: 'story',
    },
    { description: 'Paid usage, 90 days', quantity: 1, unitCents: 80_000 },
  ],
  currency: 'EUR',
  paymentTermsDays: 14,
  paymentTrigger: 'contract_signed',
  usageRightsUntil: '2026-06-30',
  exclusivityCategory: 'Energy drinks',
  exclusivityUntil: '2026-05-31',
  revisionRounds: 2,
  note: 'Happy to adapt the dates.',
  expiresOn: '2026-03-10',
} satisfies ProposalCreate;

async function propose(
  client: TestClient,
  dealId: string,
  body: Record<string, unknown> = TERMS,
): Promise<ProposalCreated> {
  const res = await client.post(`/api/deals/${dealId}/proposals`, unchecked(body));
  if (res.status !== 201) throw new Error(`proposal failed: ${res.status} ${res.text}`);
  return res.body as ProposalCreated;
}

const view = (t: Workspace, token: string) => t.client().get(`/api/proposal-links/${token}`);
const decide = (t: Workspace, token: string, body: Record<string, unknown>) =>
  t.client().post(`/api/proposal-links/${token}/decision`, unchecked(body));
const ACCEPT = {
  decision: 'accept',
  name: 'Bea Brand',
  title: 'Partnerships lead',
  agree: true,
} as const;

async function dealOf(t: Workspace, id: string) {
  const res = await t.owner.get(`/api/deals/${id}`);
  return res.body as unknown as Record<string, unknown>;
}

async function deliverablesOf(t: Workspace, dealId: string) {
  return t.db
    .selectFrom('deliverables')
    .select(['title', 'platform', 'format', 'publishAt', 'status'])
    .where('dealId', '=', dealId)
    .orderBy('title')
    .orderBy('publishAt')
    .execute();
}

/** Everything an answer may write. */
async function answerTables(t: Workspace) {
  const [proposals, deals, deliverables, alerts, audit] = await Promise.all([
    t.db.selectFrom('proposals').selectAll().orderBy('id').execute(),
    t.db.selectFrom('deals').selectAll().orderBy('id').execute(),
    t.db.selectFrom('deliverables').selectAll().orderBy('id').execute(),
    t.db.selectFrom('alerts').selectAll().orderBy('id').execute(),
    t.db.selectFrom('auditLog').selectAll().orderBy('id').execute(),
  ]);
  return { proposals, deals, deliverables, alerts, audit };
}

describe('POST /api/deals/:id/proposals', () => {
  it('sends version 1 with an unguessable link whose token only the answer shows (201)', async () => {
    const t = await apps.workspace();
    const res = await t.owner.post(`/api/deals/${t.deal.id}/proposals`, TERMS);
    expect(res.status).toBe(201);
    const created = proposalCreatedSchema.parse(res.body);
    expect(created.version).toBe(1);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toMatch(new RegExp(`^http://localhost:\\d+/proposal/${created.token}$`));
    const row = await t.db.selectFrom('proposals').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    // Nor does the audit trail keep the address.
    const audit = await t.db.selectFrom('auditLog').selectAll().execute();
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('lists the proposal with its terms, total and state for the team', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const res = await t.owner.get(`/api/deals/${t.deal.id}/proposals`);
    expect(res.status).toBe(200);
    const [item] = res.body.items;
    proposalSchema.parse(item);
    expect(item).toMatchObject({
      id: created.id,
      dealId: t.deal.id,
      version: 1,
      status: 'sent',
      state: 'sent',
      url: created.url,
      expiresOn: '2026-03-10',
      createdBy: { id: t.user.id },
      terms: {
        currency: 'EUR',
        totalCents: 2 * 150_000 + 50_000 + 80_000,
        paymentTermsDays: 14,
        paymentTrigger: 'contract_signed',
        usageRightsUntil: '2026-06-30',
        exclusivityCategory: 'Energy drinks',
        exclusivityUntil: '2026-05-31',
        revisionRounds: 2,
        note: 'Happy to adapt the dates.',
      },
    });
    expect(item!.terms.items[2]).toEqual({
      description: 'Paid usage, 90 days',
      quantity: 1,
      unitCents: 80_000,
      platform: null,
      format: null,
      publishOn: null,
    });
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const t = await apps.workspace();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ ...TERMS, items: [] }, ['items']],
      [
        { ...TERMS, items: [{ description: ' ', quantity: 0, unitCents: -1 }] },
        ['items.0.description', 'items.0.quantity', 'items.0.unitCents'],
      ],
      [
        { ...TERMS, items: [{ ...TERMS.items[0], platform: 'myspace', publishOn: '2026-02-30' }] },
        ['items.0.platform', 'items.0.publishOn'],
      ],
      [
        { ...TERMS, currency: 'euro', paymentTermsDays: 400, paymentTrigger: 'later' },
        ['currency', 'paymentTermsDays', 'paymentTrigger'],
      ],
      [{ ...TERMS, exclusivityCategory: undefined }, ['exclusivityCategory']],
      [{ ...TERMS, expiresOn: undefined }, ['expiresOn']],
      [{ ...TERMS, revisionRounds: 1.5 }, ['revisionRounds']],
      [{ ...TERMS, items: Array.from({ length: 31 }, () => TERMS.items[0]) }, ['items']],
    ];
    for (const [body, paths] of cases) {
      const res = await t.owner.post(`/api/deals/${t.deal.id}/proposals`, unchecked(body));
      expectApiError(res, 400, { paths });
    }
    // An expiry already past, in the workspace's zone.
    expectApiError(
      await t.owner.post(`/api/deals/${t.deal.id}/proposals`, {
        ...TERMS,
        expiresOn: '2026-02-28',
      }),
      400,
      { paths: ['expiresOn'] },
    );
    expect(await t.db.selectFrom('proposals').selectAll().execute()).toEqual([]);
  });

  it('answers 404 for an unknown deal, 403 for a viewer', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/deals/nope/proposals', TERMS), 404);
    expectApiError(await t.owner.get('/api/deals/nope/proposals'), 404);
    const { client: asViewer } = await signInAs(t, 'viewer');
    expectApiError(await asViewer.post(`/api/deals/${t.deal.id}/proposals`, TERMS), 403);
    expect((await asViewer.get(`/api/deals/${t.deal.id}/proposals`)).status).toBe(200);
    expectApiError(await t.client().get(`/api/deals/${t.deal.id}/proposals`), 401);
  });

  it('a revision is the next version and replaces the open one, whose link then shows no terms', async () => {
    const t = await apps.workspace();
    const first = await propose(t.owner, t.deal.id);
    const second = await propose(t.owner, t.deal.id, {
      ...TERMS,
      items: [{ description: 'Secret new price line', quantity: 1, unitCents: 999_999 }],
    });
    expect(second.version).toBe(2);
    const old = await view(t, first.token);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ state: 'replaced', version: 1, terms: null });
    expect(old.text).not.toContain('Secret new price line');
    expect(old.text).not.toContain('999');
    expectApiError(await decide(t, first.token, ACCEPT), 409, { message: /replaced/ });
    const list = (await t.owner.get(`/api/deals/${t.deal.id}/proposals`)).body.items;
    expect(list.map((p: { version: number; state: string }) => [p.version, p.state])).toEqual([
      [2, 'sent'],
      [1, 'replaced'],
    ]);
  });
});

describe('POST /api/proposals/:id/withdraw', () => {
  it('withdraws an open proposal: its link shows it withdrawn and takes no answer', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const res = await t.owner.post(`/api/proposals/${created.id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, status: 'withdrawn', state: 'withdrawn' });
    const shown = await view(t, created.token);
    expect(shown.body).toMatchObject({ state: 'withdrawn', terms: null });
    expectApiError(await decide(t, created.token, ACCEPT), 409, { message: /withdrawn/ });
    // Twice: nothing left to withdraw.
    expectApiError(await t.owner.post(`/api/proposals/${created.id}/withdraw`), 409);
    expectApiError(await t.owner.post('/api/proposals/nope/withdraw'), 404);
  });

  it('cancelling the deal withdraws the proposal still out; an answered one stays as it was', async () => {
    const t = await apps.workspace();
    const answered = await propose(t.owner, t.deal.id);
    await decide(t, answered.token, { decision: 'request_changes', name: 'Bea', comment: 'Less' });
    const out = await propose(t.owner, t.deal.id);
    const { version } = (await t.owner.get(`/api/deals/${t.deal.id}`)).body;
    const cancelled = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version,
      status: 'cancelled',
    });
    expect(cancelled.status).toBe(200);
    expect((await view(t, out.token)).body).toMatchObject({ state: 'withdrawn', terms: null });
    expectApiError(await decide(t, out.token, ACCEPT), 409, { message: /withdrawn/ });
    expect((await dealOf(t, t.deal.id)).status).toBe('cancelled');
    const states = (await t.owner.get(`/api/deals/${t.deal.id}/proposals`)).body.items.map((p) => [
      p.version,
      p.state,
    ]);
    expect(states.sort()).toEqual([
      [1, 'replaced'],
      [2, 'withdrawn'],
    ]);
  });
});

describe('GET /api/proposal-links/:token', () => {
  it('shows exactly the terms, and nothing else of the workspace', async () => {
    const t = await apps.workspace();
    // Other things the workspace holds that the brand must never see.
    const patched = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: t.deal.version,
      notes: 'INTERNAL: they paid 777 last time',
    });
    expect(patched.status).toBe(200);
    const rival = (await t.owner.post('/api/brands', { name: 'Rival Cola' })).body;
    await t.owner.post('/api/deals', {
      brandId: rival.id,
      title: 'Rival secret deal',
      feeCents: 4_242_424,
    });
    await addUser(t, { role: 'editor', email: 'teammate@creator.example' });
    const created = await propose(t.owner, t.deal.id);

    const res = await view(t, created.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const shown = proposalViewSchema.parse(res.body);
    expect(shown).toMatchObject({
      workspaceName: 'My workspace',
      brandName: 'Acme',
      dealTitle: 'Launch',
      version: 1,
      state: 'sent',
      sentOn: '2026-03-01',
      expiresOn: '2026-03-10',
      decidedAt: null,
    });
    expect(shown.terms?.totalCents).toBe(430_000);
    for (const secret of [
      'INTERNAL',
      '777',
      'Rival',
      '4242424',
      '100000',
      'teammate@creator.example',
      t.user.email,
      t.deal.id,
      created.id,
    ]) {
      expect(res.text).not.toContain(secret);
    }
  });

  it('answers the same 404 to an unknown, malformed or deleted-deal token', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const unknown = await view(t, 'A'.repeat(43));
    const garbage = await view(t, 'x');
    expectApiError(unknown, 404);
    expectApiError(garbage, 404);
    expect((await t.owner.delete(`/api/deals/${t.deal.id}`)).status).toBe(204);
    const deleted = await view(t, created.token);
    expectApiError(deleted, 404);
    expect(deleted.body).toEqual(unknown.body);
    expect(garbage.body).toEqual(unknown.body);
    expectApiError(await decide(t, created.token, ACCEPT), 404);
    expect(await t.db.selectFrom('proposals').selectAll().execute()).toEqual([]);
  });

  it('shows an open proposal past its expiry day as expired, and takes no answer (409)', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    t.clock.advance(9 * DAY); // 2026-03-10: the last day it stands
    expect((await view(t, created.token)).body.state).toBe('sent');
    t.clock.advance(DAY);
    expect((await view(t, created.token)).body).toMatchObject({ state: 'expired' });
    expect((await view(t, created.token)).body.terms).not.toBeNull();
    const before = await answerTables(t);
    expectApiError(await decide(t, created.token, ACCEPT), 409, {
      message: /expired on Mar 10, 2026/,
    });
    // Only the rate-limit count may have moved; no answer was written.
    const after = await answerTables(t);
    expect(after).toEqual(before);
  });

  it('limits views per link and hour (429 with Retry-After)', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    for (let i = 0; i < 120; i++) expect((await view(t, created.token)).status).toBe(200);
    const res = await view(t, created.token);
    expectApiError(res, 429, { code: 'too_many_requests' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(3_600_000);
    expect((await view(t, created.token)).status).toBe(200);
  });
});

describe('GET /api/proposal-links/:token/pdf', () => {
  it('prints the same terms the page shows', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const res = await t.app.request(`http://localhost/api/proposal-links/${created.token}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="proposal-v1.pdf"');
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const words of [
      'Proposal: Launch',
      'From My workspace to Acme',
      '2 × TikTok video · goes live Mar 20, 2026',
      '€3,000.00',
      '1 × Paid usage, 90 days',
      '€4,300.00',
      'Net 14 days from when the proposal is accepted',
      'Until Jun 30, 2026',
      'Energy drinks until May 31, 2026',
      '2 rounds of changes',
      'Happy to adapt the dates.',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('100,000');
  });

  it('answers 404 to an unknown token', async () => {
    const t = await apps.workspace();
    expectApiError(await t.client().get(`/api/proposal-links/${'B'.repeat(43)}/pdf`), 404);
  });
});

describe('POST /api/proposal-links/:token/decision', () => {
  it('accept: records who, when, from where and the hash of the terms, and contracts the deal with its deliverables', async () => {
    const t = await apps.workspace({ trustProxy: true });
    // A deliverable already on the deal (say from an accepted request) is dated, not doubled.
    await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'TikTok video',
      platform: 'tiktok',
      format: 'video',
    });
    const created = await propose(t.owner, t.deal.id);
    t.clock.advance(2 * DAY);
    const res = await t.client().post(`/api/proposal-links/${created.token}/decision`, ACCEPT, {
      headers: {
        'X-Forwarded-For': '203.0.113.7',
      },
    });
    expect(res.status).toBe(200);
    const result = proposalDecisionResultSchema.parse(res.body);
    const row = await t.db.selectFrom('proposals').selectAll().executeTakeFirstOrThrow();
    const shownTerms = (await view(t, created.token)).body.terms;
    expect(result).toEqual({
      decision: 'accept',
      decidedAt: '2026-03-03T12:00:00.000Z',
      state: 'accepted',
      termsHash: termsHashOf({
        id: created.id,
        version: 1,
        expiresOn: '2026-03-10',
        terms: shownTerms!,
      }),
    });
    expect(result.termsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({
      status: 'accepted',
      decidedName: 'Bea Brand',
      decidedTitle: 'Partnerships lead',
      decidedIp: '203.0.113.7',
      decidedAt: '2026-03-03T12:00:00.000Z',
      termsHash: result.termsHash,
    });

    expect(await dealOf(t, t.deal.id)).toMatchObject({
      status: 'contracted',
      contractSignedOn: '2026-03-03',
      feeCents: 430_000,
      currency: 'EUR',
      paymentTermsDays: 14,
      paymentTrigger: 'contract_signed',
      usageRightsUntil: '2026-06-30',
      exclusivityCategory: 'Energy drinks',
      exclusivityUntil: '2026-05-31',
    });
    // Two TikTok videos (one was there already) and the story set; the usage fee is no post.
    expect(await deliverablesOf(t, t.deal.id)).toEqual([
      {
        title: 'Instagram story set',
        platform: 'instagram',
        format: 'story',
        publishAt: null,
        status: 'planned',
      },
      {
        title: 'TikTok video',
        platform: 'tiktok',
        format: 'video',
        publishAt: '2026-03-20T10:00:00.000Z',
        status: 'planned',
      },
      {
        title: 'TikTok video',
        platform: 'tiktok',
        format: 'video',
        publishAt: '2026-03-20T10:00:00.000Z',
        status: 'planned',
      },
    ]);

    const alerts = (await t.owner.get('/api/alerts?rule=proposal_accepted')).body.items;
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'proposal_accepted',
        subjectType: 'deal',
        subjectId: t.deal.id,
        severity: 'info',
      }),
    ]);
    expect(alerts[0]!.message).toContain('Acme accepted the proposal for “Launch”');

    // The page now says who accepted.
    expect((await view(t, created.token)).body).toMatchObject({
      state: 'accepted',
      decidedName: 'Bea Brand',
      decidedTitle: 'Partnerships lead',
    });
    // A second answer, of either kind, changes nothing.
    const before = await answerTables(t);
    expectApiError(await decide(t, created.token, ACCEPT), 409, { message: /already accepted/ });
    expectApiError(
      await decide(t, created.token, { decision: 'request_changes', name: 'X', comment: 'Wait' }),
      409,
    );
    expect(await answerTables(t)).toEqual(before);
  });

  it('request changes: keeps the comment, alerts the team, leaves the deal as it was', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const dealBefore = await dealOf(t, t.deal.id);
    const res = await decide(t, created.token, {
      decision: 'request_changes',
      name: 'Bea Brand',
      comment: '  Could the video go live a week later?  ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'request_changes', state: 'changes_requested' });
    const [proposal] = (await t.owner.get(`/api/deals/${t.deal.id}/proposals`)).body.items;
    expect(proposal).toMatchObject({
      state: 'changes_requested',
      comment: 'Could the video go live a week later?',
      decidedName: 'Bea Brand',
    });
    expect(await dealOf(t, t.deal.id)).toEqual(dealBefore);
    expect(await deliverablesOf(t, t.deal.id)).toEqual([]);
    const alerts = (await t.owner.get('/api/alerts?rule=proposal_changes_requested')).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'warning', subjectId: t.deal.id });
    // The brand's page does not name who asked (only an acceptance is shown).
    expect((await view(t, created.token)).body.decidedName).toBeNull();
    // A scan keeps the alert while the asked-about version waits for an answer...
    const open = async () =>
      (await alertRows(t.db)).filter(
        (a) => a.rule === 'proposal_changes_requested' && a.resolvedAt === null,
      );
    await scan(t);
    expect(await open()).toHaveLength(1);
    // ...and the revision, which replaces it, answers it: the next scan resolves the alert.
    const revised = await propose(t.owner, t.deal.id);
    await scan(t);
    expect(await open()).toEqual([]);
    expect((await decide(t, revised.token, ACCEPT)).status).toBe(200);
  });

  it('answers 400 naming agree, comment, name and decision; nothing is written', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const before = await answerTables(t);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ ...ACCEPT, agree: false }, ['agree']],
      [{ decision: 'accept', name: 'Bea' }, ['agree']],
      [{ ...ACCEPT, agree: 'yes' }, ['agree']],
      [{ ...ACCEPT, name: '  ' }, ['name']],
      [{ decision: 'request_changes', name: 'Bea' }, ['comment']],
      [{ ...ACCEPT, decision: 'maybe' }, ['decision']],
    ];
    for (const [body, paths] of cases) {
      expectApiError(await decide(t, created.token, body), 400, { paths });
    }
    expect(await answerTables(t)).toEqual(before);
  });

  it('refuses a body over 16 KB (413) and too many answers (429 with Retry-After)', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    const big = await decide(t, created.token, {
      decision: 'request_changes',
      name: 'Bea',
      comment: 'x'.repeat(17 * 1024),
    });
    expectApiError(big, 413, { code: 'payload_too_large' });
    // Answers that fail validation are not counted; every other answer is, refused or not: 10 an hour.
    expect((await decide(t, created.token, ACCEPT)).status).toBe(200);
    for (let i = 0; i < 9; i++) expectApiError(await decide(t, created.token, ACCEPT), 409);
    const res = await decide(t, created.token, ACCEPT);
    expectApiError(res, 429, { code: 'too_many_requests' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('POST /api/proposals/:id/send', () => {
  const smtp = useSmtpMailer();

  async function withContact() {
    const t = await apps.workspace({ mailer: smtp.mailer });
    const brand = (await t.owner.get(`/api/brands/${t.brand.id}`)).body;
    const patched = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: brand.version,
      contacts: [
        { name: 'Bea Brand', email: 'bea@acme.example' },
        { name: 'Accounts', email: 'ap@acme.example', billing: true },
      ],
    });
    expect(patched.status, patched.text).toBe(200);
    return t;
  }

  it("e-mails the link and the PDF to the brand's contacts (not billing) through SMTP", async () => {
    const t = await withContact();
    const created = await propose(t.owner, t.deal.id);
    const res = await t.owner.post(`/api/proposals/${created.id}/send`, {
      message: 'Hi Bea, as discussed.',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      sentAt: '2026-03-01T12:00:00.000Z',
      to: ['bea@acme.example'],
      messageId: expect.stringMatching(/^<proposal-.+>$/),
    });
    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0]!;
    expect(envelopeTo).toEqual(['bea@acme.example']);
    expect(mail.subject).toBe('Proposal: Launch (My workspace)');
    expect(mail.text).toContain('Hi Bea, as discussed.');
    expect(mail.text).toContain(created.url);
    expect(mail.text).toContain('Total: €4,300.00');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('proposal-v1.pdf');
    expect(await pdfText(new Uint8Array(pdf!.content))).toContain('Proposal: Launch');
  });

  it('answers 400 naming to without an address, 409 once the proposal is not open', async () => {
    const t = await apps.workspace({ mailer: smtp.mailer });
    const created = await propose(t.owner, t.deal.id);
    expectApiError(await t.owner.post(`/api/proposals/${created.id}/send`, {}), 400, {
      paths: ['to'],
    });
    expectApiError(
      await t.owner.post(`/api/proposals/${created.id}/send`, unchecked({ to: ['nope'] })),
      400,
      { paths: ['to.0'] },
    );
    await t.owner.post(`/api/proposals/${created.id}/withdraw`);
    expectApiError(
      await t.owner.post(`/api/proposals/${created.id}/send`, { to: ['bea@acme.example'] }),
      409,
    );
    expect(smtp.messages).toHaveLength(0);
  });

  it('without SMTP: 409 saying why', async () => {
    const t = await apps.workspace();
    const created = await propose(t.owner, t.deal.id);
    expectApiError(
      await t.owner.post(`/api/proposals/${created.id}/send`, { to: ['bea@acme.example'] }),
      409,
      { code: 'email_not_configured', message: /SMTP_URL/ },
    );
  });
});
