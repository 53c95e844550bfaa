import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test: a new SQLite file, or a new PostgreSQL
 * database copied from the migrated template (or empty, with `migrate: false`).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (TEST_ENGINE === 'postgres') {
    const serverUrl = inject('postgresUrl');
    if (!serverUrl) throw new Error('TEST_DB=postgres but the global setup started no PostgreSQL server');
    const name = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name} template ${migrate ? PG_TEMPLATE : 'template0'}`);
    const url = databaseUrl(serverUrl, name);
    const handle = openDatabase(url);
    if (migrate) await migrateToLatest(handle.db);
    return {
      url,
      handle,
      async close() {
        await handle.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
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
