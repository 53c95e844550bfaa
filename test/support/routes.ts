/**
 * The API's routes as the app itself registers them, and for each a valid
 * request against a prepared workspace: the access matrix
 * (test/server/routes/access.test.ts) calls every one as every role, and the
 * fuzz test (test/server/routes/fuzz.test.ts) breaks those requests.
 */
import { runAlertScan } from '../../server/alerts/scan';
import { deadPort } from './alerts';
import { SESSION_COOKIE } from '../../server/auth/session';
import { createToken, hashToken } from '../../server/auth/tokens';
import { insertSession } from '../../server/db/queries/sessions';
import { insertRequest } from '../../server/db/queries/requests';
import { newId } from '../../server/ids';
import { unsubscribeToken } from '../../server/alerts/unsubscribe';
import type { Access } from '../../server/permissions';
import { declaredRoutes, type RouteFacts } from '../../server/routes/declare';
import type { Role } from '../../shared/schemas/auth';
import type { Mailer } from '../../server/invoices/mailer';
import { z } from 'zod';
import {
  addUser,
  createTestApp,
  OWNER,
  TEAM_PASSWORD,
  type TestApp,
  type TestClient,
  type TestResponse,
  type RoutedUrl,
} from './app';

export interface ApiRoute {
  method: string;
  /** Hono's path, with `:param` segments: `/api/invoices/:id/payments/:paymentId`. */
  path: string;
  /** `METHOD /api/path/:param`, how the case table names a route. */
  key: string;
  /** The names of the path's `:param` segments, in order. */
  params: string[];
  /** Who may call it, as the route declares (server/routes/declare.ts). */
  access: Access;
  /** The route refuses API tokens (credential management). */
  sessionOnly: boolean;
  /** Everything the route declares: its answers, to check real answers against. */
  facts: RouteFacts;
}

export const routeKey = (method: string, path: string) => `${method} ${path}`;

/**
 * The handlers of `app.routes` under `/api`, each method and path once, with
 * what each declares. Middleware is registered as method `ALL` (`app.use`);
 * the web app's static and SPA fallbacks live outside `/api`; a declaration,
 * a validator and a handler share one method and path.
 */
export function apiRoutesOf(app: { routes: Parameters<typeof declaredRoutes>[0] }): ApiRoute[] {
  return declaredRoutes(app.routes).map(({ method, path, facts }) => ({
    method,
    path,
    key: routeKey(method, path),
    params: path
      .split('/')
      .filter((segment) => segment.startsWith(':'))
      .map((segment) =>
        segment
          .slice(1)
          .replace(/\{.*\}$/, '')
          .replace(/\?$/, ''),
      ),
    access: facts.access,
    sessionOnly: facts.sessionOnly ?? false,
    facts,
  }));
}

/** Builds a throwaway test app and answers its API routes (for generating test cases). */
export async function listApiRoutes(): Promise<ApiRoute[]> {
  const t = await createTestApp();
  try {
    return apiRoutesOf(t.app);
  } finally {
    await t.close();
  }
}

/** Puts values in for a route's `:param` segments; values are used as given (encode them first). */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?\??/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return value;
  });
}

// ---------------------------------------------------------------------------
// A workspace with one of everything
// ---------------------------------------------------------------------------

export interface WorkspaceIds {
  ownerId: string;
  viewerId: string;
  editorId: string;
  /** An editor no test signs in as: the one whose account the owner changes. */
  teammateId: string;
  brandId: string;
  /** A brand with nothing on it, for DELETE. */
  spareBrandId: string;
  /** A brand with one pitch-log entry, `pitchId`. */
  pitchedBrandId: string;
  pitchId: string;
  /** A note on the pitched brand's timeline. */
  noteId: string;
  dealId: string;
  /** A deal with nothing on it, for DELETE. */
  spareDealId: string;
  deliverableId: string;
  spareDeliverableId: string;
  channelId: string;
  spareChannelId: string;
  /** A draft invoice (version 1, no payments). */
  invoiceId: string;
  /** A second draft invoice, for DELETE. */
  spareInvoiceId: string;
  /** A sent invoice with one payment, `paymentId`. */
  paidInvoiceId: string;
  paymentId: string;
  /** Two open alerts (a draft past due on two deliverables of their own). */
  alertId: string;
  spareAlertId: string;
  /** A pending invite, for DELETE (revoking). */
  spareInviteId: string;
  /** The link tokens of two more pending invites: one to look at, one to accept. */
  inviteToken: string;
  acceptToken: string;
  /** The teammate's calendar feed token (`/api/calendar.ics?token=`). */
  feedToken: string;
  /** The teammate's alert e-mail unsubscribe token (`/api/email/unsubscribe?token=`). */
  unsubscribeToken: string;
  /** A deliverable `in_review` with three open review links: one to revoke, one to look at, one to decide on. */
  reviewDeliverableId: string;
  spareReviewLinkId: string;
  reviewToken: string;
  decisionToken: string;
  /** The public link of the sent invoice (`paidInvoiceId`), and two "we've paid" notices on it. */
  invoiceLinkToken: string;
  remittanceId: string;
  spareRemittanceId: string;
  /** Two deal packages: one to read, change and apply, one to delete. */
  packageId: string;
  sparePackageId: string;
  /** The published kit's address, its request form on, and a token that form handed out. */
  kitSlug: string;
  requestFormToken: string;
  /** Three new brand requests: one to read and accept, one to decline, one to mark spam. */
  requestId: string;
  declineRequestId: string;
  spamRequestId: string;
  /** Open proposals, each on a deal of its own: one to look at, one to answer, one to withdraw. */
  proposalId: string;
  proposalToken: string;
  decisionProposalToken: string;
  spareProposalId: string;
  /** A published deliverable on a deal of its own, shared on two report links (one to revoke), with a testimonial. */
  liveDeliverableId: string;
  reportDealId: string;
  reportToken: string;
  spareReportLinkId: string;
  testimonialId: string;
}

