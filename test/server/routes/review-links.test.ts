import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import {
  reviewDecisionResultSchema,
  reviewLinkCreatedSchema,
  reviewLinkSchema,
  reviewViewSchema,
  type ReviewLink,
  type ReviewLinkCreated,
} from '../../../shared/schemas/review';
import type { RequestBody } from '../../support/api-types';
import { addUser, signInAs, type TestApp, type TestClient, unchecked } from '../../support/app';
import { expectApiError, theOnlyAlert, trackApps } from '../helpers';

const apps = trackApps();

// The test clock reads 2026-03-01T12:00:00.000Z until a test moves it.
const START = '2026-03-01T12:00:00.000Z';
const DAY = 24 * 3_600_000;

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

interface DeliverableBody {
  id: string;
  status: string;
  version: number;
  updatedAt: string;
  assigneeId: string | null;
}

const DRAFT = {
  title: 'Spring unboxing reel',
  platform: 'instagram',
  format: 'reel',
  draftDueAt: '2026-03-03T17:00:00Z',
  publishAt: '2026-03-10T17:00:00Z',
  caption: 'Unboxing the new Acme kit #ad',
  brief: 'Show the logo in the first 3 seconds',
  draftLinks: [{ label: 'Draft cut', url: 'https://drive.example.com/draft-1' }],
};

async function deliverableIn(
  t: Workspace,
  status: string,
  extra: Record<string, unknown> = {},
): Promise<DeliverableBody> {
  const res = await t.owner.post(
    '/api/deliverables',
    unchecked({
      dealId: t.deal.id,
      ...DRAFT,
      status,
      ...extra,
    }),
  );
  if (res.status !== 201) throw new Error(`deliverable failed: ${res.status} ${res.text}`);
  return res.body;
}

