import type { CompiledQuery, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { rulesAbout } from '../../../server/alerts/rules';
import type { RuleWindow } from '../../../server/alerts/rules/rule';
import {
  listCalendarDeliverables,
  listDeliverables,
} from '../../../server/db/queries/deliverables';
import { exclusivityWarnings } from '../../../server/db/queries/exclusivity';
import { searchWorkspace } from '../../../server/db/queries/search';
import { getSettings } from '../../../server/db/queries/settings';
import type { Database } from '../../../server/db/schema';
import { queryPlan, trackRecordingDatabases } from '../../support/query-plans';

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
  it('reads each half of the range from a covering index alone, never the table', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    await listCalendarDeliverables(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      // (With a brand filter SQLite, lacking statistics, takes the brand's index instead: fewer rows.)
      status: ['planned', 'drafting'],
      platform: ['youtube'],
    });
    const plan = queryPlan(sqlite, reading(queries, 'deliverables')[0]!);
    const covering = (index: string, column: string) =>
      new RegExp(
        `^SEARCH deliverables USING COVERING INDEX ${index} \\(${column}>\\? AND ${column}<\\?\\)`,
      );
    expect(
      plan.some((step) => covering('deliverables_calendar_publish', 'publish_at').test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) => covering('deliverables_calendar_draft', 'draft_due_at').test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) => /^SCAN deliverables\b/.test(step)),
      plan.join('\n'),
    ).toBe(false);
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
