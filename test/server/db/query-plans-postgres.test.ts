import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../../server/db/queries/search';
import { trackApps } from '../helpers';

// Runs only in the PostgreSQL run (vitest.config.ts: POSTGRES_ONLY); the SQLite plans are
// asserted in query-plans.test.ts.
const apps = trackApps();

describe('EXPLAIN of search on PostgreSQL', () => {
  it('reads matches through the GIN full-text indexes', async () => {
    const t = await apps.workspace();
    const plans: string[] = [];
    await t.db.connection().execute(async (conn) => {
      // A handful of rows makes a scan cheaper than any index: take scans off the table.
      await sql`set enable_seqscan = off`.execute(conn);
      for (const [kind, field, index] of [
        ['deliverable', 'title', 'deliverables_search_title'],
        ['deliverable', 'text', 'deliverables_search_text'],
        ['brand', 'title', 'brands_search_name'],
        ['deal', 'title', 'deals_search_title'],
        ['invoice', 'title', 'invoices_search_number'],
      ] as const) {
        const query = matchesQuery(conn, kind, ['tik', 'launch'], field, 20).compile(conn);
        const { rows } = await conn.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
        );
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        plans.push(plan);
        expect(plan, plan).toContain(`Bitmap Index Scan on ${index}`);
      }
      await sql`reset enable_seqscan`.execute(conn);
    });
    expect(plans).toHaveLength(5);
  });
});