async function createLink(
  client: TestClient,
  deliverableId: string,
  body: Record<string, unknown> = {},
): Promise<ReviewLinkCreated> {
  const res = await client.post(`/api/deliverables/${deliverableId}/review-links`, body);
  if (res.status !== 201) throw new Error(`review link failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A workspace with a deliverable in review and an open link to it. */
async function reviewing() {
  const t = await apps.workspace();
  const deliverable = await deliverableIn(t, 'in_review');
  const link = await createLink(t.owner, deliverable.id);
  return { t, deliverable, link };
}

async function history(client: TestClient, deliverableId: string): Promise<ReviewLink[]> {
  const res = await client.get(`/api/deliverables/${deliverableId}/review-links`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function reviewRows(t: TestApp) {
  return t.db.selectFrom('reviewLinks').selectAll().orderBy('id').execute();
}

async function deliverableRow(t: TestApp, id: string) {
  return t.db.selectFrom('deliverables').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Everything a decision may write: the link, the deliverable, alerts, deliveries and the trail. */
async function decisionTables(t: TestApp) {
  const [links, deliverables, alerts, deliveries, audit] = await Promise.all([
    reviewRows(t),
    t.db.selectFrom('deliverables').selectAll().orderBy('id').execute(),
    t.db.selectFrom('alerts').selectAll().orderBy('id').execute(),
    t.db.selectFrom('deliveries').selectAll().orderBy('id').execute(),
    t.db.selectFrom('auditLog').selectAll().orderBy('id').execute(),
  ]);
  return { links, deliverables, alerts, deliveries, audit };
}

/** A link that works no more: its page and a decision on it answer 404, the decision writing nothing. */
async function expectLinkGone(
  t: TestApp,
  token: string,
  decision: RequestBody<'POST', '/api/review/:token/decision'>,
): Promise<void> {
  expectApiError(await t.client().get(`/api/review/${token}`), 404);
  const before = await decisionTables(t);
  expectApiError(await t.client().post(`/api/review/${token}/decision`, decision), 404);
  expect(await decisionTables(t)).toEqual(before);
}

describe('POST /api/deliverables/:id/review-links', () => {
  it('makes a link to a deliverable in review, shown once with its token (201)', async () => {
    const t = await apps.workspace();
    const deliverable = await deliverableIn(t, 'in_review');
    const res = await t.owner.post(`/api/deliverables/${deliverable.id}/review-links`, {});
    expect(res.status).toBe(201);
    reviewLinkCreatedSchema.parse(res.body);
    expect(res.body).toEqual({
      id: expect.any(String),
      deliverableId: deliverable.id,
      createdAt: START,
      // A week unless asked otherwise.
      expiresAt: '2026-03-08T12:00:00.000Z',
      revokedAt: null,
      decidedAt: null,
      decision: null,
      comment: null,
      reviewerName: null,
      createdBy: { id: t.user.id, name: 'Olivia Owner' },
      state: 'open',
      token: expect.any(String),
      url: expect.any(String),
    });
    expect(res.body.token.length).toBeGreaterThanOrEqual(32);
    expect(res.body.url).toBe(`http://localhost:8787/review/${res.body.token}`);
    // Only the token's hash is stored.
    const [row] = await reviewRows(t);
    expect(row!.tokenHash).toBe(hashToken(res.body.token));
    expect(JSON.stringify(row)).not.toContain(res.body.token);
  });

  it('builds the link on the app’s public URL and takes an expiry in days', async () => {
    const t = await apps.workspace({ appUrl: 'https://cal.example.com/' });
    const deliverable = await deliverableIn(t, 'in_review');
    const link = await createLink(t.owner, deliverable.id, { expiresInDays: 30 });
    expect(link.url).toBe(`https://cal.example.com/review/${link.token}`);
    expect(link.expiresAt).toBe('2026-03-31T12:00:00.000Z');
  });

  it.each(['planned', 'drafting', 'changes_requested', 'approved', 'published'])(
    'answers 409 not_in_review for a deliverable that is %s, and writes nothing',
    async (status) => {
      const t = await apps.workspace();
      const deliverable = await deliverableIn(t, status, {
        ...(status === 'published' ? { liveUrl: 'https://instagram.com/p/1' } : {}),
      });
      const before = await decisionTables(t);
      const res = await t.owner.post(`/api/deliverables/${deliverable.id}/review-links`, {});
      expectApiError(res, 409, { code: 'not_in_review', message: /In review/ });
      expect(await decisionTables(t)).toEqual(before);
    },
  );

  it('answers 404 for an unknown deliverable', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.post('/api/deliverables/nope/review-links', {}), 404, {
      code: 'not_found',
    });
    expect(await reviewRows(t)).toEqual([]);
  });

  it.each([0, 91, 1.5, '7', null])(
    'answers 400 naming expiresInDays for %s',
    async (expiresInDays) => {
      const t = await apps.workspace();
      const deliverable = await deliverableIn(t, 'in_review');
      const res = await t.owner.post(
        `/api/deliverables/${deliverable.id}/review-links`,
        unchecked({
          expiresInDays,
        }),
      );
      expectApiError(res, 400, { code: 'validation_failed', paths: ['expiresInDays'] });
      expect(await reviewRows(t)).toEqual([]);
    },
  );

  it('is refused to a viewer (403) and to the signed-out (401), writing nothing', async () => {
    const t = await apps.workspace();
    const deliverable = await deliverableIn(t, 'in_review');
    const { client: viewer } = await signInAs(t, 'viewer');
    const url = `/api/deliverables/${deliverable.id}/review-links` as const;
    expectApiError(await viewer.post(url, {}), 403, { code: 'forbidden' });
    expectApiError(await t.client().post(url, {}), 401, { code: 'unauthorized' });
    expect(await reviewRows(t)).toEqual([]);
  });

  it('lets an editor make one, and records it in the audit trail without the token', async () => {
    const t = await apps.workspace();
    const deliverable = await deliverableIn(t, 'in_review');
    const { client: editor, user } = await signInAs(t, 'editor');
    const link = await createLink(editor, deliverable.id);
    expect(link.createdBy).toEqual({ id: user.id, name: user.name });
    const entries = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'review_link')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'create',
      entityId: link.id,
      actorId: user.id,
      via: 'session',
      summary: `Review link for deliverable "${DRAFT.title}"`,
    });
    expect(entries[0]!.changes).not.toContain(link.token);
  });
});

