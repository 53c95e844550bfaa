import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runAlertScan } from '../../../server/alerts/scan';
import { SESSION_COOKIE } from '../../../server/auth/session';
import { openDatabase } from '../../../server/db/connect';
import { migrateToLatest } from '../../../server/db/migrate';
import { migrations } from '../../../server/db/migrations';
import { getSettings } from '../../../server/db/queries/settings';
import type { Database } from '../../../server/db/schema';
import { INVOICE_EVENT_TYPES } from '../../../shared/schemas/getting-paid';
import { AppError } from '../../../server/errors';
import { importWorkspace, parseTransferFile } from '../../../server/transfer/import';
import {
  addUser,
  createAppOn,
  OWNER,
  signInAs,
  type TestClient,
  type TestResponse,
  type RoutedUrl,
  unchecked,
} from '../../support/app';
import { brandRow, expectApiError, trackApps, UTC_INSTANT } from '../helpers';

const apps = trackApps();

const NOW = '2026-03-01T12:00:00.000Z';
const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;

const EXPORTED_TABLES = [
  'users',
  'workspace_settings',
  'brands',
  'brand_contacts',
  'deals',
  'deliverables',
  'invoices',
  'payments',
  'channels',
  'alerts',
  'audit_log',
  'invites',
  'review_links',
  'brand_pitches',
  'media_kit',
  'invoice_links',
  'invoice_events',
  'invoice_reminders',
  'remittance_notices',
  'deal_packages',
  'brand_requests',
  'proposals',
  'brand_notes',
  'metric_snapshots',
  'report_links',
  'testimonials',
];

/** Every table of the schema (the migrator's aside), to show what an import wrote or did not. */
const ALL_TABLES = [
  'users',
  'sessions',
  'workspaceSettings',
  'brands',
  'brandContacts',
  'deals',
  'deliverables',
  'alerts',
  'channels',
  'deliveries',
  'schedulerState',
  'loginFailures',
  'invoices',
  'payments',
  'invites',
  'apiTokens',
  'auditLog',
  'calendarFeeds',
  'reviewLinks',
  'brandPitches',
  'mediaKit',
  'invoiceLinks',
  'invoiceEvents',
  'invoiceReminders',
  'remittanceNotices',
  'publicHits',
  'dealPackages',
  'brandRequests',
  'blockedSenders',
  'proposals',
  'brandNotes',
  'metricSnapshots',
  'reportLinks',
  'testimonials',
] as const satisfies ReadonlyArray<keyof Database>;

async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ALL_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

const EMPTY = Object.fromEntries(ALL_TABLES.map((table) => [table, 0]));

// ---------------------------------------------------------------------------
// Installs on a SQLite file of their own (the other side of a move)
// ---------------------------------------------------------------------------

const sqliteInstalls: Array<{ close(): Promise<void>; unexpectedErrors: unknown[] }> = [];

afterEach(async () => {
  const installs = sqliteInstalls.splice(0);
  await Promise.all(installs.map((install) => install.close()));
  expect(installs.flatMap((install) => install.unexpectedErrors)).toEqual([]);
});

/** A migrated SQLite file opened directly, and an app on it. */
async function sqliteInstall() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-transfer-'));
  const handle = openDatabase(`sqlite:${path.join(dir, 'sponsorcal.db')}`);
  await migrateToLatest(handle.db);
  const install = {
    ...createAppOn(handle.db, { now: NOW }),
    async close() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  sqliteInstalls.push(install);
  return install;
}

type Install = { db: Kysely<Database>; client: () => TestClient };

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read and break arbitrary JSON
type Json = any;

function importFile(client: TestClient, file: unknown): Promise<TestResponse<Json>> {
  return client.post('/api/transfer/import', unchecked(file));
}

async function exportFrom(client: TestClient): Promise<{ res: TestResponse; file: Json }> {
  const res = await client.get('/api/transfer/export');
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return { res, file: JSON.parse(res.text) };
}

/** The tables with each table's rows in a stable order: equal means the same rows. */
function sortedTables(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([table, rows]) => [
      table,
      [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    ]),
  );
}

/**
 * A small, valid export made by hand: an owner, two brands, four deals with a
 * deliverable each (or `deliverables` of them), an invoice with a payment, a
 * channel, an alert, an audit entry and an invite.
 */