/** What one call may use: the workspace's ids and the caller's own. */
export interface CallValues extends WorkspaceIds {
  /** Another live session of the caller (not the one the call comes with). */
  spareSessionId: string;
  /** An API token of the caller's. */
  tokenId: string;
  /** The caller's password. */
  password: string;
}

/** What a path parameter can be filled with. */
export type IdKey = Exclude<keyof CallValues, 'password'>;

export type Identity = 'anonymous' | Role;
export const IDENTITIES: readonly Identity[] = ['anonymous', 'viewer', 'editor', 'owner'];

export interface PreparedWorkspace extends TestApp {
  ids: WorkspaceIds;
  /** The user each signed-in identity is, and an API token of theirs. */
  users: Record<Role, { id: string; email: string; password: string; tokenId: string }>;
  /**
   * A client for the identity with a session of its own (inserted straight
   * into the database: no scrypt), so a call that signs out, signs in as
   * someone else or ends sessions leaves every other call untouched.
   */
  clientAs(identity: Identity): Promise<TestClient>;
  /** `clientAs`, with the values a call of this identity fills in (a second session of theirs, ...). */
  callAs(identity: Identity): Promise<{ client: TestClient; values: CallValues }>;
}

export interface PrepareOptions {
  /** No brands, deals or anything on them (sample data loads only into an empty workspace). */
  empty?: boolean;
}

async function created(
  client: TestClient,
  url: RoutedUrl<'POST'>,
  body: unknown,
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await client.raw<{ id: string } & Record<string, unknown>>('POST', url, body);
  if (res.status !== 201)
    throw new Error(`POST ${url} failed: ${res.status} ${res.text.slice(0, 300)}`);
  return res.body;
}

/**
 * An app with an owner, a viewer, an editor and a teammate, and (unless
 * `empty`) one of everything the API can address by id.
 */
/** Takes every e-mail and sends none: the matrix checks who may send, not the sending. */
const acceptingMailer: Mailer = {
  send: async (mail) => ({ messageId: mail.messageId, accepted: mail.to, rejected: [] }),
  close: () => undefined,
};

/** The prepared workspaces' link secret, so the tests can sign what the app will accept. */
const ROUTE_LINK_SECRET = Buffer.alloc(32, 7);

