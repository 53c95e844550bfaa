import type { CompiledQuery, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { alertRule, rulesAbout } from '../../../server/alerts/rules';
import type { RuleWindow } from '../../../server/alerts/rules/rule';
import {
  calendarDeliverableParts,
  listDeliverables,
} from '../../../server/db/queries/deliverables';
import { exclusivityWarnings } from '../../../server/db/queries/exclusivity';
import { countDeliverablesAtRisk } from '../../../server/db/queries/risk';
import { searchWorkspace } from '../../../server/db/queries/search';
import { getSettings } from '../../../server/db/queries/settings';
import type { Database } from '../../../server/db/schema';
import { queryPlan, trackRecordingDatabases } from '../../support/query-plans';
import { brandRow } from '../helpers';

const recording = trackRecordingDatabases();

/** A recording database (see `trackRecordingDatabases`) and a scan window in it. */
async function recordingDatabase() {
  const recorded = await recording();
  const now = new Date('2026-03-10T12:00:00.000Z');
  const window: RuleWindow = {
    now,
    since: new Date('2026-03-03T12:00:00.000Z'),
    highWater: now,
    settings: await getSettings(recorded.db, now),
  };
  recorded.queries.length = 0;
  return { ...recorded, window };
}

/** Runs the scan's rules about one kind of subject, as a scan does. */
async function findDueAbout(
  db: Kysely<Database>,
  window: RuleWindow,
  subjectType: 'deliverable' | 'invoice' | 'brand' | 'deal',
) {
  for (const rule of rulesAbout(subjectType)) await rule.findDue?.(db, window);
}

/** The recorded queries reading `table` (as the main table of the FROM). */
function reading(queries: CompiledQuery[], table: string): CompiledQuery[] {
  return queries.filter((q) => new RegExp(`^select .* from "${table}"`, 'is').test(q.sql));
}

/** Asserts that the first recorded query reading `table` searches it as `expectIndexSearch` says. */
function expectFirstReadSearches(
  sqlite: Parameters<typeof queryPlan>[0],
  queries: CompiledQuery[],
  table: string,
  index: string,
  column: string,
) {
  const [query] = reading(queries, table);
  expect(query).toBeDefined();
  expectIndexSearch(queryPlan(sqlite, query!), table, index, column);
}

/**
 * Asserts a plan searches `table` through `index` (a range on `column`) and
 * never scans the table: the cost follows the rows in range, not the table.
 */
function expectIndexSearch(plan: string[], table: string, index: string, column: string) {
  const search = new RegExp(
    `^SEARCH ${table} USING (COVERING )?INDEX ${index} \\(.*${column}[<>=]`,
  );
  expect(
    plan.some((step) => search.test(step)),
    plan.join('\n'),
  ).toBe(true);
  expect(
    plan.some((step) => new RegExp(`^SCAN ${table}\\b`).test(step)),
    plan.join('\n'),
  ).toBe(false);
}

describe('EXPLAIN QUERY PLAN of the calendar range query', () => {
  it('answers from and to with a range search on each date index (publish_at and draft_due_at), no table scan', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    await listDeliverables(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const [range] = reading(queries, 'deliverables');
    expect(range).toBeDefined();
    const plan = queryPlan(sqlite, range!);
    expectIndexSearch(plan, 'deliverables', 'deliverables_publish_at', 'publish_at');
    expectIndexSearch(plan, 'deliverables', 'deliverables_draft_due_at', 'draft_due_at');
  });

  it('keeps using the date indexes when the range is combined with a filter', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    await listDeliverables(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      status: ['planned', 'drafting'],
      platform: ['youtube'],
    });
    const plan = queryPlan(sqlite, reading(queries, 'deliverables')[0]!);
    expectIndexSearch(plan, 'deliverables', 'deliverables_publish_at', 'publish_at');
    expectIndexSearch(plan, 'deliverables', 'deliverables_draft_due_at', 'draft_due_at');
  });
});

