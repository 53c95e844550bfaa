import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { databaseUrl, PG_TEMPLATE } from './postgres-server';

export type TestEngine = 'sqlite' | 'postgres';

/** Which engine this test run uses: `TEST_DB=postgres` selects PostgreSQL. */
export const TEST_ENGINE: TestEngine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** A DATABASE_URL for this database: give it to a second handle or a server process. */
  url: string;
  handle: DatabaseHandle;
  /** SQLite only: the file. */
  file?: string;
  /** Closes the handle and removes the database. */
  close(): Promise<void>;
}

let admin: { url: string; pool: pg.Pool; fileCopy: Promise<boolean> } | undefined;

/** One small admin pool per test worker: connecting anew for every test costs more than the test. */
function adminFor(serverUrl: string) {
  if (admin?.url !== serverUrl) {
    const pool = new pg.Pool({ connectionString: serverUrl, max: 2 });
    // Copying the small template file by file is much faster than WAL-logging it (PostgreSQL 15+).
    const fileCopy = pool
      .query<{ v: string }>('show server_version_num')
      .then((r) => Number(r.rows[0]?.v ?? 0) >= 150000);
    admin = { url: serverUrl, pool, fileCopy };
  }
  return admin;
}

/** Migrated PostgreSQL databases of this worker, emptied and ready for the next test. */
const cleanDatabases: string[] = [];

/**
 * Empties every table but the migrator's, so the next test starts as on a fresh copy
 * of the template (a TRUNCATE is far cheaper than creating and dropping a database).
 * False when something still holds the database (a server process that outlived its test).
 */
async function emptied(handle: DatabaseHandle): Promise<boolean> {
  try {
    const tables = await sql<{ name: string }>`
      select tablename as name from pg_tables
      where schemaname = 'public' and tablename not like 'kysely_%'`.execute(handle.db);
    const list = tables.rows.map((t) => `"${t.name}"`).join(', ');
    await sql.raw(`truncate ${list} cascade`).execute(handle.db);
    const others = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`.execute(handle.db);
    return Number(others.rows[0]?.n ?? 0) === 0;
  } catch {
    return false;
  }
}

async function dropDatabase(pool: pg.Pool, name: string): Promise<void> {
  // Backends of just-closed connections can take a moment to go; forcing them
  // would make their clients report a terminated connection. Wait, then force.
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await pool.query(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  await pool.query(`drop database if exists ${name} with (force)`);
}

/**
 * A fresh database for one test: a new SQLite file, or a new PostgreSQL
 * database copied from the migrated template (or empty, with `migrate: false`).
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (TEST_ENGINE === 'postgres') {
    const serverUrl = inject('postgresUrl');
    if (!serverUrl)
      throw new Error('TEST_DB=postgres but the global setup started no PostgreSQL server');
    const { pool, fileCopy } = adminFor(serverUrl);
    // A migrated database a finished test emptied again, or a new copy of the migrated template.
    let name = migrate ? cleanDatabases.pop() : undefined;
    if (!name) {
      name = `t_${randomBytes(6).toString('hex')}`;
      const strategy = (await fileCopy) ? ' strategy file_copy' : '';
      await pool.query(
        `create database ${name} template ${migrate ? PG_TEMPLATE : 'template0'}${strategy}`,
      );
    }
    const url = databaseUrl(serverUrl, name);
    const handle = openDatabase(url, { poolSize: 4 });
    const dbName = name;
    return {
      url,
      handle,
      async close() {
        if (migrate && (await emptied(handle))) {
          await handle.close();
          cleanDatabases.push(dbName);
          return;
        }
        await handle.close();
        await dropDatabase(pool, dbName);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-test-'));
  const file = path.join(dir, 'test.db');
  const url = `sqlite:${file}`;
  const handle = openDatabase(url);
  if (migrate) await migrateToLatest(handle.db);
  return {
    url,
    handle,
    file,
    async close() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