export async function prepareWorkspace(options: PrepareOptions = {}): Promise<PreparedWorkspace> {
  const t = await createTestApp({ mailer: acceptingMailer, linkSecret: ROUTE_LINK_SECRET });
  const owner = t.client();
  const ownerUser = await owner.setupOwner();
  const viewer = await addUser(t, { role: 'viewer' });
  const editor = await addUser(t, { role: 'editor' });
  const teammate = await addUser(t, { role: 'editor', name: 'Tess Teammate' });
  const absent = 'absent-in-this-workspace';
  const users: PreparedWorkspace['users'] = {
    owner: { id: ownerUser.id, email: ownerUser.email, password: OWNER.password, tokenId: absent },
    viewer: { id: viewer.id, email: viewer.email, password: TEAM_PASSWORD, tokenId: absent },
    editor: { id: editor.id, email: editor.email, password: TEAM_PASSWORD, tokenId: absent },
  };
  /** A new session of the user: its cookie and its id (the token's hash, as the API shows it). */
  const newSession = async (userId: string) => {
    const token = createToken();
    await insertSession(
      t.db,
      { id: hashToken(token), userId, userAgent: 'route tests' },
      t.clock.now(),
    );
    return { cookie: `${SESSION_COOKIE}=${token}`, id: hashToken(token) };
  };
  const clientAs = async (identity: Identity) => {
    const client = t.client();
    if (identity !== 'anonymous') client.cookie = (await newSession(users[identity].id)).cookie;
    return client;
  };
  let ids: WorkspaceIds;
  const callAs = async (identity: Identity) => {
    const client = await clientAs(identity);
    if (identity === 'anonymous') {
      return {
        client,
        values: { ...ids, spareSessionId: absent, tokenId: absent, password: TEAM_PASSWORD },
      };
    }
    const user = users[identity];
    const spare = await newSession(user.id);
    return {
      client,
      values: { ...ids, spareSessionId: spare.id, tokenId: user.tokenId, password: user.password },
    };
  };
  const people = {
    ownerId: ownerUser.id,
    viewerId: viewer.id,
    editorId: editor.id,
    teammateId: teammate.id,
    unsubscribeToken: unsubscribeToken(ROUTE_LINK_SECRET, teammate.id),
  };
  if (options.empty) {
    ids = {
      ...people,
      brandId: absent,
      spareBrandId: absent,
      pitchedBrandId: absent,
      pitchId: absent,
      noteId: absent,
      dealId: absent,
      spareDealId: absent,
      deliverableId: absent,
      spareDeliverableId: absent,
      channelId: absent,
      spareChannelId: absent,
      invoiceId: absent,
      spareInvoiceId: absent,
      paidInvoiceId: absent,
      paymentId: absent,
      alertId: absent,
      spareAlertId: absent,
      spareInviteId: absent,
      inviteToken: absent,
      acceptToken: absent,
      feedToken: absent,
      reviewDeliverableId: absent,
      spareReviewLinkId: absent,
      reviewToken: absent,
      decisionToken: absent,
      invoiceLinkToken: absent,
      remittanceId: absent,
      spareRemittanceId: absent,
      packageId: absent,
      sparePackageId: absent,
      kitSlug: absent,
      requestFormToken: absent,
      requestId: absent,
      declineRequestId: absent,
      spamRequestId: absent,
      proposalId: absent,
      proposalToken: absent,
      decisionProposalToken: absent,
      spareProposalId: absent,
      liveDeliverableId: absent,
      reportDealId: absent,
      reportToken: absent,
      spareReportLinkId: absent,
      testimonialId: absent,
    };
    return { ...t, ids, users, clientAs, callAs };
  }

  const brand = await created(owner, '/api/brands', { name: 'Acme', category: 'tech' });
  const spareBrand = await created(owner, '/api/brands', { name: 'Spare Brand' });
  const deal = await created(owner, '/api/deals', {
    brandId: brand.id,
    title: 'Launch',
    feeCents: 100_000,
  });
  const spareDeal = await created(owner, '/api/deals', { brandId: brand.id, title: 'Spare deal' });
  const deliverable = await created(owner, '/api/deliverables', {
    dealId: deal.id,
    title: 'Unboxing',
    platform: 'tiktok',
    publishAt: '2026-03-05T17:00:00Z',
  });
  const spareDeliverable = await created(owner, '/api/deliverables', {
    dealId: deal.id,
    title: 'Spare reel',
    platform: 'instagram',
  });
  const alerted = [];
  for (const title of ['Late draft A', 'Late draft B']) {
    alerted.push(
      await created(owner, '/api/deliverables', {
        dealId: deal.id,
        title,
        platform: 'youtube',
        draftDueAt: new Date(t.clock.now().getTime() - 60 * 60 * 1000).toISOString(),
      }),
    );
  }
  await runAlertScan({ db: t.db, now: t.clock.now(), emailEnabled: false });
  const alertIdOf = async (subjectId: string) => {
    const row = await t.db
      .selectFrom('alerts')
      .select('id')
      .where('subjectId', '=', subjectId)
      .orderBy('id')
      .executeTakeFirst();
    if (!row) throw new Error(`the alert scan raised nothing for deliverable ${subjectId}`);
    return row.id;
  };

  const url = `http://127.0.0.1:${await deadPort()}/hook`;
  const channel = await created(owner, '/api/channels', { type: 'json', name: 'Ops', url });
  const spareChannel = await created(owner, '/api/channels', { type: 'slack', name: 'Spare', url });

  // Invoices on a deal of their own brand: a sent invoice keeps its deal from being deleted.
  const billedBrand = await created(owner, '/api/brands', { name: 'Billed Co' });
  const pitch = await created(owner, `/api/brands/${billedBrand.id}/pitches`, {
    pitchedOn: '2026-02-20',
    channel: 'email',
  });
  const note = await created(owner, `/api/brands/${billedBrand.id}/notes`, {
    happenedOn: '2026-02-21',
    channel: 'call',
    text: 'Talked through the brief',
  });
  const billedDeal = await created(owner, '/api/deals', {
    brandId: billedBrand.id,
    title: 'Billed',
  });
  const invoice = await created(owner, '/api/invoices', {
    dealId: billedDeal.id,
    amountCents: 10_000,
    payer: { name: 'Billed Co', emails: ['ap@billed.example'], address: '', taxId: '' },
  });
  const spareInvoice = await created(owner, '/api/invoices', {
    dealId: billedDeal.id,
    amountCents: 7_000,
  });
  const paidInvoice = await created(owner, '/api/invoices', {
    dealId: billedDeal.id,
    amountCents: 10_000,
    status: 'sent',
  });
  const paid = await created(owner, `/api/invoices/${paidInvoice.id}/payments`, {
    amountCents: 2_500,
    paidOn: '2026-03-01',
  });
  const payments = paid.payments as Array<{ id: string }>;
  const sentTo = await owner.post(`/api/invoices/${paidInvoice.id}/send`, {
    to: ['ap@billed.example'],
  });
  if (sentTo.status !== 200) throw new Error(`send failed: ${sentTo.status} ${sentTo.text}`);
  const linked = await owner.get(`/api/invoices/${paidInvoice.id}`);
  const invoiceLinkToken = String(linked.body.publicUrl).split('/pay/')[1]!;
  for (const reference of ['Wire 1', 'Wire 2']) {
    const notice = await t.client().post(`/api/invoice-links/${invoiceLinkToken}/paid`, {
      amountCents: 1_000,
      paidOn: '2026-03-01',
      reference,
    });
    if (notice.status !== 202) throw new Error(`notice failed: ${notice.status} ${notice.text}`);
  }
  const notices = (await owner.get(`/api/invoices/${paidInvoice.id}`)).body.remittances as Array<{
    id: string;
  }>;

  const spareInvite = await created(owner, '/api/invites', { role: 'viewer' });
  const previewed = await created(owner, '/api/invites', {
    role: 'editor',
    email: 'preview@example.com',
  });
  const accepted = await created(owner, '/api/invites', { role: 'viewer' });
  for (const role of ['owner', 'viewer', 'editor'] as const) {
    const client = await clientAs(role);
    const token = await created(client, '/api/me/tokens', {
      name: `${role}'s script`,
      scope: 'read',
    });
    users[role].tokenId = token.id;
    // Every caller has a calendar feed to revoke.
    await created(client, '/api/me/feed-token', {});
  }
  const asTeammate = t.client();
  asTeammate.cookie = (await newSession(teammate.id)).cookie;
  const feed = await created(asTeammate, '/api/me/feed-token', { invoices: false });
  const feedToken = new URL(String(feed.url)).searchParams.get('token') ?? '';

  const inReview = await created(owner, '/api/deliverables', {
    dealId: deal.id,
    title: 'Review cut',
    platform: 'youtube',
    status: 'in_review',
  });
  const reviewLinksUrl = `/api/deliverables/${inReview.id}/review-links` as const;
  const spareReviewLink = await created(owner, reviewLinksUrl, {});
  const reviewed = await created(owner, reviewLinksUrl, {});
  const decided = await created(owner, reviewLinksUrl, {});

  const packageBody = {
    name: 'Launch trio',
    items: [{ title: 'TikTok', platform: 'tiktok', day: 0, draftDaysBefore: 3 }],
  };
  const dealPackage = await created(owner, '/api/packages', packageBody);
  const sparePackage = await created(owner, '/api/packages', packageBody);

  // The kit as its first save leaves it (version 1): published, with the request form on.
  await t.db
    .insertInto('mediaKit')
    .values({
      id: 1,
      published: true,
      slug: 'casey',
      displayName: 'Casey Creator',
      headline: '',
      bio: '',
      contactEmail: null,
      audience: JSON.stringify({ platforms: [], demographics: '', topLocations: '' }),
      rateCard: JSON.stringify([
        { platform: 'tiktok', format: 'video', priceCents: 50_000, currency: 'USD', note: '' },
      ]),
      caseStudyIds: '[]',
      requestForm: JSON.stringify({
        enabled: true,
        requiredFields: [],
        declineTemplate: 'No, {{name}}',
      }),
      version: 1,
      updatedAt: t.clock.now().toISOString(),
    })
    .execute();
  const form = await t.client().get('/api/kit/casey/request-form');
  if (form.status !== 200) throw new Error(`request form failed: ${form.status} ${form.text}`);
  const requestIds: string[] = [];
  for (const company of ['Requesting Co', 'Declined Co', 'Spammy Co']) {
    const id = newId();
    await insertRequest(t.db, {
      id,
      status: 'new',
      company,
      name: 'Riley Requester',
      email: `riley@${company.split(' ')[0]!.toLowerCase()}.example`,
      website: null,
      items: '[]',
      want: 'A video',
      budgetCents: null,
      budgetMaxCents: null,
      currency: null,
      datesFrom: null,
      datesTo: null,
      usageRights: '',
      exclusivity: '',
      message: '',
      ipHash: 'prepared',
      createdAt: t.clock.now().toISOString(),
    });
    requestIds.push(id);
  }
  const proposals = [];
  for (const title of ['Proposal to read', 'Proposal to answer', 'Proposal to withdraw']) {
    const proposalDeal = await created(owner, '/api/deals', { brandId: brand.id, title });
    proposals.push(await created(owner, `/api/deals/${proposalDeal.id}/proposals`, PROPOSAL_BODY));
  }
  const reportDeal = await created(owner, '/api/deals', { brandId: brand.id, title: 'Reported' });
  const live = await created(owner, '/api/deliverables', {
    dealId: reportDeal.id,
    title: 'Live reel',
    platform: 'instagram',
    status: 'published',
    publishAt: '2026-02-10T17:00:00Z',
    liveUrl: 'https://www.instagram.com/p/live',
  });
  const reportLinks = [];
  for (const summary of ['Shared report', 'Report to revoke']) {
    reportLinks.push(await created(owner, `/api/deals/${reportDeal.id}/report-links`, { summary }));
  }
  const testimonial = await created(
    owner,
    `/api/report-links/${String(reportLinks[0]!.token)}/testimonial`,
    { quote: 'Great results', name: 'Bea', title: 'CMO', mayPublish: true },
  );

  ids = {
    ...people,
    liveDeliverableId: live.id,
    reportDealId: reportDeal.id,
    reportToken: String(reportLinks[0]!.token),
    spareReportLinkId: reportLinks[1]!.id,
    testimonialId: testimonial.id,
    kitSlug: 'casey',
    requestFormToken: String(form.body.token),
    requestId: requestIds[0]!,
    declineRequestId: requestIds[1]!,
    spamRequestId: requestIds[2]!,
    brandId: brand.id,
    spareBrandId: spareBrand.id,
    pitchedBrandId: billedBrand.id,
    pitchId: pitch.id,
    noteId: note.id,
    dealId: deal.id,
    spareDealId: spareDeal.id,
    deliverableId: deliverable.id,
    spareDeliverableId: spareDeliverable.id,
    channelId: channel.id,
    spareChannelId: spareChannel.id,
    invoiceId: invoice.id,
    spareInvoiceId: spareInvoice.id,
    paidInvoiceId: paidInvoice.id,
    paymentId: payments[0]!.id,
    alertId: await alertIdOf(alerted[0]!.id),
    spareAlertId: await alertIdOf(alerted[1]!.id),
    spareInviteId: spareInvite.id,
    inviteToken: String(previewed.token),
    acceptToken: String(accepted.token),
    feedToken,
    reviewDeliverableId: inReview.id,
    spareReviewLinkId: spareReviewLink.id,
    reviewToken: String(reviewed.token),
    decisionToken: String(decided.token),
    invoiceLinkToken,
    remittanceId: notices[0]!.id,
    spareRemittanceId: notices[1]!.id,
    packageId: dealPackage.id,
    sparePackageId: sparePackage.id,
    proposalId: proposals[0]!.id,
    proposalToken: String(proposals[0]!.token),
    decisionProposalToken: String(proposals[1]!.token),
    spareProposalId: proposals[2]!.id,
  };
  return { ...t, ids, users, clientAs, callAs };
}