describe('GET /api/deliverables/:id/review-links', () => {
  it('lists the deliverable’s links newest first, each with its state, for a viewer too', async () => {
    const { t, deliverable, link: first } = await reviewing();
    t.clock.advance(60_000);
    const second = await createLink(t.owner, deliverable.id, { expiresInDays: 1 });
    t.clock.advance(60_000);
    const third = await createLink(t.owner, deliverable.id);
    await t.owner.delete(`/api/deliverables/${deliverable.id}/review-links/${third.id}`);
    t.clock.advance(DAY + 60_000);
    // Another deliverable's link stays out of this history.
    const other = await deliverableIn(t, 'in_review');
    await createLink(t.owner, other.id);

    const { client: viewer } = await signInAs(t, 'viewer');
    const items = await history(viewer, deliverable.id);
    for (const item of items) reviewLinkSchema.parse(item);
    expect(items.map((l) => [l.id, l.state])).toEqual([
      [third.id, 'revoked'],
      [second.id, 'expired'],
      [first.id, 'open'],
    ]);
    expect(JSON.stringify(items)).not.toContain(first.token);
  });

  it('answers 404 for an unknown deliverable and 401 signed out', async () => {
    const { t, deliverable } = await reviewing();
    expectApiError(await t.owner.get('/api/deliverables/nope/review-links'), 404);
    expectApiError(await t.client().get(`/api/deliverables/${deliverable.id}/review-links`), 401);
  });
});

describe('DELETE /api/deliverables/:id/review-links/:linkId', () => {
  it('revokes an open link (204): it stops working and the trail says so', async () => {
    const { t, deliverable, link } = await reviewing();
    t.clock.advance(60_000);
    const res = await t.owner.delete(`/api/deliverables/${deliverable.id}/review-links/${link.id}`);
    expect(res.status).toBe(204);
    const [revoked] = await history(t.owner, deliverable.id);
    expect(revoked).toMatchObject({
      id: link.id,
      state: 'revoked',
      revokedAt: '2026-03-01T12:01:00.000Z',
    });
    expectApiError(await t.client().get(`/api/review/${link.token}`), 404);
    const entry = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'review_link')
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.changes)).toMatchObject({
      state: { from: 'open', to: 'revoked' },
    });
  });

  it('answers 404 for a link of another deliverable, changing nothing', async () => {
    const { t, link } = await reviewing();
    const other = await deliverableIn(t, 'in_review');
    const before = await reviewRows(t);
    expectApiError(
      await t.owner.delete(`/api/deliverables/${other.id}/review-links/${link.id}`),
      404,
    );
    expectApiError(await t.owner.delete(`/api/deliverables/${other.id}/review-links/nope`), 404);
    expect(await reviewRows(t)).toEqual(before);
  });

  it('is refused to a viewer (403), changing nothing', async () => {
    const { t, deliverable, link } = await reviewing();
    const { client: viewer } = await signInAs(t, 'viewer');
    const before = await reviewRows(t);
    expectApiError(
      await viewer.delete(`/api/deliverables/${deliverable.id}/review-links/${link.id}`),
      403,
    );
    expect(await reviewRows(t)).toEqual(before);
  });
});

