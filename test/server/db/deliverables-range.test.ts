import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteBooleanPlugin } from '../../../server/db/dialect';
import { migrateToLatest } from '../../../server/db/migrate';
import { listDeliverables } from '../../../server/db/queries/deliverables';
import type { Database } from '../../../server/db/schema';

let sqlite: SQLite.Database | undefined;
let db: Kysely<Database> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
  sqlite = undefined;
});

/** An in-memory database configured like the app's, recording the SQL it runs. */
async function recordingDatabase() {
  sqlite = new SQLite(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const queries: CompiledQuery[] = [];
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new SqliteBooleanPlugin(), new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') queries.push(event.query);
    },
  });
  await migrateToLatest(db);
  queries.length = 0;
  return { sqlite, db, queries };
}

function queryPlan(sqlite: SQLite.Database, query: CompiledQuery): string[] {
  const rows = sqlite
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...(query.parameters as unknown[])) as Array<{
    detail: string;
  }>;
  return rows.map((r) => r.detail);
}

describe('listDeliverables with from and to', () => {
  it('searches the publish_at and draft_due_at indexes instead of scanning deliverables', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    await listDeliverables(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const ranged = queries.filter((q) => /from "deliverables"/i.test(q.sql));
    expect(ranged).toHaveLength(1);
    const plan = queryPlan(sqlite, ranged[0]!);
    expect(
      plan.some((step) =>
        /SEARCH deliverables USING (COVERING )?INDEX deliverables_publish_at \(publish_at>\? AND publish_at<\?\)/.test(
          step,
        ),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) =>
        /SEARCH deliverables USING (COVERING )?INDEX deliverables_draft_due_at \(draft_due_at>\? AND draft_due_at<\?\)/.test(
          step,
        ),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.filter((step) => /^SCAN deliverables\b/.test(step)),
      plan.join('\n'),
    ).toEqual([]);
  });
});