// ---------------------------------------------------------------------------
// Every route: who may call it, and a call that succeeds
// ---------------------------------------------------------------------------

export interface RouteCase {
  /** What the valid call answers to everyone allowed. */
  status: number;
  /** Each `:param` of the path, filled with this id of the prepared workspace (or of the caller). */
  params?: Readonly<Record<string, IdKey>>;
  /** A query string, with its `?`. */
  query?: string | ((values: CallValues) => string);
  /** A valid JSON body. */
  body?: (values: CallValues) => Record<string, unknown>;
  /** A valid multipart/form-data body instead (uploads). */
  form?: (values: CallValues) => FormData;
  /**
   * `shared` (default): one workspace per role serves all its calls, in route order, so a
   * successful call must not break a later one (mutations use the spare rows).
   * `empty`: the call needs a workspace without brands.
   * `own`: the call changes too much for anything after it (ownership), so it gets a workspace of its own.
   */
  workspace?: 'shared' | 'empty' | 'own';
}

const SNOOZE_UNTIL = '2026-03-02T09:00:00Z';

/** A valid proposal: one dated item, net 30 from the invoice. */
export const PROPOSAL_BODY = {
  items: [
    {
      description: 'TikTok video',
      quantity: 1,
      unitCents: 50_000,
      platform: 'tiktok',
      publishOn: '2026-03-20',
    },
  ],
  currency: 'USD',
  paymentTermsDays: 30,
  paymentTrigger: 'invoice_issued',
  expiresOn: '2026-03-15',
};