describe('GET /api/review/:token (public)', () => {
  it('shows the brand the draft and nothing else, without a session', async () => {
    const t = await apps.workspace();
    await t.owner.patch('/api/settings', { version: 1, name: 'Studio Mia' });
    const assignee = await addUser(t, {
      role: 'editor',
      name: 'Secret Assistant',
      email: 'secret.assistant@example.com',
    });
    const deliverable = await deliverableIn(t, 'in_review', { assigneeId: assignee.id });
    // The rest of the workspace, with words that must never reach the brand.
    const otherBrand = (await t.owner.post('/api/brands', { name: 'Zephyr Rival Co' })).body;
    const otherDeal = (
      await t.owner.post('/api/deals', {
        brandId: otherBrand.id,
        title: 'Confidential Rival Deal',
        feeCents: 987_654_321,
        notes: 'rival negotiation notes',
      })
    ).body;
    await t.owner.post('/api/deliverables', {
      dealId: otherDeal.id,
      title: 'Hidden Competitor Teaser',
      platform: 'tiktok',
      caption: 'competitor caption text',
      status: 'in_review',
    });
    await t.owner.patch(`/api/deals/${t.deal.id}`, { version: 1, notes: 'our fee is private' });
    const link = await createLink(t.owner, deliverable.id);

    const res = await t.client().get(`/api/review/${link.token}`);
    expect(res.status).toBe(200);
    reviewViewSchema.parse(res.body);
    expect(res.body).toEqual({
      workspaceName: 'Studio Mia',
      brandName: 'Acme',
      title: DRAFT.title,
      platform: 'instagram',
      format: 'reel',
      status: 'in_review',
      draftDueAt: '2026-03-03T17:00:00.000Z',
      publishAt: '2026-03-10T17:00:00.000Z',
      caption: DRAFT.caption,
      notes: DRAFT.brief,
      draftLinks: DRAFT.draftLinks,
      expiresAt: '2026-03-08T12:00:00.000Z',
    });
    for (const secret of [
      'Zephyr',
      'Confidential Rival Deal',
      '987654321',
      '100000',
      'rival negotiation notes',
      'our fee is private',
      'Hidden Competitor Teaser',
      'competitor caption text',
      'Launch',
      'owner@example.com',
      'secret.assistant',
      'Secret Assistant',
      'Olivia Owner',
      deliverable.id,
      t.deal.id,
      t.brand.id,
      t.user.id,
      assignee.id,
      link.id,
      link.token,
    ]) {
      expect(res.text, `the review page leaks "${secret}"`).not.toContain(secret);
    }
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers 404 to guessed tokens, the same way for every one', async () => {
    const { t, link } = await reviewing();
    const guesses = [
      'x',
      link.token.slice(0, -1),
      `${link.token}x`,
      link.token.toUpperCase(),
      hashToken(link.token),
      link.id,
      'A'.repeat(43),
    ];
    const messages = new Set<string>();
    for (const guess of guesses) {
      const res = await t.client().get(`/api/review/${encodeURIComponent(guess)}`);
      expectApiError(res, 404, { code: 'not_found' });
      messages.add(res.body.error.message);
      const decided = await t.client().post(`/api/review/${encodeURIComponent(guess)}/decision`, {
        decision: 'approve',
      });
      expectApiError(decided, 404, { code: 'not_found' });
      messages.add(decided.body.error.message);
    }
    expect(messages.size).toBe(1);
    expect((await reviewRows(t))[0]!.decidedAt).toBeNull();
  });

  it('answers 404 once the link has expired', async () => {
    const { t, link } = await reviewing();
    t.clock.set('2026-03-08T11:59:59.000Z');
    expect((await t.client().get(`/api/review/${link.token}`)).status).toBe(200);
    t.clock.set('2026-03-08T12:00:00.000Z');
    await expectLinkGone(t, link.token, { decision: 'approve' });
  });

  it('answers 404 once the deliverable left review', async () => {
    const { t, deliverable, link } = await reviewing();
    await t.owner.patch(`/api/deliverables/${deliverable.id}`, {
      version: deliverable.version,
      status: 'drafting',
    });
    await expectLinkGone(t, link.token, { decision: 'approve' });
  });

  it('answers 404 once the link was revoked', async () => {
    const { t, deliverable, link } = await reviewing();
    await t.owner.delete(`/api/deliverables/${deliverable.id}/review-links/${link.id}`);
    await expectLinkGone(t, link.token, { decision: 'request_changes', comment: 'x' });
  });
});

