import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { BenchServer } from './http';
import type { Report } from './report';
import { random, syncToDisk } from './seed';
import { median, percentile } from './stats';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** A sortable audit id, as server/audit/record.ts makes them (time, then a counter, then randomness). */
let auditSequence = 0;
const auditId = (at: number) =>
  `${Math.floor(at).toString(36).padStart(10, '0')}${(auditSequence++ % 1_679_616).toString(36).padStart(4, '0')}${randomUUID().slice(0, 12).replace(/-/g, '0')}`;

export interface TimelineHistory {
  /** Brands to read the timeline of. */
  sampleBrandIds: string[];
  rows: number;
}

/**
 * Gives the seeded workspace the history a timeline reads: for every deal its
 * audit trail (added, three status changes) and a proposal (most answered),
 * for every invoice its events (created, sent, a reminder) and a payment when
 * paid, for every brand its trail, ten pitches and ten notes, review links
 * (half decided) on one deliverable in ten, and every deliverable's own audit
 * entry (noise the deal trail must not scan).
 */
export function seedTimelineHistory(file: string, now: Date): TimelineHistory {
  const rand = random(21);
  const nowMs = now.getTime();
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  const ownerId = (
    sqlite.prepare(`select id from users where role = 'owner'`).get() as { id: string }
  ).id;
  const brands = sqlite.prepare('select id, created_at from brands').all() as Array<{
    id: string;
    created_at: string;
  }>;
  const deals = sqlite.prepare('select id, brand_id, created_at from deals').all() as Array<{
    id: string;
    brand_id: string;
    created_at: string;
  }>;
  const invoices = sqlite
    .prepare('select id, status, amount_cents, issued_on from invoices')
    .all() as Array<{ id: string; status: string; amount_cents: number; issued_on: string }>;
  const deliverables = sqlite
    .prepare('select id, created_at, publish_at from deliverables')
    .all() as Array<{ id: string; created_at: string; publish_at: string | null }>;
  let rows = 0;
  const at = (from: string, maxDays: number) =>
    Math.min(Date.parse(from) + rand() * maxDays * DAY_MS, nowMs - 60_000);

  const audit = sqlite.prepare(
    `insert into audit_log (id, at, actor_id, actor_name, via, action, entity_type, entity_id, summary, changes)
     values (?, ?, ?, 'Member 0', 'session', ?, ?, ?, ?, ?)`,
  );
  const pitch = sqlite.prepare(
    `insert into brand_pitches (id, brand_id, pitched_on, channel, note, created_by, created_at) values (?, ?, ?, 'email', 'Sent the kit', ?, ?)`,
  );
  const note = sqlite.prepare(
    `insert into brand_notes (id, brand_id, happened_on, channel, text, at, created_by, created_at) values (?, ?, ?, 'call', 'Talked through the brief', ?, ?, ?)`,
  );
  const proposal = sqlite.prepare(
    `insert into proposals (id, deal_id, version, status, terms, token_hash, expires_on, decided_at, decided_name, decided_title,
       decided_ip, terms_hash, comment, created_by, created_at, updated_at)
     values (?, ?, 1, ?, ?, ?, ?, ?, ?, null, null, null, null, ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    `insert into invoice_events (id, invoice_id, type, at, actor_id, data) values (?, ?, ?, ?, ?, ?)`,
  );
  const payment = sqlite.prepare(
    `insert into payments (id, invoice_id, amount_cents, currency, paid_on, method, note, fee_cents, created_at)
     values (?, ?, ?, 'USD', ?, 'bank', '', 0, ?)`,
  );
  const link = sqlite.prepare(
    `insert into review_links (id, deliverable_id, token_hash, created_by, created_at, expires_at, revoked_at, decided_at, decision, comment, reviewer_name)
     values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)`,
  );

  sqlite.transaction(() => {
    for (const b of brands) {
      const created = Date.parse(b.created_at);
      audit.run(auditId(created), iso(created), ownerId, 'create', 'brand', b.id, 'Brand', '{}');
      for (const stage of ['pitched', 'negotiating']) {
        const ms = at(b.created_at, 1500);
        audit.run(
          auditId(ms),
          iso(ms),
          ownerId,
          'update',
          'brand',
          b.id,
          'Brand',
          JSON.stringify({ stage: { from: 'prospect', to: stage } }),
        );
      }
      for (let i = 0; i < 10; i++) {
        const ms = at(b.created_at, 1800);
        pitch.run(randomUUID(), b.id, day(ms), ownerId, iso(ms));
        const noteMs = at(b.created_at, 1800);
        note.run(randomUUID(), b.id, day(noteMs), iso(noteMs), ownerId, iso(noteMs));
      }
      rows += 23;
    }
    for (const d of deals) {
      const created = Date.parse(d.created_at);
      audit.run(
        auditId(created),
        iso(created),
        ownerId,
        'create',
        'deal',
        d.id,
        'Deal',
        JSON.stringify({ status: { to: 'pitched' } }),
      );
      for (const [from, to] of [
        ['pitched', 'negotiating'],
        ['negotiating', 'contracted'],
        ['contracted', 'completed'],
      ]) {
        const ms = at(d.created_at, 120);
        audit.run(
          auditId(ms),
          iso(ms),
          ownerId,
          'update',
          'deal',
          d.id,
          'Deal',
          JSON.stringify({ status: { from, to } }),
        );
      }
      const sent = at(d.created_at, 20);
      const answered = rand() < 0.6 ? iso(Math.min(sent + DAY_MS, nowMs - 60_000)) : null;
      proposal.run(
        randomUUID(),
        d.id,
        answered ? 'accepted' : 'sent',
        JSON.stringify({ totalCents: 100_000, currency: 'USD' }),
        randomUUID(),
        day(sent + 14 * DAY_MS),
        answered,
        answered ? 'Dana Brand' : null,
        ownerId,
        iso(sent),
        iso(sent),
      );
      rows += 5;
    }
    for (const inv of invoices) {
      const issued = Date.parse(`${inv.issued_on}T10:00:00.000Z`);
      event.run(
        `${issued.toString(36)}-a-${randomUUID().slice(0, 8)}`,
        inv.id,
        'created',
        iso(issued),
        ownerId,
        '{}',
      );
      if (inv.status === 'draft') continue;
      event.run(
        `${issued.toString(36)}-b-${randomUUID().slice(0, 8)}`,
        inv.id,
        'sent',
        iso(issued + 60_000),
        ownerId,
        JSON.stringify({ to: ['ap@brand.example'] }),
      );
      const reminder = Math.min(issued + 27 * DAY_MS, nowMs - 60_000);
      event.run(
        `${reminder.toString(36)}-c-${randomUUID().slice(0, 8)}`,
        inv.id,
        'reminder',
        iso(reminder),
        null,
        JSON.stringify({ step: -3, to: ['ap@brand.example'] }),
      );
      rows += 3;
      if (inv.status === 'paid') {
        const paid = Math.min(issued + 25 * DAY_MS, nowMs - 60_000);
        payment.run(randomUUID(), inv.id, inv.amount_cents, day(paid), iso(paid));
        rows += 1;
      }
    }
    for (const [i, d] of deliverables.entries()) {
      const created = Date.parse(d.created_at);
      audit.run(
        auditId(created),
        iso(created),
        ownerId,
        'create',
        'deliverable',
        d.id,
        'Deliverable',
        '{}',
      );
      rows += 1;
      if (i % 10 !== 0) continue;
      const made = at(d.created_at, 10);
      const decided = i % 20 === 0 ? iso(Math.min(made + DAY_MS, nowMs - 60_000)) : null;
      link.run(
        randomUUID(),
        d.id,
        randomUUID(),
        ownerId,
        iso(made),
        iso(made + 7 * DAY_MS),
        decided,
        decided ? 'approve' : null,
        decided ? 'Looks great' : null,
        decided ? 'Dana Brand' : null,
      );
      rows += 1;
    }
  })();
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  syncToDisk(file);
  const sampleBrandIds = Array.from(
    { length: 100 },
    () => brands[Math.floor(rand() * brands.length)]!.id,
  );
  return { sampleBrandIds, rows };
}

export interface TimelineBenchOptions {
  server: BenchServer;
  cookie: string;
  brandIds: string[];
  /** Rounds over the sampled brands. */
  runs: number;
}

/**
 * A brand page's timeline on the real server: the first page of 50 entries and
 * the next one (its `nextBefore`), for each sampled brand, one request at a
 * time, timed in the server from arrival to the last byte written.
 */
export async function benchTimeline(report: Report, options: TimelineBenchOptions): Promise<void> {
  const { server, cookie, brandIds, runs } = options;
  const ask = async (brandId: string, before: string | null) => {
    const path = `/api/brands/${brandId}/timeline?limit=50${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const res = await fetch(server.url + path, { headers: { cookie } });
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { items: unknown[]; nextBefore: string | null };
  };
  report.begin('8. Brand timeline: GET /api/brands/:id/timeline?limit=50');
  const brandPage = async (brandId: string) => {
    const first = await ask(brandId, null);
    const second = first.nextBefore ? await ask(brandId, first.nextBefore) : null;
    return first.items.length + (second?.items.length ?? 0);
  };
  for (const id of brandIds.slice(0, 10)) await brandPage(id);
  await server.timings('/api/brands/');
  let entries = 0;
  for (let run = 0; run < runs; run++) {
    for (const id of brandIds) entries += await brandPage(id);
  }
  const served = await server.timings('/api/brands/');
  report.add(
    'timeline_requests',
    'Timeline pages timed (first and second page of each brand)',
    served.length,
    'requests',
  );
  report.add(
    'timeline_entries_per_brand',
    'Entries read per brand (two pages)',
    entries / (runs * brandIds.length),
    'entries',
  );
  report.add('timeline_p50_ms', 'Server time per timeline page of 50, p50', median(served), 'ms');
  report.add(
    'timeline_p95_ms',
    'Server time per timeline page of 50, p95',
    percentile(served, 95),
    'ms',
    {
      op: '<=',
      value: 50,
    },
  );
  report.add('timeline_max_ms', 'Slowest timeline page', Math.max(...served), 'ms');
}