/**
 * A valid call of each route, keyed `METHOD /api/path/:param` exactly as Hono
 * registers the route (who may call it comes from the route's declaration).
 * Every route of the app needs an entry, and every entry a route
 * (test/server/routes/access.test.ts checks both ways).
 */
export const ROUTE_CASES: Readonly<Record<string, RouteCase>> = {
  'GET /api/health': { status: 200 },
  'GET /api/openapi.json': { status: 200 },
  'GET /api/auth/setup': { status: 200 },
  // The prepared workspace already has its owner, so a valid set-up is refused as a conflict
  // (never 401/403); the 201 of a first set-up is covered in auth.test.ts.
  'POST /api/auth/setup': {
    status: 409,
    body: () => ({ ...OWNER, email: 'second-owner@example.com' }),
  },
  'POST /api/auth/login': {
    status: 200,
    body: () => ({ email: OWNER.email, password: OWNER.password }),
  },
  'POST /api/auth/logout': { status: 204 },
  'GET /api/auth/me': { status: 200 },

  'GET /api/settings': { status: 200 },
  'PATCH /api/settings': {
    status: 200,
    body: () => ({ version: 1, name: 'Renamed' }),
  },
  'GET /api/team': { status: 200 },

  'GET /api/kit': { status: 200 },
  'PATCH /api/kit': {
    status: 200,
    body: () => ({ version: 1, displayName: 'Casey Creator', headline: 'Tech, honestly' }),
  },
  'GET /api/kit/case-studies': { status: 200 },
  'GET /api/kit/:slug/request-form': { status: 200, params: { slug: 'kitSlug' } },
  'POST /api/kit/:slug/requests': {
    status: 201,
    params: { slug: 'kitSlug' },
    body: (v) => ({
      company: 'Globex',
      name: 'Gina',
      email: 'gina@globex.example',
      items: [{ rateCardIndex: 0, quantity: 1 }],
      token: v.requestFormToken,
    }),
  },
  'GET /api/requests': { status: 200, query: '?state=new' },
  'GET /api/requests/:id': { status: 200, params: { id: 'requestId' } },
  'POST /api/requests/:id/accept': {
    status: 200,
    params: { id: 'requestId' },
    body: () => ({}),
  },
  'POST /api/requests/:id/decline': {
    status: 200,
    params: { id: 'declineRequestId' },
    body: () => ({ sendReply: false }),
  },
  'POST /api/requests/:id/spam': { status: 200, params: { id: 'spamRequestId' } },

  'GET /api/brands': { status: 200, query: '?q=ac&notContactedDays=30' },
  'GET /api/search': { status: 200, query: '?q=ac' },
  'GET /api/risk': { status: 200 },
  'POST /api/brands': { status: 201, body: () => ({ name: 'Globex' }) },
  'GET /api/brands/deal-values': { status: 200 },
  'GET /api/brands/:id': { status: 200, params: { id: 'brandId' } },
  'PATCH /api/brands/:id': {
    status: 200,
    params: { id: 'brandId' },
    body: () => ({ version: 1, name: 'Acme 2' }),
  },
  'DELETE /api/brands/:id': { status: 204, params: { id: 'spareBrandId' } },
  'GET /api/brands/:id/pitches': { status: 200, params: { id: 'brandId' } },
  'POST /api/brands/:id/pitches': {
    status: 201,
    params: { id: 'brandId' },
    body: () => ({ pitchedOn: '2026-03-01', channel: 'dm', note: 'Sent the media kit' }),
  },
  'DELETE /api/brands/:id/pitches/:pitchId': {
    status: 204,
    params: { id: 'pitchedBrandId', pitchId: 'pitchId' },
  },
  'GET /api/brands/:id/timeline': {
    status: 200,
    params: { id: 'pitchedBrandId' },
    query: '?limit=5',
  },
  'POST /api/brands/:id/notes': {
    status: 201,
    params: { id: 'brandId' },
    body: () => ({ happenedOn: '2026-03-01', channel: 'meeting', text: 'Coffee with the CMO' }),
  },
  'DELETE /api/brands/:id/notes/:noteId': {
    status: 204,
    params: { id: 'pitchedBrandId', noteId: 'noteId' },
  },

  'GET /api/deals': { status: 200 },
  'POST /api/deals': {
    status: 201,
    body: (ids) => ({ brandId: ids.brandId, title: 'Second deal' }),
  },
  'GET /api/deals/:id': { status: 200, params: { id: 'dealId' } },
  'GET /api/deals/:id/deletion': { status: 200, params: { id: 'dealId' } },
  'PATCH /api/deals/:id': {
    status: 200,
    params: { id: 'dealId' },
    body: () => ({ version: 1, title: 'Renamed deal' }),
  },
  'DELETE /api/deals/:id': { status: 204, params: { id: 'spareDealId' } },

  'GET /api/deliverables': {
    status: 200,
    query: '?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
  },
  'POST /api/deliverables': {
    status: 201,
    body: (ids) => ({ dealId: ids.dealId, title: 'Reel', platform: 'instagram' }),
  },
  'GET /api/deliverables/calendar': {
    status: 200,
    query: '?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
  },
  'GET /api/deliverables/board': { status: 200, query: '?platform=tiktok' },
  'POST /api/deliverables/bulk': {
    status: 200,
    body: (ids) => ({
      ids: [{ id: ids.spareDeliverableId, version: 1 }],
      action: { type: 'assignee', assigneeId: null },
    }),
  },
  'POST /api/deliverables/bulk/restore': {
    status: 200,
    body: (ids) => ({
      items: [
        {
          version: 2,
          snapshot: {
            id: ids.spareDeliverableId,
            dealId: ids.dealId,
            title: 'Spare reel',
            platform: 'instagram',
            createdAt: '2026-03-01T12:00:00Z',
          },
        },
      ],
    }),
  },
  'GET /api/deliverables/:id': { status: 200, params: { id: 'deliverableId' } },
  'PATCH /api/deliverables/:id': {
    status: 200,
    params: { id: 'deliverableId' },
    body: () => ({ version: 1, title: 'Moved' }),
  },
  'DELETE /api/deliverables/:id': {
    status: 204,
    params: { id: 'spareDeliverableId' },
  },
  'POST /api/deliverables/series': {
    status: 201,
    body: (ids) => ({
      dealId: ids.dealId,
      title: 'Weekly',
      platform: 'tiktok',
      publishAt: '2026-03-05T17:00:00Z',
      repeat: { every: 1, unit: 'week', count: 2 },
    }),
  },
  'POST /api/deliverables/:id/duplicate': {
    status: 201,
    params: { id: 'deliverableId' },
    body: () => ({ publishAt: '2026-03-12T17:00:00Z' }),
  },

  'GET /api/packages': { status: 200 },
  'POST /api/packages': {
    status: 201,
    body: () => ({ name: 'Duo', items: [{ title: 'Story', platform: 'instagram', day: 1 }] }),
  },
  'GET /api/packages/:id': { status: 200, params: { id: 'packageId' } },
  'PATCH /api/packages/:id': {
    status: 200,
    params: { id: 'packageId' },
    body: () => ({ version: 1, name: 'Renamed', items: [{ title: 'X', platform: 'x', day: 0 }] }),
  },
  'DELETE /api/packages/:id': { status: 204, params: { id: 'sparePackageId' } },
  'POST /api/deals/:id/apply-package': {
    status: 201,
    params: { id: 'dealId' },
    body: (ids) => ({ packageId: ids.packageId, startDay: '2026-03-10' }),
  },

  'POST /api/seed': { status: 201, workspace: 'empty' },

  'GET /api/alerts': { status: 200 },
  'GET /api/alerts/count': { status: 200 },
  'POST /api/alerts/ack': { status: 200, body: (ids) => ({ ids: [ids.alertId] }) },
  'POST /api/alerts/:id/ack': { status: 200, params: { id: 'alertId' } },
  'POST /api/alerts/:id/reopen': { status: 200, params: { id: 'alertId' } },
  'POST /api/alerts/:id/snooze': {
    status: 200,
    params: { id: 'spareAlertId' },
    body: () => ({ until: SNOOZE_UNTIL }),
  },

  'GET /api/channels': { status: 200 },
  'POST /api/channels': {
    status: 201,
    body: () => ({ type: 'slack', name: 'Team', url: 'https://hooks.example/x' }),
  },
  'PATCH /api/channels/:id': {
    status: 200,
    params: { id: 'channelId' },
    body: () => ({ version: 1, name: 'Renamed' }),
  },
  'DELETE /api/channels/:id': { status: 204, params: { id: 'spareChannelId' } },
  // The channel points at a closed local port: the test answers 200 `{ok: false}` at once.
  'POST /api/channels/:id/test': { status: 200, params: { id: 'channelId' } },

  'GET /api/me': { status: 200 },
  'PATCH /api/me': {
    status: 200,
    body: () => ({ version: 1, name: 'Renamed Self' }),
  },
  'POST /api/me/password': {
    status: 204,
    body: (v) => ({ currentPassword: v.password, newPassword: 'a brand new long passphrase' }),
  },
  'GET /api/me/sessions': { status: 200 },
  'DELETE /api/me/sessions': { status: 204 },
  'DELETE /api/me/sessions/:id': {
    status: 204,
    params: { id: 'spareSessionId' },
  },
  'GET /api/me/tokens': { status: 200 },
  'POST /api/me/tokens': {
    status: 201,
    body: () => ({ name: 'Reporting', scope: 'read' }),
  },
  'DELETE /api/me/tokens/:id': { status: 204, params: { id: 'tokenId' } },
  'GET /api/me/feed-token': { status: 200 },
  'POST /api/me/feed-token': {
    status: 201,
    body: () => ({ drafts: true, goLives: true, invoices: false }),
  },
  'DELETE /api/me/feed-token': { status: 204 },
  'GET /api/me/preferences': { status: 200 },
  'PUT /api/me/preferences': {
    status: 200,
    body: () => ({ emailAlerts: false }),
  },

  'GET /api/invoices': { status: 200 },
  'GET /api/invoices/next-number': { status: 200, query: '?issuedOn=2026-03-01' },
  'POST /api/invoices': {
    status: 201,
    body: (ids) => ({ dealId: ids.dealId, amountCents: 5_000 }),
  },
  'GET /api/invoices/:id': { status: 200, params: { id: 'invoiceId' } },
  'GET /api/invoices/:id/pdf': { status: 200, params: { id: 'invoiceId' } },
  'PATCH /api/invoices/:id': {
    status: 200,
    params: { id: 'invoiceId' },
    body: () => ({ version: 1, notes: 'Net 30' }),
  },
  'DELETE /api/invoices/:id': { status: 204, params: { id: 'spareInvoiceId' } },
  'POST /api/invoices/:id/payments': {
    status: 201,
    params: { id: 'invoiceId' },
    body: () => ({ amountCents: 1_000, paidOn: '2026-03-01' }),
  },
  'DELETE /api/invoices/:id/payments/:paymentId': {
    status: 200,
    params: { id: 'paidInvoiceId', paymentId: 'paymentId' },
  },

  'GET /api/invoices/:id/send-preview': {
    status: 200,
    params: { id: 'invoiceId' },
  },
  'POST /api/invoices/:id/send': {
    status: 200,
    params: { id: 'invoiceId' },
    body: () => ({ subject: 'Invoice {{invoiceNumber}}' }),
  },
  'GET /api/invoices/:id/reminder-preview': {
    status: 200,
    params: { id: 'invoiceId' },
    query: '?offsetDays=3',
  },
  'GET /api/invoices/:id/events': { status: 200, params: { id: 'invoiceId' } },
  'POST /api/invoices/:id/link/revoke': {
    status: 200,
    params: { id: 'invoiceId' },
  },
  'POST /api/invoices/:id/remittances/:remittanceId/confirm': {
    status: 200,
    params: { id: 'paidInvoiceId', remittanceId: 'remittanceId' },
  },
  'POST /api/invoices/:id/remittances/:remittanceId/dismiss': {
    status: 200,
    params: { id: 'paidInvoiceId', remittanceId: 'spareRemittanceId' },
  },
  'GET /api/invoice-links/:token': {
    status: 200,
    params: { token: 'invoiceLinkToken' },
  },
  'GET /api/invoice-links/:token/pdf': {
    status: 200,
    params: { token: 'invoiceLinkToken' },
  },
  'POST /api/invoice-links/:token/paid': {
    status: 202,
    params: { token: 'invoiceLinkToken' },
    body: () => ({ amountCents: 500, paidOn: '2026-03-01', reference: 'Wire 3' }),
  },

  'GET /api/money/summary': { status: 200, query: '?months=6' },
  'GET /api/money/fees': { status: 200, query: '?from=2026-01-01&to=2026-03-01' },
  'GET /api/money/forecast': { status: 200 },
  'GET /api/exports/invoices.csv': { status: 200 },
  'GET /api/exports/payments.csv': { status: 200 },

  'GET /api/users': { status: 200 },
  'PATCH /api/users/:id': {
    status: 200,
    params: { id: 'teammateId' },
    body: () => ({ version: 1, role: 'viewer' }),
  },
  // The caller stops being owner: nothing owner-only could follow it in the same workspace.
  'POST /api/users/:id/transfer-ownership': {
    status: 200,
    params: { id: 'teammateId' },
    workspace: 'own',
  },

  'GET /api/invites': { status: 200 },
  'POST /api/invites': {
    status: 201,
    body: () => ({ role: 'editor', expiresInHours: 24 }),
  },
  'DELETE /api/invites/:id': { status: 204, params: { id: 'spareInviteId' } },
  'GET /api/invites/:token': { status: 200, params: { token: 'inviteToken' } },
  'POST /api/invites/:token/accept': {
    status: 201,
    params: { token: 'acceptToken' },
    body: () => ({
      name: 'New Member',
      email: 'new-member@example.com',
      password: 'a long enough password',
    }),
  },

  'GET /api/audit': { status: 200, query: '?entityType=brand&limit=10' },

  'GET /api/exports/deals.csv': { status: 200 },
  'GET /api/exports/deliverables.csv': { status: 200 },
  'POST /api/imports/deliverables/preview': {
    status: 200,
    form: () => csvForm(),
  },
  'POST /api/imports/deliverables': {
    status: 201,
    form: () =>
      csvForm({
        mapping: JSON.stringify({
          brand: 'Brand',
          deal: 'Deal',
          title: 'Title',
          platform: 'Platform',
        }),
        timeZone: 'UTC',
      }),
  },

  'GET /api/transfer/export': { status: 200 },
  // The prepared workspace has users, so an import is refused as a conflict (never 401/403)
  // before its body is read; the 201 into a fresh install is covered in transfer.test.ts.
  'POST /api/transfer/import': {
    status: 409,
    body: () => ({ format: 'sponsorcal-export', version: 1 }),
  },

  'GET /api/deliverables/:id/review-links': {
    status: 200,
    params: { id: 'reviewDeliverableId' },
  },
  'POST /api/deliverables/:id/review-links': {
    status: 201,
    params: { id: 'reviewDeliverableId' },
    body: () => ({ expiresInDays: 3 }),
  },
  'DELETE /api/deliverables/:id/review-links/:linkId': {
    status: 204,
    params: { id: 'reviewDeliverableId', linkId: 'spareReviewLinkId' },
  },
  // The link's token is the credential: a brand reviews without an account. Each caller's
  // workspace has its own links, and the decision (which closes its link) comes last.
  'GET /api/review/:token': { status: 200, params: { token: 'reviewToken' } },
  // A proposal's token is the credential too; each caller's workspace has its own proposals.
  'GET /api/deals/:id/proposals': { status: 200, params: { id: 'dealId' } },
  'POST /api/deals/:id/proposals': {
    status: 201,
    params: { id: 'dealId' },
    body: () => PROPOSAL_BODY,
  },
  'POST /api/proposals/:id/send': {
    status: 200,
    params: { id: 'proposalId' },
    body: () => ({ to: ['brand@example.com'] }),
  },
  'POST /api/proposals/:id/withdraw': { status: 200, params: { id: 'spareProposalId' } },
  'GET /api/proposal-links/:token': { status: 200, params: { token: 'proposalToken' } },
  'GET /api/proposal-links/:token/pdf': { status: 200, params: { token: 'proposalToken' } },
  'POST /api/proposal-links/:token/decision': {
    status: 200,
    params: { token: 'decisionProposalToken' },
    body: () => ({ decision: 'request_changes', name: 'Bea', comment: 'Two posts, not one' }),
  },
  'GET /api/deliverables/:id/metrics': { status: 200, params: { id: 'liveDeliverableId' } },
  'POST /api/deliverables/:id/metrics': {
    status: 201,
    params: { id: 'liveDeliverableId' },
    body: () => ({ measuredOn: '2026-02-20', views: 1000, likes: 50 }),
  },
  'GET /api/deals/:id/report-links': { status: 200, params: { id: 'reportDealId' } },
  'POST /api/deals/:id/report-links': {
    status: 201,
    params: { id: 'reportDealId' },
    body: () => ({ summary: 'Results so far' }),
  },
  'POST /api/deals/:id/report-links/:linkId/revoke': {
    status: 200,
    params: { id: 'reportDealId', linkId: 'spareReportLinkId' },
  },
  'GET /api/testimonials': { status: 200 },
  'PATCH /api/testimonials/:id': {
    status: 200,
    params: { id: 'testimonialId' },
    body: () => ({ featured: true }),
  },
  // A report's token is the credential: the brand reads it without an account.
  'GET /api/report-links/:token': { status: 200, params: { token: 'reportToken' } },
  'GET /api/report-links/:token/pdf': { status: 200, params: { token: 'reportToken' } },
  'POST /api/report-links/:token/testimonial': {
    status: 201,
    params: { token: 'reportToken' },
    body: () => ({ quote: 'Would book again', name: 'Bea', title: 'CMO', mayPublish: false }),
  },
  'POST /api/review/:token/decision': {
    status: 200,
    params: { token: 'decisionToken' },
    body: () => ({ decision: 'request_changes', comment: 'Show the logo earlier', name: 'Bea' }),
  },

  // The feed's token is the credential: no session needed.
  'GET /api/calendar.ics': {
    status: 200,
    query: (v) => `?token=${encodeURIComponent(v.feedToken)}`,
  },

  // The signed token in the address is the credential; the teammate's alert e-mails go off.
  'GET /api/email/unsubscribe': {
    status: 200,
    query: (v) => `?token=${encodeURIComponent(v.unsubscribeToken)}`,
  },
  'POST /api/email/unsubscribe': {
    status: 200,
    query: (v) => `?token=${encodeURIComponent(v.unsubscribeToken)}`,
    form: () => {
      const form = new FormData();
      form.set('List-Unsubscribe', 'One-Click');
      return form;
    },
  },
};