describe('EXPLAIN QUERY PLAN of the calendar’s own range query', () => {
  it('reads each part of the range from a covering index alone, never the table', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    const parts = calendarDeliverableParts(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      // (With a brand filter SQLite, lacking statistics, takes the brand's index instead: fewer rows.)
      status: ['planned', 'drafting'],
      platform: ['youtube'],
    });
    for await (const part of parts) expect(part).toEqual([]);
    const plans = reading(queries, 'deliverables').map((query) => queryPlan(sqlite, query));
    // The drafts due in the month whose go-live is not, then the month's go-lives (one part: none yet).
    expect(plans).toHaveLength(2);
    const covering = (index: string, column: string) =>
      new RegExp(
        `^SEARCH deliverables USING COVERING INDEX ${index} \\(${column}>\\? AND ${column}<\\?\\)`,
      );
    const [drafts, ...goLives] = plans;
    expect(
      drafts!.some((step) => covering('deliverables_calendar_draft', 'draft_due_at').test(step)),
      drafts!.join('\n'),
    ).toBe(true);
    for (const plan of goLives) {
      expect(
        plan.some((step) => covering('deliverables_calendar_publish', 'publish_at').test(step)),
        plan.join('\n'),
      ).toBe(true);
    }
    for (const plan of plans) {
      expect(
        plan.some((step) => /^SCAN deliverables\b/.test(step)),
        plan.join('\n'),
      ).toBe(false);
    }
  });
});

describe('EXPLAIN QUERY PLAN of the alert rules', () => {
  it('finds deliverables due soon and overdue by range searches on the date indexes', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await findDueAbout(db, window, 'deliverable');
    const ranged = reading(queries, 'deliverables');
    expect(ranged.length).toBeGreaterThan(4);
    for (const column of ['draft_due_at', 'publish_at']) {
      // Due soon and overdue (a day of due moments per query): range searches on the date index.
      const onDate = ranged.filter(
        (q) => q.sql.includes(`"${column}" >`) && !q.sql.includes('"updated_at"'),
      );
      expect(onDate.length, column).toBeGreaterThanOrEqual(2);
      for (const query of onDate) {
        // Either index that leads with the date: its own, or the calendar's covering one (0009).
        expectIndexSearch(
          queryPlan(sqlite, query),
          'deliverables',
          `deliverables_(${column}|calendar_${column === 'publish_at' ? 'publish' : 'draft'})`,
          column,
        );
      }
      // Edited since the last scan: a range search on updated_at.
      const edited = ranged.filter(
        (q) => q.sql.includes('"updated_at" >') && q.sql.includes(`"${column}" <=`),
      );
      // A day of edits per query, like the due moments.
      expect(edited.length, column).toBeGreaterThanOrEqual(2);
      for (const query of edited) {
        expectIndexSearch(
          queryPlan(sqlite, query),
          'deliverables',
          'deliverables_updated_at',
          'updated_at',
        );
      }
    }
  });

  it('finds invoices due soon and overdue on (status, due_on), and those edited since on updated_at', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await findDueAbout(db, window, 'invoice');
    const ranged = reading(queries, 'invoices');
    // Due soon, a reminder come due since the last scan (both ranges of due_on), edited since.
    expect(ranged).toHaveLength(3);
    const edited = ranged.filter((q) => q.sql.includes('"updated_at" >'));
    expect(edited).toHaveLength(1);
    for (const query of ranged.filter((q) => !edited.includes(q))) {
      const plan = queryPlan(sqlite, query);
      expectIndexSearch(plan, 'invoices', 'invoices_status_due_on', 'due_on');
      // A bounded range: due_on between two days, never every sent invoice before today.
      expect(
        plan.some((step) => /due_on>\? AND due_on<\?/.test(step)),
        plan.join('\n'),
      ).toBe(true);
    }
    const plan = queryPlan(sqlite, edited[0]!);
    expect(
      plan.some((step) => /^SEARCH invoices USING (COVERING )?INDEX /.test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) => /^SCAN invoices\b/.test(step)),
      plan.join('\n'),
    ).toBe(false);
  });

  it('finds brands to follow up on next_follow_up_on', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await findDueAbout(db, window, 'brand');
    expectFirstReadSearches(
      sqlite,
      queries,
      'brands',
      'brands_next_follow_up_on',
      'next_follow_up_on',
    );
  });

  it('finds usage rights ending on (status, usage_rights_until), not by walking every signed deal', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await findDueAbout(db, window, 'deal');
    expectFirstReadSearches(
      sqlite,
      queries,
      'deals',
      'deals_status_usage_rights_until',
      'usage_rights_until',
    );
  });
});

