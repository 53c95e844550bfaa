import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { FORMATS, PLATFORMS } from '../shared/schemas/deliverable';
import { hashToken } from '../server/auth/tokens';
import { openDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';

export interface WorkspaceSize {
  deliverables: number;
  brands: number;
  deals: number;
  invoices: number;
}

export interface SeedOptions {
  size: WorkspaceSize;
  /** The bench's "now": five years of work end one year after it. */
  now: Date;
  /** Where go-lives fall; by default five years: four behind `now`, one ahead. */
  span?: { from: Date; to: Date };
  /** Length of caption and brief; real ones are a paragraph or two. */
  textLength?: number;
  seed?: number;
}

export interface SeededWorkspace {
  file: string;
  /** A signed-in owner's session cookie (`name=value`). */
  cookie: string;
  sessionToken: string;
  /** Ids of deliverables to read one at a time. */
  sampleIds: string[];
  seconds: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365 * DAY_MS;
// Thirty categories of brand; one deal in a hundred buys exclusivity in its category for one
// to three months, so a clash (a warning on the calendar) is the exception it is in real work.
const CATEGORIES = [
  'skincare',
  'haircare',
  'makeup',
  'fragrance',
  'fitness',
  'supplements',
  'gaming',
  'esports',
  'fintech',
  'banking',
  'crypto',
  'travel',
  'airlines',
  'hotels',
  'food',
  'snacks',
  'beverages',
  'fashion',
  'sneakers',
  'jewelry',
  'tech',
  'phones',
  'audio',
  'cameras',
  'home',
  'furniture',
  'pets',
  'cars',
  'education',
  'software',
];
const EXCLUSIVE_SHARE = 0.01;
const BATCH = 5_000;

/**
 * Puts a database file just written on disk before anything is measured: otherwise the
 * kernel's write-back of it (up to a gigabyte of seed) throttles the writes being measured
 * — the alert scan's first run took twice as long with the seed still dirty in the page cache.
 */
export function syncToDisk(file: string): void {
  for (const written of [file, `${file}-wal`]) {
    if (!fs.existsSync(written)) continue;
    const fd = fs.openSync(written, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
}

/** A small deterministic PRNG (mulberry32): the same options seed the same workspace. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** Runs the real migrations on a new SQLite file, then leaves it closed. */
export async function migrateFile(file: string): Promise<void> {
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await handle.close();
}

function inBatches<T>(
  sqlite: SQLite.Database,
  count: number,
  make: (i: number) => T,
  insert: (row: T) => void,
) {
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert(make(i));
  });
  for (let i = 0; i < count; i += BATCH) batch(i, Math.min(count, i + BATCH));
}

/**
 * Seeds a generated agency workspace into a new SQLite file, straight through
 * better-sqlite3 in batched transactions after the real migrations: brands,
 * deals (some with exclusivity and usage rights), deliverables spread over
 * five years (four behind `now`, one ahead) with statuses a real team would
 * have, invoices and a signed-in owner.
 */
export async function seedWorkspace(file: string, options: SeedOptions): Promise<SeededWorkspace> {
  const started = performance.now();
  await migrateFile(file);
  const { size, now } = options;
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const nowMs = now.getTime();
  const spanStart = options.span ? options.span.from.getTime() : nowMs - 4 * YEAR_MS;
  const spanMs = options.span ? options.span.to.getTime() - spanStart : 5 * YEAR_MS;
  const text = 'Talk about the launch, show the product in use, link in bio. '
    .repeat(Math.ceil((options.textLength ?? 240) / 62))
    .slice(0, options.textLength ?? 240);

  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  // Loading first and indexing after is several times faster; the same statements recreate them.
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in ('brands', 'deals', 'deliverables', 'invoices')`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const at = iso(nowMs - 5 * YEAR_MS);

  const ownerId = randomUUID();
  const users = [ownerId, ...Array.from({ length: 5 }, () => randomUUID())];
  const insertUser = sqlite.prepare(
    `insert into users (id, email, name, role, time_zone, password_hash, created_at, updated_at)
     values (?, ?, ?, ?, null, 'not-a-hash', ?, ?)`,
  );
  users.forEach((id, i) =>
    insertUser.run(
      id,
      `member${i}@bench.example`,
      `Member ${i}`,
      i === 0 ? 'owner' : 'editor',
      at,
      at,
    ),
  );
  sqlite
    .prepare(
      `insert into workspace_settings (id, name, time_zone, currency, version, updated_at) values (1, 'Bench agency', 'UTC', 'USD', 1, ?)`,
    )
    .run(at);
  const sessionToken = randomUUID() + randomUUID();
  sqlite
    .prepare(
      `insert into sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent) values (?, ?, ?, ?, ?, 'bench')`,
    )
    .run(hashToken(sessionToken), ownerId, iso(nowMs), iso(nowMs), iso(nowMs + 300 * DAY_MS));

  const brandIds: string[] = [];
  const insertBrand = sqlite.prepare(
    `insert into brands (id, name, website, category, stage, next_follow_up_on, notes, color, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, '', ?, 1, ?, ?)`,
  );
  inBatches(
    sqlite,
    size.brands,
    (i) => {
      const id = randomUUID();
      brandIds.push(id);
      const followUp = rand() < 0.3 ? day(nowMs + (rand() * 60 - 30) * DAY_MS) : null;
      return [
        id,
        `Brand ${i}`,
        `https://brand${i}.example`,
        pick(CATEGORIES),
        pick(['prospect', 'pitched', 'negotiating', 'partner', 'inactive']),
        followUp,
        `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`,
        at,
        at,
      ];
    },
    (row) => insertBrand.run(...row),
  );

  const deals: Array<{ id: string; brandId: string }> = [];
  const insertDeal = sqlite.prepare(
    `insert into deals (id, brand_id, title, status, fee_cents, currency, source, contract_signed_on, exclusivity_category,
       exclusivity_until, usage_rights_until, notes, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, '', 1, ?, ?)`,
  );
  inBatches(
    sqlite,
    size.deals,
    (i) => {
      const id = randomUUID();
      const brandId = brandIds[i % brandIds.length]!;
      deals.push({ id, brandId });
      const signed = spanStart + rand() * spanMs;
      const exclusive = rand() < EXCLUSIVE_SHARE;
      const usage = rand() < 0.3 ? day(signed + (30 + rand() * 700) * DAY_MS) : null;
      return [
        id,
        brandId,
        `Campaign ${i}`,
        pick(['contracted', 'in_progress', 'delivered', 'completed', 'completed', 'cancelled']),
        Math.floor(rand() * 2_000_000),
        pick(['direct', 'marketplace', 'agency', 'inbound']),
        day(signed),
        exclusive ? pick(CATEGORIES) : null,
        exclusive ? day(signed + (30 + rand() * 60) * DAY_MS) : null,
        usage,
        // Made and last edited when it was signed, or before now for a deal signed ahead (as
        // the deliverables: nothing is stamped in the future).
        iso(Math.min(signed, nowMs - 8 * DAY_MS)),
        iso(Math.min(signed, nowMs - 8 * DAY_MS)),
      ];
    },
    (row) => insertDeal.run(...row),
  );

  const sampleIds: string[] = [];
  const insertDeliverable = sqlite.prepare(
    `insert into deliverables (id, deal_id, brand_id, title, platform, format, status, draft_due_at, publish_at, assignee_id,
       caption, brief, disclosure_done, live_url, metrics_views, metrics_likes, metrics_comments, metrics_shares, metrics_saves,
       metrics_clicks, version, created_at, updated_at, disclosure_label, disclosure_hashtag, disclosure_toggle, draft_links)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  inBatches(
    sqlite,
    size.deliverables,
    (i) => {
      const id = randomUUID();
      if (i % Math.max(1, Math.floor(size.deliverables / 1000)) === 0) sampleIds.push(id);
      const deal = deals[Math.floor(rand() * deals.length)]!;
      // Go-lives on the hour, mostly 9:00–20:00 UTC; a few are not scheduled yet.
      const publishMs =
        rand() < 0.03 ? null : Math.floor((spanStart + rand() * spanMs) / 3_600_000) * 3_600_000;
      const draftMs =
        publishMs !== null && rand() < 0.85
          ? publishMs - Math.floor(2 + rand() * 8) * DAY_MS
          : null;
      const dueMs = publishMs ?? nowMs + rand() * 60 * DAY_MS;
      const age = nowMs - dueMs;
      // Long past: published (or cancelled); the last weeks: some still pending; ahead: in the pipeline.
      const status =
        age > 14 * DAY_MS
          ? rand() < 0.93
            ? 'published'
            : 'cancelled'
          : age > 0
            ? pick(['published', 'scheduled', 'approved', 'drafting', 'planned'])
            : pick([
                'planned',
                'planned',
                'drafting',
                'in_review',
                'changes_requested',
                'approved',
                'scheduled',
              ]);
      const published = status === 'published';
      const created = dueMs - (20 + rand() * 40) * DAY_MS;
      // Edited around the go-live; a handful edited in the last days.
      const updated =
        rand() < 0.002
          ? nowMs - rand() * 6 * DAY_MS
          : Math.min(dueMs + rand() * DAY_MS, nowMs - 8 * DAY_MS);
      const metric = () => (published ? Math.floor(rand() * 100_000) : null);
      return [
        id,
        deal.id,
        deal.brandId,
        `Post ${i} for campaign`,
        pick(PLATFORMS),
        pick(FORMATS),
        status,
        draftMs === null ? null : iso(draftMs),
        publishMs === null ? null : iso(publishMs),
        rand() < 0.8 ? users[1 + Math.floor(rand() * 5)]! : null,
        text,
        text.slice(0, 120),
        published ? 1 : 0,
        published ? `https://video.example/${i}` : null,
        metric(),
        metric(),
        metric(),
        metric(),
        metric(),
        metric(),
        iso(Math.min(created, updated)),
        iso(updated),
        published ? 1 : 0,
        published ? 1 : 0,
        0,
        rand() < 0.2
          ? JSON.stringify([{ label: 'Cut 1', url: `https://drive.example/${i}` }])
          : '[]',
      ];
    },
    (row) => insertDeliverable.run(...row),
  );

  const insertInvoice = sqlite.prepare(
    `insert into invoices (id, deal_id, number, amount_cents, currency, issued_on, payment_terms_days, due_on, status, paid_cents,
       notes, version, created_at, updated_at)
     values (?, ?, ?, ?, 'USD', ?, 30, ?, ?, ?, '', 1, ?, ?)`,
  );
  inBatches(
    sqlite,
    size.invoices,
    (i) => {
      const deal = deals[Math.floor(rand() * deals.length)]!;
      const issued = spanStart + rand() * Math.max(spanMs - 300 * DAY_MS, spanMs * 0.8);
      const dueMs = issued + 30 * DAY_MS;
      const amount = 50_000 + Math.floor(rand() * 1_000_000);
      const status =
        dueMs > nowMs
          ? pick(['draft', 'sent', 'sent', 'sent'])
          : nowMs - dueMs > 45 * DAY_MS
            ? rand() < 0.96
              ? 'paid'
              : 'void'
            : pick(['sent', 'paid', 'paid']);
      const updated = Math.min(issued + DAY_MS, nowMs - 8 * DAY_MS);
      return [
        randomUUID(),
        deal.id,
        `INV-${String(i).padStart(7, '0')}`,
        amount,
        day(issued),
        day(dueMs),
        status,
        status === 'paid' ? amount : 0,
        iso(issued),
        iso(updated),
      ];
    },
    (row) => insertInvoice.run(...row),
  );

  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.close();
  syncToDisk(file);
  return {
    file,
    cookie: `sponsorcal_session=${sessionToken}`,
    sessionToken,
    sampleIds,
    seconds: (performance.now() - started) / 1000,
  };
}