function handMadeFile(deliverables = 4): Json {
  const stamp = { createdAt: NOW, updatedAt: NOW };
  const ownerId = 'user-owner';
  const brands = ['brand-a', 'brand-b'].map((id, i) => brandRow(id, `Brand ${i}`, NOW));
  const deals = [0, 1, 2, 3].map((i) => ({
    id: `deal-${i}`,
    brandId: brands[i % 2]!.id,
    title: `Deal ${i}`,
    status: 'contracted',
    feeCents: 100_000 + i,
    currency: 'USD',
    source: 'direct',
    contractSignedOn: '2026-02-01',
    exclusivityCategory: null,
    exclusivityUntil: null,
    usageRightsUntil: null,
    notes: '',
    version: 1,
    ...stamp,
  }));
  return {
    format: 'sponsorcal-export',
    version: 1,
    exportedAt: NOW,
    schemaVersion: LATEST_MIGRATION,
    tables: {
      users: [
        {
          id: ownerId,
          email: 'owner@example.com',
          name: 'Olivia Owner',
          role: 'owner',
          timeZone: null,
          passwordHash: 'scrypt$not-a-real-hash',
          disabled: false,
          emailAlerts: true,
          version: 1,
          lastActiveAt: null,
          ...stamp,
        },
      ],
      workspace_settings: [
        {
          id: 1,
          name: 'Moved workspace',
          timeZone: 'Europe/Berlin',
          currency: 'EUR',
          leadDraftDueSoonHours: 48,
          leadPublishDueSoonHours: 24,
          leadInvoiceDueSoonDays: 3,
          creatorLegalName: '',
          creatorAddress: '',
          creatorEmail: '',
          creatorTaxId: '',
          creatorPaymentInstructions: '',
          defaultPaymentTermsDays: 30,
          version: 3,
          updatedAt: NOW,
        },
      ],
      brands,
      brand_contacts: [
        { id: 'contact-0', brandId: 'brand-a', position: 0, name: 'Pat', email: null, role: null },
      ],
      deals,
      deliverables: Array.from({ length: deliverables }, (_, i) => ({
        id: `deliverable-${String(i).padStart(6, '0')}`,
        dealId: deals[i % 4]!.id,
        brandId: deals[i % 4]!.brandId,
        title: `Post ${i}`,
        platform: 'instagram',
        format: 'reel',
        status: 'planned',
        draftDueAt: null,
        publishAt: new Date(Date.parse(NOW) + i * 3_600_000).toISOString(),
        assigneeId: i % 3 === 0 ? ownerId : null,
        caption: `Caption ${i}`,
        brief: '',
        disclosureDone: i % 2 === 0,
        liveUrl: null,
        metricsViews: i,
        metricsLikes: null,
        metricsComments: null,
        metricsShares: null,
        metricsSaves: null,
        metricsClicks: null,
        version: 1,
        ...stamp,
      })),
      invoices: [
        {
          id: 'invoice-0',
          dealId: 'deal-0',
          number: 'INV-2026-0001',
          amountCents: 50_000,
          currency: 'USD',
          issuedOn: '2026-03-01',
          paymentTermsDays: 30,
          dueOn: '2026-03-31',
          status: 'sent',
          paidCents: 10_000,
          notes: '',
          version: 1,
          ...stamp,
        },
      ],
      payments: [
        {
          id: 'payment-0',
          invoiceId: 'invoice-0',
          amountCents: 10_000,
          currency: 'USD',
          paidOn: '2026-03-01',
          method: null,
          note: '',
          createdAt: NOW,
        },
      ],
      channels: [
        {
          id: 'channel-0',
          type: 'json',
          name: 'Hook',
          url: 'https://hooks.example/x',
          secret: 'whsec_0123',
          enabled: true,
          version: 1,
          ...stamp,
        },
      ],
      alerts: [
        {
          id: 'alert-0',
          rule: 'invoice_due_soon',
          subjectType: 'invoice',
          subjectId: 'invoice-0',
          dueAt: '2026-03-31T00:00:00.000Z',
          message: 'Invoice due soon',
          severity: 'info',
          createdAt: NOW,
          acknowledgedAt: NOW,
          acknowledgedBy: ownerId,
          snoozedUntil: null,
          resolvedAt: null,
        },
      ],
      audit_log: [
        {
          id: 'audit-0',
          at: NOW,
          actorId: ownerId,
          actorName: 'Olivia Owner',
          via: 'session',
          action: 'create',
          entityType: 'brand',
          entityId: 'brand-a',
          summary: 'Brand "Brand 0"',
          changes: '{"name":{"to":"Brand 0"}}',
        },
      ],
      invites: [
        {
          id: 'invite-0',
          tokenHash: 'a'.repeat(64),
          role: 'editor',
          email: null,
          createdBy: ownerId,
          createdAt: NOW,
          expiresAt: '2026-03-08T12:00:00.000Z',
          acceptedAt: null,
          acceptedUserId: null,
          revokedAt: null,
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------
// A workspace built through the API
// ---------------------------------------------------------------------------

const EDITOR = {
  name: 'Eddie Editor',
  email: 'eddie@example.com',
  password: 'eddie has a long password',
};

/** Every kind of row there is, made the way people make them. */
async function buildRichWorkspace(install: Install & { clock: { now(): Date } }) {
  const owner = install.client();
  await owner.setupOwner({ timeZone: 'Europe/Berlin' });
  const ok = <T extends TestResponse>(res: T, status = 201): T => {
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    return res;
  };

  const settings = ok(await owner.get('/api/settings'), 200).body;
  ok(
    await owner.patch('/api/settings', {
      version: settings.version,
      name: 'Studio Ünïcødé 🎬',
      currency: 'EUR',
      leadTimes: { draftDueSoonHours: 72 },
      creator: { legalName: 'Olivia O. GmbH', address: 'Straße 1\n10115 Berlin', taxId: 'DE123' },
      defaultPaymentTermsDays: 14,
    }),
    200,
  );

  // A teammate through an invite link, and a second link nobody used yet.
  const invite = ok(await owner.post('/api/invites', { role: 'editor', email: EDITOR.email })).body;
  ok(await owner.post('/api/invites', { role: 'viewer', expiresInHours: 48 }));
  const editorClient = install.client();
  const editor = ok(
    await editorClient.post(`/api/invites/${invite.token}/accept`, {
      name: EDITOR.name,
      email: EDITOR.email,
      password: EDITOR.password,
    }),
  ).body;
  const editorId: string = editor.id;
  expect(editorId).toEqual(expect.any(String));

  const acme = ok(
    await owner.post('/api/brands', {
      name: 'Acme "Quotes" & <Tags>',
      website: 'https://acme.example',
      category: 'tech',
      stage: 'partner',
      nextFollowUpOn: '2026-03-02',
      notes: 'Line one\nLine two — ✓',
      contacts: [
        { name: 'Ann', email: 'ann@acme.example', role: 'PR' },
        { name: 'Bob', email: null, role: null },
      ],
    }),
  ).body;
  const globex = ok(await owner.post('/api/brands', { name: 'Globex', stage: 'prospect' })).body;

  const launch = ok(
    await owner.post('/api/deals', {
      brandId: acme.id,
      title: 'Launch campaign',
      status: 'contracted',
      feeCents: 1_234_567,
      currency: 'EUR',
      source: 'agency',
      contractSignedOn: '2026-02-15',
      exclusivityCategory: 'phones',
      exclusivityUntil: '2026-06-30',
      usageRightsUntil: '2027-02-28',
      notes: 'Net 30',
    }),
  ).body;
  const pitch = ok(
    await owner.post('/api/deals', { brandId: globex.id, title: 'Pitch', feeCents: 0 }),
  ).body;

  const now = install.clock.now().getTime();
  const hours = (n: number) => new Date(now + n * 3_600_000).toISOString();
  const reel = ok(
    await owner.post('/api/deliverables', {
      dealId: launch.id,
      title: 'Unboxing reel',
      platform: 'instagram',
      format: 'reel',
      status: 'published',
      draftDueAt: hours(-72),
      publishAt: hours(-24),
      assigneeId: editorId,
      caption: 'Caption with #tags and emoji 🎉',
      brief: 'Show the box',
      disclosureDone: true,
      liveUrl: 'https://instagram.example/p/1',
      metrics: { views: 9_007_199_254_740, likes: 1234, comments: 0, shares: 5, saves: null },
    }),
  ).body;
  const video = ok(
    await owner.post('/api/deliverables', {
      dealId: launch.id,
      title: 'Review video',
      platform: 'youtube',
      format: 'video',
      status: 'drafting',
      draftDueAt: hours(20),
      publishAt: hours(40),
      disclosureDone: false,
    }),
  ).body;
  ok(
    await owner.post('/api/deliverables', { dealId: pitch.id, title: 'Idea', platform: 'tiktok' }),
  );

  const paid = ok(
    await owner.post('/api/invoices', { dealId: launch.id, amountCents: 600_000, notes: 'Half' }),
  ).body;
  ok(
    await owner.post(`/api/invoices/${paid.id}/payments`, {
      amountCents: 600_000,
      paidOn: '2026-03-01',
      method: 'SEPA',
    }),
  );
  const open = ok(
    await owner.post('/api/invoices', {
      dealId: launch.id,
      amountCents: 634_567,
      issuedOn: '2026-02-01',
      paymentTermsDays: 14,
      status: 'sent',
    }),
  ).body;
  ok(
    await owner.post(`/api/invoices/${open.id}/payments`, {
      amountCents: 1_000,
      paidOn: '2026-02-20',
      feeCents: 35,
    }),
  );
  // Lines, VAT, a discount, a PO number and an agency paying.
  ok(
    await owner.post('/api/invoices', {
      dealId: launch.id,
      lines: [
        { description: 'TikTok video — “Ünïcødé”', quantity: 2, unitCents: 150_000 },
        { description: 'Usage rights, 90 days', quantity: 1.5, unitCents: 33_333 },
      ],
      taxes: [{ label: 'VAT', rateBasisPoints: 1900 }],
      discountCents: 10_000,
      poNumber: 'PO-77',
      payer: { name: 'Agentur Ö', emails: ['ap@agentur.example'], address: 'Wien', taxId: 'ATU1' },
      remindersPaused: true,
      remindersPausedUntil: '2026-04-01',
      invoiceReminders: {
        enabled: true,
        steps: [{ offsetDays: 5, subject: 'Nudge {{invoiceNumber}}', body: 'Hallo {{payerName}}' }],
      },
    }),
  );

  const channel = ok(
    await owner.post('/api/channels', {
      type: 'json',
      name: 'Ops hook',
      url: 'https://hooks.example/sponsorcal',
      enabled: false,
    }),
  ).body;
  expect(channel.secret).toEqual(expect.any(String));

  // Alerts, one of them acknowledged: the move must not raise them again.
  await runAlertScan({ db: install.db, now: install.clock.now(), emailEnabled: false });
  const alerts = ok(await owner.get('/api/alerts?state=all'), 200).body.items as Array<{
    id: string;
  }>;
  expect(alerts.length).toBeGreaterThan(0);
  ok(await owner.post(`/api/alerts/${alerts[0]!.id}/ack`), 200);

  // A review decision, a pitch and the media kit, written straight (their routes have tests of their own).
  const at = install.clock.now().toISOString();
  await install.db
    .insertInto('reviewLinks')
    .values({
      id: 'review-1',
      deliverableId: video.id,
      tokenHash: 'f'.repeat(64),
      createdBy: null,
      createdAt: at,
      expiresAt: hours(24 * 7),
      revokedAt: null,
      decidedAt: at,
      decision: 'request_changes',
      comment: 'Brighter, please — and say “SPF” twice',
      reviewerName: 'Grace at Globex',
    })
    .execute();
  await install.db
    .insertInto('brandPitches')
    .values({
      id: 'pitch-1',
      brandId: globex.id,
      pitchedOn: '2026-02-01',
      channel: 'email',
      note: 'Sent the deck',
      createdBy: null,
      createdAt: at,
    })
    .execute();
  await install.db
    .insertInto('brandNotes')
    .values({
      id: 'note-1',
      brandId: globex.id,
      happenedOn: '2026-02-02',
      channel: 'call',
      text: 'Call with Grace — “two reels”',
      at: '2026-02-02T12:00:00.000Z',
      createdBy: null,
      createdAt: at,
    })
    .execute();
  await install.db
    .insertInto('mediaKit')
    .values({
      id: 1,
      published: true,
      slug: 'mia',
      displayName: 'Mia',
      headline: 'Skincare, honestly',
      bio: 'Ten years of reviews',
      contactEmail: 'mia@example.com',
      audience: JSON.stringify({
        platforms: [{ platform: 'tiktok', handle: '@mia', followers: 120000 }],
      }),
      rateCard: JSON.stringify([
        { platform: 'tiktok', format: 'video', priceCents: 250000, currency: 'EUR' },
      ]),
      caseStudyIds: JSON.stringify([reel.id]),
      version: 3,
      updatedAt: at,
    })
    .execute();

  // An invoice's link, timeline, a reminder and a remittance notice, written straight
  // (the sending and the payer's page have tests of their own).
  await install.db
    .insertInto('invoiceLinks')
    .values({
      id: 'link-1',
      invoiceId: open.id,
      tokenHash: 'e'.repeat(64),
      createdAt: at,
      revokedAt: null,
    })
    .execute();
  await install.db
    .insertInto('invoiceEvents')
    .values({
      id: 'event-1',
      invoiceId: open.id,
      type: 'sent',
      at,
      actorId: editorId,
      data: JSON.stringify({ to: ['ap@globex.example'], messageId: '<m1@sponsorcal>' }),
    })
    .execute();
  // Every other kind of timeline event moves too (a backup with any of them must restore).
  await install.db
    .insertInto('invoiceEvents')
    .values(
      INVOICE_EVENT_TYPES.filter((type) => type !== 'sent').map((type) => ({
        id: `event-${type}`,
        invoiceId: open.id,
        type,
        at,
        actorId: null,
        data: '{}',
      })),
    )
    .execute();
  await install.db
    .insertInto('invoiceReminders')
    .values({
      id: 'reminder-1',
      invoiceId: open.id,
      stepOffsetDays: -3,
      status: 'sent',
      recipients: JSON.stringify(['ap@globex.example']),
      subject: 'Friendly reminder',
      attempts: 1,
      nextAttemptAt: at,
      claimedUntil: null,
      messageId: '<m2@sponsorcal>',
      lastError: null,
      sentAt: at,
      createdAt: at,
    })
    .execute();
  await install.db
    .insertInto('remittanceNotices')
    .values({
      id: 'notice-1',
      invoiceId: open.id,
      amountCents: 1,
      paidOn: '2026-02-20',
      reference: 'Wire 42 — “Ünïcødé”',
      createdAt: at,
      status: 'confirmed',
      paymentId: null,
      resolvedAt: at,
      resolvedBy: editorId,
    })
    .execute();
  await install.db
    .insertInto('dealPackages')
    .values({
      id: 'package-1',
      name: 'Launch trio',
      publishTime: '10:00',
      usageRightsDays: 30,
      items: JSON.stringify([
        {
          title: 'Launch video',
          platform: 'tiktok',
          format: 'video',
          day: 0,
          count: 1,
          draftDaysBefore: 3,
          brief: '',
        },
      ]),
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await install.db
    .insertInto('brandRequests')
    .values({
      id: 'request-1',
      status: 'accepted',
      company: 'Acme',
      name: 'Riley “Ünïcødé”',
      email: 'riley@acme.example',
      website: 'https://acme.example',
      items: JSON.stringify([
        {
          rateCardIndex: 0,
          platform: 'tiktok',
          format: 'video',
          description: 'TikTok video',
          quantity: 2,
          unitCents: 50_000,
          currency: 'EUR',
        },
      ]),
      want: '',
      budgetCents: 100_000,
      budgetMaxCents: 150_000,
      currency: 'EUR',
      datesFrom: '2026-04-01',
      datesTo: '2026-04-30',
      usageRights: '30 days',
      exclusivity: '',
      message: 'Hello',
      ipHash: 'a'.repeat(64),
      createdAt: at,
      decidedAt: at,
      decidedBy: editorId,
      brandId: launch.brandId,
      dealId: launch.id,
    })
    .execute();

  // A proposal the brand answered: its decision columns move too.
  const proposal = ok(
    await owner.post(`/api/deals/${launch.id}/proposals`, {
      items: [{ description: 'Launch reel — “Ünïcødé”', quantity: 1, unitCents: 90_000 }],
      currency: 'EUR',
      paymentTermsDays: 30,
      paymentTrigger: 'invoice_issued',
      expiresOn: '2026-03-31',
    }),
  ).body;
  ok(
    await install.client().post(`/api/proposal-links/${proposal.token}/decision`, {
      decision: 'request_changes',
      name: 'Bea',
      comment: 'Two reels, please',
    }),
    200,
  );

  // The reel's results, shared on a report link the brand left a testimonial on.
  ok(
    await owner.post(`/api/deliverables/${reel.id}/metrics`, {
      measuredOn: '2026-02-28',
      views: 9_007_199_254_740,
      likes: 1234,
      comments: 0,
      shares: 5,
      saves: null,
    }),
  );
  const report = ok(
    await owner.post(`/api/deals/${launch.id}/report-links`, { summary: 'Sold out — “Ünïcødé”' }),
  ).body;
  ok(
    await install.client().post(`/api/report-links/${report.token}/testimonial`, {
      quote: 'Would book again',
      name: 'Bea',
      title: 'CMO',
      mayPublish: true,
    }),
  );

  // Credentials that must stay behind.
  const apiToken = ok(await owner.post('/api/me/tokens', { name: 'Script', scope: 'read' })).body;
  const feed = await owner.post('/api/me/feed-token', {});

  return { owner, editorClient, editorId, reel, video, channel, apiToken, feed };
}

/** What the API answers on the pages people look at (the same on both installs). */
async function pages(client: TestClient) {
  const read = async <U extends RoutedUrl<'GET'>>(url: U) => {
    const res = await client.get(url);
    expect(res.status, `${url}: ${res.text.slice(0, 300)}`).toBe(200);
    return res.body;
  };
  const alerts = (await read('/api/alerts?state=all')).items as Array<Record<string, unknown>>;
  return {
    settings: await read('/api/settings'),
    brands: await read('/api/brands'),
    deals: await read('/api/deals'),
    // Sorted here: undated deliverables come first on SQLite and last on PostgreSQL (NULL order).
    deliverables: ((await read('/api/deliverables')).items as Array<{ id: string }>).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    ),
    invoices: await read('/api/invoices'),
    money: await read('/api/money/summary?months=6'),
    // Alert deliveries are the old install's sending state, which does not move.
    alerts: alerts.map(({ deliveries: _deliveries, ...alert }) => alert),
    alertCount: await read('/api/alerts/count'),
    channels: await read('/api/channels'),
    invites: await read('/api/invites'),
    audit: await read('/api/audit?limit=200'),
  };
}

describe('GET /api/transfer/export and POST /api/transfer/import', () => {
  it('moves a workspace from SQLite to the engine under test and back, row for row', async () => {
    const source = await sqliteInstall();
    const built = await buildRichWorkspace(source);

    const { res, file: exported } = await exportFrom(built.owner);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sponsorcal-export-2026-03-01.json"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(exported).toMatchObject({
      format: 'sponsorcal-export',
      version: 1,
      exportedAt: NOW,
      schemaVersion: LATEST_MIGRATION,
    });
    expect(Object.keys(exported.tables)).toEqual(EXPORTED_TABLES);
    for (const table of EXPORTED_TABLES) {
      expect(exported.tables[table].length, `rows of ${table}`).toBeGreaterThan(0);
    }

    // Values as JSON types, not as either engine stores them.
    const tables = exported.tables;
    const reel = tables.deliverables.find((d: Json) => d.id === built.reel.id);
    expect(reel).toMatchObject({
      disclosureDone: true,
      metricsViews: 9_007_199_254_740,
      metricsLikes: 1234,
      metricsComments: 0,
      metricsSaves: null,
      assigneeId: built.editorId,
      caption: 'Caption with #tags and emoji 🎉',
    });
    expect(reel.publishAt).toMatch(UTC_INSTANT);
    expect(tables.deliverables.find((d: Json) => d.id === built.video.id).disclosureDone).toBe(
      false,
    );
    expect(tables.deals.find((d: Json) => d.title === 'Launch campaign')).toMatchObject({
      feeCents: 1_234_567,
      contractSignedOn: '2026-02-15',
      exclusivityUntil: '2026-06-30',
    });
    expect(tables.users.map((u: Json) => u.disabled)).toEqual([false, false]);
    expect(tables.users.every((u: Json) => u.passwordHash.length > 20)).toBe(true);
    expect(tables.channels[0]).toMatchObject({ secret: built.channel.secret, enabled: false });
    expect(tables.alerts.some((a: Json) => a.acknowledgedBy !== null)).toBe(true);
    expect(tables.workspace_settings).toEqual([
      expect.objectContaining({ name: 'Studio Ünïcødé 🎬', defaultPaymentTermsDays: 14 }),
    ]);
    for (const row of [...tables.users, ...tables.brands, ...tables.alerts]) {
      expect(row.createdAt).toMatch(UTC_INSTANT);
    }

    // Into the engine under test (PostgreSQL in the PostgreSQL run).
    const target = await apps.app({ now: NOW });
    const visitor = target.client();
    const imported = await importFile(visitor, res.text);
    expect(imported.status, imported.text.slice(0, 500)).toBe(201);
    expect(imported.body).toEqual({
      imported: Object.fromEntries(
        EXPORTED_TABLES.map((table) => [table, exported.tables[table].length]),
      ),
    });
    // Nobody is signed in by an import: people sign in with their own passwords.
    expect(imported.headers.getSetCookie()).toEqual([]);
    expect(visitor.cookie).toBeUndefined();
    expect((await countRows(target.db)).sessions).toBe(0);

    const owner = target.client();
    expect((await owner.login(OWNER.email, OWNER.password)).status).toBe(200);
    const editor = target.client();
    expect((await editor.login(EDITOR.email, EDITOR.password)).status).toBe(200);
    expect((await editor.get('/api/auth/me')).body).toMatchObject({
      id: built.editorId,
      role: 'editor',
    });

    const { file: again } = await exportFrom(owner);
    expect(sortedTables(again.tables)).toEqual(sortedTables(exported.tables));
    expect(await pages(owner)).toEqual(await pages(built.owner));

    // The alerts came along: a scan on the new install raises none of them again.
    const before = (await countRows(target.db)).alerts;
    const scan = await runAlertScan({
      db: target.db,
      now: target.clock.now(),
      emailEnabled: false,
    });
    expect(scan.raised).toBe(0);
    expect((await countRows(target.db)).alerts).toBe(before);

    // And on to another SQLite install.
    const back = await sqliteInstall();
    const reimported = await importFile(back.client(), JSON.stringify(again));
    expect(reimported.status, reimported.text.slice(0, 500)).toBe(201);
    const backOwner = back.client();
    expect((await backOwner.login(OWNER.email, OWNER.password)).status).toBe(200);
    const { file: third } = await exportFrom(backOwner);
    expect(sortedTables(third.tables)).toEqual(sortedTables(exported.tables));
    expect(await pages(backOwner)).toEqual(await pages(built.owner));
  });

  it('writes and reads many batches and pages (2,500 deliverables)', async () => {
    const file = handMadeFile(2_500);
    const target = await apps.app({ now: NOW });
    const res = await importFile(target.client(), file);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.imported.deliverables).toBe(2_500);
    expect((await countRows(target.db)).deliverables).toBe(2_500);

    // The hand-made owner has no usable password: sign in with a known one.
    await addUser(target, { role: 'owner', email: 'second-owner@example.com' });
    const owner = target.client();
    expect(
      (await owner.login('second-owner@example.com', 'another long test password')).status,
    ).toBe(200);
    const { file: exported } = await exportFrom(owner);
    const expected = parseTransferFile(file).tables as unknown as Record<string, unknown[]>;
    const { users, ...rest } = exported.tables as Record<string, unknown[]>;
    const { users: expectedUsers, ...expectedRest } = expected;
    expect(sortedTables(rest)).toEqual(sortedTables(expectedRest));
    expect(users).toHaveLength(expectedUsers!.length + 1);
  });
});

describe('GET /api/transfer/export', () => {
  it('is the owner’s alone: 403 for editors and viewers, 401 when signed out', async () => {
    const t = await apps.workspace();
    for (const role of ['editor', 'viewer'] as const) {
      const { client } = await signInAs(t, role);
      expectApiError(await client.get('/api/transfer/export'), 403);
    }
    expectApiError(await t.client().get('/api/transfer/export'), 401);
  });

  it('never contains session tokens, API tokens, feed tokens or their hashes', async () => {
    const t = await apps.workspace();
    const second = t.client();
    expect((await second.login(OWNER.email, OWNER.password)).status).toBe(200);
    const token = await t.owner.post('/api/me/tokens', { name: 'Script', scope: 'read_write' });
    expect(token.status).toBe(201);
    const feed = await t.owner.post('/api/me/feed-token', {});
    expect(feed.status).toBe(201);
    await t.owner.post('/api/invites', { role: 'viewer' });

    const { res, file } = await exportFrom(t.owner);
    expect(Object.keys(file.tables)).toEqual(EXPORTED_TABLES);

    const sessionTokens = [t.owner.cookie, second.cookie].map((cookie) =>
      cookie!.slice(`${SESSION_COOKIE}=`.length),
    );
    const sessionIds = (await t.db.selectFrom('sessions').select('id').execute()).map((s) => s.id);
    const tokenHashes = (await t.db.selectFrom('apiTokens').select('tokenHash').execute()).map(
      (row) => row.tokenHash,
    );
    const feedHashes = (await t.db.selectFrom('calendarFeeds').select('tokenHash').execute()).map(
      (row) => row.tokenHash,
    );
    const feedToken = new URL(feed.body.url).searchParams.get('token') ?? '';
    const secrets = [
      ...sessionTokens,
      ...sessionIds,
      token.body.token,
      ...tokenHashes,
      feedToken,
      ...feedHashes,
    ];
    expect(sessionIds).toHaveLength(2);
    expect(tokenHashes).toHaveLength(1);
    expect(feedHashes).toHaveLength(1);
    for (const secret of secrets) {
      expect(typeof secret).toBe('string');
      expect(secret.length).toBeGreaterThan(20);
      expect(res.text).not.toContain(secret);
    }
  });
});

/**
 * Imports the hand-made file, broken by `breakIt`, into a new install: it must answer 400
 * naming `path` and leave every table empty. Answers the response.
 */
async function expectImportRefused(
  path: string,
  breakIt: (file: Json) => unknown,
): Promise<TestResponse<Json>> {
  const t = await apps.app();
  const file = handMadeFile();
  breakIt(file);
  const res = await importFile(t.client(), file);
  expectApiError(res, 400, { code: 'validation_failed', paths: [path] });
  expect(await countRows(t.db)).toEqual(EMPTY);
  return res;
}

describe('POST /api/transfer/import', () => {
  it('answers 409 once a user exists, and changes nothing', async () => {
    const t = await apps.workspace();
    const before = await countRows(t.db);
    const res = await importFile(t.client(), handMadeFile());
    expectApiError(res, 409, { code: 'conflict', message: /^Import only into a fresh install/ });
    expect(await countRows(t.db)).toEqual(before);
    expect(before.brands).toBe(1);
  });

  it('answers 409 on an install that has data but no user yet', async () => {
    const t = await apps.app();
    await t.db
      .insertInto('brands')
      .values({
        id: 'seeded',
        name: 'Sample',
        website: null,
        category: null,
        stage: 'prospect',
        nextFollowUpOn: null,
        notes: '',
        color: '#2563eb',
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .execute();
    const res = await importFile(t.client(), handMadeFile());
    expectApiError(res, 409, { message: /^Import only into a fresh install.*brands/ });
    expect((await countRows(t.db)).users).toBe(0);
  });

  it('checks for a user again under the set-up lock (a set-up that won the race)', async () => {
    const t = await apps.app();
    const file = parseTransferFile(handMadeFile());
    // As if a set-up committed after the route's first check.
    await addUser(t, { role: 'owner' });
    const error = await importWorkspace(t.db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409 });
    expect((error as AppError).message).toMatch(/^Import only into a fresh install/);
    expect(await countRows(t.db)).toEqual({ ...EMPTY, users: 1 });
  });

  it('answers 400 to malformed JSON', async () => {
    const t = await apps.app();
    const res = await importFile(t.client(), '{"format": "sponsorcal-export", "tables": {');
    expectApiError(res, 400, { code: 'invalid_json' });
    expect(await countRows(t.db)).toEqual(EMPTY);
  });

  it.each([
    ['format', { format: 'something-else' }, /Not a Sponsorcal export/],
    ['version', { version: 2 }, /Unsupported export version/],
    ['format', { format: undefined }, /Not a Sponsorcal export/],
    ['schemaVersion', { schemaVersion: '9999_from_the_future' }, /newer Sponsorcal/],
  ])(
    'answers 400 naming %s when the file is not one this install reads',
    async (path, change, message) => {
      const t = await apps.app();
      const res = await importFile(t.client(), { ...handMadeFile(), ...change });
      expectApiError(res, 400, { code: 'validation_failed', paths: [path], message });
      expect(res.body.error.issues).toHaveLength(1);
      expect(await countRows(t.db)).toEqual(EMPTY);
    },
  );

  it.each([
    ['tables.deals.3.feeCents', (f: Json) => (f.tables.deals[3].feeCents = '100000')],
    [
      'tables.deliverables.1.disclosureDone',
      (f: Json) => (f.tables.deliverables[1].disclosureDone = 1),
    ],
    ['tables.users.0.createdAt', (f: Json) => (f.tables.users[0].createdAt = 'yesterday')],
    ['tables.invoices.0.issuedOn', (f: Json) => (f.tables.invoices[0].issuedOn = '2026-02-30')],
    ['tables.brands.1.stage', (f: Json) => (f.tables.brands[1].stage = 'friend')],
    ['tables.deals.0', (f: Json) => (f.tables.deals[0].extra = 'column')],
    ['tables.payments', (f: Json) => delete f.tables.payments],
    ['tables.audit_log.0.changes', (f: Json) => (f.tables.audit_log[0].changes = 'not json')],
  ])(
    'answers 400 naming %s when a value has the wrong type, importing nothing',
    async (path, breakIt) => {
      const res = await expectImportRefused(path, breakIt);
      expect(res.body.error.message).toContain(path);
    },
  );

  it.each([
    ['tables.deals.2.brandId', (f: Json) => (f.tables.deals[2].brandId = 'no-such-brand')],
    ['tables.payments.0.invoiceId', (f: Json) => (f.tables.payments[0].invoiceId = 'gone')],
    [
      'tables.deliverables.3.assigneeId',
      (f: Json) => (f.tables.deliverables[3].assigneeId = 'ghost'),
    ],
    ['tables.deliverables.1.brandId', (f: Json) => (f.tables.deliverables[1].brandId = 'brand-a')],
    ['tables.brands.1.id', (f: Json) => (f.tables.brands[1].id = 'brand-a')],
    [
      'tables.invoices.1.number',
      (f: Json) => f.tables.invoices.push({ ...f.tables.invoices[0], id: 'invoice-1' }),
    ],
    ['tables.users', (f: Json) => (f.tables.users[0].role = 'editor')],
  ])(
    'answers 400 naming %s when rows do not fit together, and every table stays empty',
    async (path, breakIt) => {
      await expectImportRefused(path, breakIt);
    },
  );

  it('rolls everything back when the database refuses a row half-way', async () => {
    const t = await apps.app();
    // Settings made before the import: replaced by a good import, kept by a failed one.
    await getSettings(t.db, new Date(NOW));
    // A constraint the file's checks know nothing of, on the last table written.
    await sql`create unique index transfer_test_one_invite_per_role on invites (role)`.execute(
      t.db,
    );
    try {
      const file = handMadeFile();
      file.tables.invites.push({
        ...file.tables.invites[0],
        id: 'invite-1',
        tokenHash: 'b'.repeat(64),
      });
      const res = await importFile(t.client(), file);
      expectApiError(res, 400, { code: 'validation_failed', paths: ['tables'] });
      expect(await countRows(t.db)).toEqual({ ...EMPTY, workspaceSettings: 1 });
      expect((await getSettings(t.db, new Date(NOW))).name).toBe('My workspace');

      const good = await importFile(t.client(), handMadeFile());
      expect(good.status, good.text.slice(0, 300)).toBe(201);
      expect((await getSettings(t.db, new Date(NOW))).name).toBe('Moved workspace');
    } finally {
      await sql`drop index transfer_test_one_invite_per_role`.execute(t.db);
    }
  });

  it('answers 409 to a second import, keeping the first', async () => {
    const t = await apps.app();
    expect((await importFile(t.client(), handMadeFile())).status).toBe(201);
    const after = await countRows(t.db);
    const again = handMadeFile();
    again.tables.brands[0].name = 'Changed';
    expectApiError(await importFile(t.client(), again), 409, {
      message: /^Import only into a fresh install/,
    });
    expect(await countRows(t.db)).toEqual(after);
    const brand = await t.db
      .selectFrom('brands')
      .select('name')
      .where('id', '=', 'brand-a')
      .executeTakeFirst();
    expect(brand?.name).toBe('Brand 0');
  });
});