/**
 * A recording database with one deal edited inside the scan window (so the rules' check of
 * the deals they found runs too), the settings untouched since long before it, and the
 * plans of the queries `run` makes, each asserted to scan no table.
 */
async function dealRulePlans(run: (db: Kysely<Database>, window: RuleWindow) => Promise<unknown>) {
  const { sqlite, db, queries, window } = await recordingDatabase();
  const at = '2026-03-05T12:00:00.000Z';
  await db
    .insertInto('brands')
    .values(brandRow('brand-1', 'Acme', at))
    .execute();
  await db
    .insertInto('deals')
    .values({
      id: 'deal-1',
      brandId: 'brand-1',
      title: 'Launch',
      status: 'contracted',
      feeCents: 100_000,
      currency: 'USD',
      source: 'direct',
      contractSignedOn: null,
      exclusivityCategory: null,
      exclusivityUntil: null,
      usageRightsUntil: null,
      paymentTrigger: 'last_published',
      notes: '',
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  queries.length = 0;
  // Settings untouched since long before the window: only the window's changes count.
  await run(db, {
    ...window,
    settings: { ...window.settings, updatedAt: '2026-01-01T00:00:00.000Z' },
  });
  const plans = queries.map((q) => ({ sql: q.sql, plan: queryPlan(sqlite, q) }));
  for (const { sql, plan } of plans) {
    expect(
      plan.some((step) => /^SCAN /.test(step)),
      `${sql}\n${plan.join('\n')}`,
    ).toBe(false);
  }
  /** The plan of the one query matching `pattern`. */
  return (pattern: RegExp) => {
    const found = plans.filter((p) => pattern.test(p.sql));
    expect(found, String(pattern)).toHaveLength(1);
    return found[0]!.plan;
  };
}

/** What both deal rules read of the changes since the last scan: index searches on the window. */
function expectChangesReadByIndex(planOf: (pattern: RegExp) => string[]) {
  expectIndexSearch(
    planOf(/^select "id" from "deals" where "updated_at" >/),
    'deals',
    'deals_updated_at',
    'updated_at',
  );
  expectIndexSearch(
    planOf(/^select "deal_id" from "deliverables" where "updated_at" >/),
    'deliverables',
    'deliverables_updated_at',
    'updated_at',
  );
  expectIndexSearch(planOf(/from "audit_log"/), 'audit_log', 'audit_log_at', 'at');
}

describe('EXPLAIN QUERY PLAN of the deal rules', () => {
  it('report_due: reads what changed since the last scan and the go-lives that passed the lead in it by index searches, then checks those deals on their own deliverables, never scanning a table', async () => {
    const planOf = await dealRulePlans((db, window) =>
      alertRule('report_due').findDue!(db, window),
    );
    expectChangesReadByIndex(planOf);
    expectIndexSearch(
      planOf(/^select distinct "deal_id" from "deliverables"/),
      'deliverables',
      'deliverables_(publish_at|calendar_publish)',
      'publish_at',
    );
    // Each candidate deal by its key, its deliverables from (deal_id, status, publish_at) alone.
    const check = planOf(/group by "deals"."id"/);
    expect(check.join('\n')).toMatch(/SEARCH deals USING INDEX sqlite_autoindex_deals_1 \(id=\?\)/);
    expect(check.join('\n')).toMatch(
      /SEARCH deliverables USING COVERING INDEX deliverables_deal_status_publish \(deal_id=\? AND status=\?/,
    );
    // Whether one is still to come, a report was shared, the alert was raised: from indexes alone.
    expect(check.join('\n')).toMatch(
      /SEARCH open USING COVERING INDEX deliverables_deal_status_publish \(deal_id=\?\)/,
    );
    expect(check.join('\n')).toMatch(
      /SEARCH report_links USING COVERING INDEX report_links_deal_id/,
    );
    expect(check.join('\n')).toMatch(/SEARCH alerts USING COVERING INDEX alerts_key/);
  });

  it('ready_to_invoice: reads what changed since the last scan (invoices too) and the contract days begun in it by index searches, then those deals by their keys, never scanning a table', async () => {
    const planOf = await dealRulePlans((db, window) =>
      alertRule('ready_to_invoice').raiseDue!(db, window, async () => 0),
    );
    expectChangesReadByIndex(planOf);
    expectIndexSearch(
      planOf(/^select "deal_id" from "invoices" where "updated_at" >/),
      'invoices',
      'invoices_updated_at',
      'updated_at',
    );
    expectIndexSearch(
      planOf(/^select "id" from "deals" where "contract_signed_on" >=/),
      'deals',
      'deals_payment_trigger_contract_signed_on',
      'contract_signed_on',
    );
    expect(planOf(/"deals"."id" in/).join('\n')).toMatch(
      /SEARCH deals USING INDEX sqlite_autoindex_deals_1 \(id=\?\)/,
    );
  });
});

describe('EXPLAIN QUERY PLAN of the risk count', () => {
  it('counts the late ones from the pending moments’ partial indexes alone and reads rows only in the lead-time window', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await countDeliverablesAtRisk(db, window.now, window.settings.leadTimes);
    const reads = reading(queries, 'deliverables');
    expect(reads).toHaveLength(5);
    for (const query of reads) {
      const counts = /count\(\*\)/i.test(query.sql);
      const index = /"draft_due_at" <=|"draft_due_at" >/.test(query.sql)
        ? ['deliverables_draft_pending', 'draft_due_at']
        : ['deliverables_publish_pending', 'publish_at'];
      const plan = queryPlan(sqlite, query);
      expectIndexSearch(plan, 'deliverables', index[0]!, index[1]!);
      // A count never reads a row of the table, however many are late.
      if (counts) expect(plan.join('\n')).toMatch(/USING COVERING INDEX/);
    }
  });
});

describe('EXPLAIN QUERY PLAN of the exclusivity check', () => {
  it('reads active exclusivities on (status, exclusivity_until)', async () => {
    const { sqlite, db, queries, window } = await recordingDatabase();
    await exclusivityWarnings(
      db,
      [{ id: 'd1', brandId: 'b1', publishAt: '2026-03-12T10:00:00.000Z', status: 'planned' }],
      window.now,
    );
    expectFirstReadSearches(
      sqlite,
      queries,
      'deals',
      'deals_status_exclusivity_until',
      'exclusivity_until',
    );
  });
});

describe('EXPLAIN QUERY PLAN of search', () => {
  it('reads each kind from its FTS5 index in its own order (newest first), then each row by its key: no scan, no sort', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    // Few enough title matches that the caption and brief are searched too.
    await searchWorkspace(db, { q: 'tikt launch', limit: 20 });
    const searches = queries.filter((q) => / match \?/.test(q.sql));
    expect(searches.map((q) => /from (search_\w+) s/.exec(q.sql)?.[1])).toEqual([
      'search_brands',
      'search_deals',
      'search_invoices',
      'search_deliverable_titles',
      'search_deliverables',
    ]);
    for (const query of searches) {
      const plan = queryPlan(sqlite, query);
      // The full-text index, as the outer loop, hands rows over in ORDER BY order (M: a MATCH).
      expect(plan[0], plan.join('\n')).toMatch(/^SCAN s VIRTUAL TABLE INDEX \d+:M/);
      for (const step of plan.slice(1)) expect(step, plan.join('\n')).toMatch(/^SEARCH /);
      expect(
        plan.some((step) => /TEMP B-TREE/.test(step)),
        plan.join('\n'),
      ).toBe(false);
    }
  });
});