/** The case of a route: throws, naming the route, when ROUTE_CASES has none (never a silent default). */
export function caseOf(route: ApiRoute): RouteCase {
  const rule = ROUTE_CASES[route.key];
  if (!rule) {
    throw new Error(
      `${route.key} has no case in ROUTE_CASES (test/support/routes.ts): give it a valid request`,
    );
  }
  return rule;
}

/** A one-row CSV upload with the given form fields. */
function csvForm(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set(
    'file',
    new File(['Brand,Deal,Title,Platform\r\nImported,Q1,Reel,tiktok\r\n'], 'import.csv', {
      type: 'text/csv',
    }),
  );
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** The URL of a route's valid call in a prepared workspace. */
export function caseUrl(route: ApiRoute, rule: RouteCase, values: CallValues): string {
  const filled: Record<string, string> = {};
  for (const name of route.params) {
    const key = rule.params?.[name];
    if (!key) throw new Error(`${route.key}: the case gives no id for :${name}`);
    filled[name] = encodeURIComponent(values[key]);
  }
  const query = typeof rule.query === 'function' ? rule.query(values) : (rule.query ?? '');
  return fillPath(route.path, filled) + query;
}

/**
 * What is wrong with an answer, measured against the route's declaration: a status it
 * does not declare, another content type, or JSON that its schema does not take.
 */
export function undeclaredAnswer(route: ApiRoute, res: TestResponse): string | undefined {
  const { answers, errors = [] } = route.facts;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!(res.status in answers)) {
    if (
      res.status >= 400 &&
      (errors.includes(res.status) || [400, 401, 403, 404].includes(res.status))
    )
      return type === 'application/json' ? undefined : `${res.status} answered ${type}`;
    return `answered ${res.status}, declares ${Object.keys(answers).join(', ')}`;
  }
  const answer = answers[res.status];
  if (answer === null || answer === undefined)
    return res.text === '' ? undefined : 'a body where none is declared';
  if ('kind' in answer && answer.kind === 'file') {
    if (type !== answer.contentType) return `answered ${type}, declares ${answer.contentType}`;
    return undefined;
  }
  if (type !== 'application/json') return `answered ${type}, declares application/json`;
  const schema = 'kind' in answer ? z.object({ items: z.array(answer.item) }) : answer;
  const parsed = schema.safeParse(res.body);
  return parsed.success
    ? undefined
    : `does not match its declared schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`;
}
