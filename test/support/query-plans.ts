import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterEach } from 'vitest';
import { SqliteBooleanPlugin } from '../../server/db/dialect';
import { migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/schema';

export interface RecordingDatabase {
  sqlite: SQLite.Database;
  db: Kysely<Database>;
  /** The SQL run since the migrations, in order. */
  queries: CompiledQuery[];
}

/**
 * Registers an `afterEach` that destroys every database it made, and answers a maker of
 * migrated in-memory SQLite databases configured like the app's, recording the SQL the
 * code under test runs. No ANALYZE, as in production: the plans are the ones SQLite picks
 * from the schema alone.
 */
export function trackRecordingDatabases(): () => Promise<RecordingDatabase> {
  const open: Kysely<Database>[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.destroy()));
  });
  return async () => {
    const sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const queries: CompiledQuery[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new SqliteBooleanPlugin(), new CamelCasePlugin()],
      log: (event) => {
        if (event.level === 'query') queries.push(event.query);
      },
    });
    open.push(db);
    await migrateToLatest(db);
    queries.length = 0;
    return { sqlite, db, queries };
  };
}

/** The steps of SQLite's plan for a recorded query, with its own parameters. */
export function queryPlan(sqlite: SQLite.Database, query: CompiledQuery): string[] {
  const rows = sqlite
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...(query.parameters as unknown[])) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}