describe('POST /api/review/:token/decision (public)', () => {
  it('approves: the deliverable is approved (version + 1), the team is alerted, the trail records it', async () => {
    const t = await apps.workspace();
    const assignee = await addUser(t, { role: 'editor', name: 'Ed Itor' });
    const deliverable = await deliverableIn(t, 'in_review', { assigneeId: assignee.id });
    const link = await createLink(t.owner, deliverable.id);
    t.clock.advance(3_600_000);

    const res = await t.client().post(`/api/review/${link.token}/decision`, {
      decision: 'approve',
      comment: 'Looks great!',
      name: '  Bea from Acme  ',
    });
    expect(res.status).toBe(200);
    reviewDecisionResultSchema.parse(res.body);
    expect(res.body).toEqual({
      decision: 'approve',
      decidedAt: '2026-03-01T13:00:00.000Z',
      status: 'approved',
    });

    const after = (await t.owner.get(`/api/deliverables/${deliverable.id}`)).body;
    expect(after).toMatchObject({
      status: 'approved',
      version: deliverable.version + 1,
      updatedAt: '2026-03-01T13:00:00.000Z',
    });

    const [decided] = await history(t.owner, deliverable.id);
    expect(decided).toMatchObject({
      id: link.id,
      state: 'approved',
      decision: 'approve',
      decidedAt: '2026-03-01T13:00:00.000Z',
      comment: 'Looks great!',
      reviewerName: 'Bea from Acme',
    });

    const alert = await theOnlyAlert(t, 'rule=review_approved');
    expect(alert).toMatchObject({
      rule: 'review_approved',
      subjectType: 'deliverable',
      subjectId: deliverable.id,
      dueAt: '2026-03-01T13:00:00.000Z',
      severity: 'info',
    });
    const alertRow = await t.db
      .selectFrom('alerts')
      .selectAll()
      .where('rule', '=', 'review_approved')
      .executeTakeFirstOrThrow();
    expect(alertRow.message).toContain('Acme');

    const trail = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('via', '=', 'public')
      .where('entityType', 'in', ['deliverable', 'review_link'])
      .orderBy('id')
      .execute();
    expect(trail.map((e) => [e.entityType, e.entityId, e.action])).toEqual([
      ['deliverable', deliverable.id, 'update'],
      ['review_link', link.id, 'update'],
    ]);
    expect(trail[0]!.actorId).toBeNull();
    expect(trail[0]!.summary).toContain('approved');
    expect(trail[0]!.summary).toContain('Bea from Acme');
    expect(JSON.parse(trail[0]!.changes)).toEqual({
      status: { from: 'in_review', to: 'approved' },
    });
  });

  it('requests changes: the deliverable goes back, the comment is in the history, a warning is raised', async () => {
    const { t, deliverable, link } = await reviewing();
    const res = await t.client().post(`/api/review/${link.token}/decision`, {
      decision: 'request_changes',
      comment: 'Please move the logo to the first 3 seconds.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'request_changes', status: 'changes_requested' });

    expect((await deliverableRow(t, deliverable.id)).status).toBe('changes_requested');
    const [decided] = await history(t.owner, deliverable.id);
    expect(decided).toMatchObject({
      state: 'changes_requested',
      decision: 'request_changes',
      comment: 'Please move the logo to the first 3 seconds.',
      reviewerName: null,
    });
    const alerts = await t.owner.get(`/api/alerts?subjectId=${deliverable.id}`);
    expect(
      alerts.body.items.map((a: { rule: string; severity: string }) => [a.rule, a.severity]),
    ).toEqual([['review_changes_requested', 'warning']]);
    const audited = await t.db
      .selectFrom('auditLog')
      .select(['entityType', 'summary'])
      .where('via', '=', 'public')
      .where('entityType', 'in', ['deliverable', 'review_link'])
      .execute();
    expect(audited.map((e) => e.entityType).sort()).toEqual(['deliverable', 'review_link']);
  });

  it('keeps a decision only with its alert: when the alert cannot be written, nothing is', async () => {
    const { t, deliverable, link } = await reviewing();
    const before = await decisionTables(t);
    // The alert's insert fails inside the decision's transaction.
    await sql`alter table alerts rename to alerts_away`.execute(t.db);
    const res = await t
      .client()
      .post(`/api/review/${link.token}/decision`, { decision: 'approve' });
    expectApiError(res, 500, { code: 'internal' });
    expect(t.unexpectedErrors.splice(0)).toHaveLength(1);
    await sql`alter table alerts_away rename to alerts`.execute(t.db);
    expect(await decisionTables(t)).toEqual(before);

    // The link still works, and this time the decision and its alert are kept together.
    const again = await t.client().post(`/api/review/${link.token}/decision`, {
      decision: 'approve',
    });
    expect(again.status).toBe(200);
    expect((await deliverableRow(t, deliverable.id)).status).toBe('approved');
    const alerts = await t.owner.get(`/api/alerts?subjectId=${deliverable.id}`);
    expect(alerts.body.items.map((a: { rule: string }) => a.rule)).toEqual(['review_approved']);
  });

  it('works once: after a decision the page and a second decision answer 404, changing nothing', async () => {
    const { t, deliverable, link } = await reviewing();
    // A second open link to the same deliverable stops working too: the draft is no longer in review.
    const second = await createLink(t.owner, deliverable.id);
    expect(
      (await t.client().post(`/api/review/${link.token}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    const before = await decisionTables(t);
    expectApiError(await t.client().get(`/api/review/${link.token}`), 404);
    expectApiError(await t.client().get(`/api/review/${second.token}`), 404);
    for (const token of [link.token, second.token]) {
      expectApiError(
        await t.client().post(`/api/review/${token}/decision`, {
          decision: 'request_changes',
          comment: 'Changed my mind',
        }),
        404,
      );
    }
    expect(await decisionTables(t)).toEqual(before);
  });

  it('makes exactly one of two decisions at once', async () => {
    const { t, deliverable, link } = await reviewing();
    const [a, b] = await Promise.all([
      t.client().post(`/api/review/${link.token}/decision`, { decision: 'approve' }),
      t.client().post(`/api/review/${link.token}/decision`, {
        decision: 'request_changes',
        comment: 'No',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    const winner = (a.status === 200 ? a : b).body as { status: string };
    const row = await deliverableRow(t, deliverable.id);
    expect(row.status).toBe(winner.status);
    expect(row.version).toBe(deliverable.version + 1);
    const alerts = await t.db.selectFrom('alerts').selectAll().execute();
    expect(alerts).toHaveLength(1);
    const trail = await t.db
      .selectFrom('auditLog')
      .select('entityType')
      .where('via', '=', 'public')
      .where('entityType', 'in', ['deliverable', 'review_link'])
      .execute();
    expect(trail).toHaveLength(2);
  });

  it('makes exactly one decision of two links to the same draft answered at once', async () => {
    const { t, deliverable, link } = await reviewing();
    const second = await createLink(t.owner, deliverable.id);
    const results = await Promise.all(
      [link.token, second.token].map((token) =>
        t.client().post(`/api/review/${token}/decision`, { decision: 'approve' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await deliverableRow(t, deliverable.id)).version).toBe(deliverable.version + 1);
    expect((await reviewRows(t)).filter((r) => r.decidedAt !== null)).toHaveLength(1);
  });

  it.each([
    ['no decision', {}, 'decision'],
    ['an unknown decision', { decision: 'maybe' }, 'decision'],
    ['a number as decision', { decision: 42 }, 'decision'],
    ['changes without a comment', { decision: 'request_changes' }, 'comment'],
    ['changes with a blank comment', { decision: 'request_changes', comment: '   ' }, 'comment'],
    [
      'a comment over 5000 characters',
      { decision: 'approve', comment: 'x'.repeat(5001) },
      'comment',
    ],
    ['a number as comment', { decision: 'approve', comment: 7 }, 'comment'],
    ['a name over 200 characters', { decision: 'approve', name: 'n'.repeat(201) }, 'name'],
  ])('answers 400 for %s naming %s, and changes nothing', async (_, body, field) => {
    const { t, link } = await reviewing();
    const before = await decisionTables(t);
    const res = await t.client().post(`/api/review/${link.token}/decision`, unchecked(body));
    expectApiError(res, 400, { code: 'validation_failed', paths: [field] });
    expect(await decisionTables(t)).toEqual(before);
    // The link still works.
    expect((await t.client().get(`/api/review/${link.token}`)).status).toBe(200);
  });

  it('answers 400 for a body that is not JSON, and changes nothing', async () => {
    const { t, link } = await reviewing();
    const before = await decisionTables(t);
    const res = await t.client().raw('POST', `/api/review/${link.token}/decision`, '{"decision": ');
    expectApiError(res, 400);
    expect(await decisionTables(t)).toEqual(before);
  });

  it('is recorded as the brand’s even when someone signed in opens the link', async () => {
    const { t, link } = await reviewing();
    expect(
      (await t.owner.post(`/api/review/${link.token}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    const trail = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'deliverable')
      .where('action', '=', 'update')
      .execute();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorId: null, via: 'public' });
  });
});
