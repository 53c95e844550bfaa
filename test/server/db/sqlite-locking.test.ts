import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { fixedClock } from '../../../server/clock';
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect';
import { isBusy } from '../../../server/db/dialect';
import { insertBrand } from '../../../server/db/queries/brands';
import { retryWhileBusy } from '../../../server/db/sqlite-driver';
import { TEST_PASSWORD_COST, TestClient } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const NOW = new Date('2026-03-01T12:00:00.000Z');

let database: TestDatabase | undefined;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await database?.close();
  database = undefined;
});

/** Another process's connection to the file (a plain better-sqlite3 one, which never waits). */
function otherProcess(file: string): SQLite.Database {
  const other = new SQLite(file);
  other.pragma('busy_timeout = 0');
  cleanup.push(() => other.open && other.close());
  return other;
}

async function brandCount(handle: DatabaseHandle): Promise<number> {
  const rows = await handle.db.selectFrom('brands').select('id').execute();
  return rows.length;
}

describe('SQLite shared by several processes', () => {
  it('begins every transaction IMMEDIATE: the write lock is held from the start, before the first write', async () => {
    database = await createTestDatabase();
    const other = otherProcess(database.file!);
    const seen = await database.handle.db.transaction().execute(async (trx) => {
      await trx.selectFrom('brands').select('id').execute();
      try {
        other
          .prepare(
            `insert into brands (id, name, stage, notes, color, version, created_at, updated_at) values ('x', 'x', 'prospect', '', '', 1, '', '')`,
          )
          .run();
        return 'written';
      } catch (error) {
        return isBusy(error) ? 'busy' : String(error);
      }
    });
    expect(seen).toBe('busy');
  });

  it('a read-then-write transaction waits out another process’s write lock instead of failing', async () => {
    database = await createTestDatabase();
    const other = otherProcess(database.file!);
    other.exec('begin immediate');
    other.exec(
      `insert into brands (id, name, stage, notes, color, version, created_at, updated_at) values ('b0', 'Held', 'prospect', '', '', 1, '${NOW.toISOString()}', '${NOW.toISOString()}')`,
    );
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('commit');
        resolve();
      }, 300),
    );
    // Meanwhile the event loop stays free: the timer above fires while the write waits.
    const brand = await database.handle.db.transaction().execute(async (trx) => {
      await trx.selectFrom('brands').select('id').execute();
      return insertBrand(trx, { name: 'Waited' }, NOW);
    });
    await released;
    expect(brand.name).toBe('Waited');
    expect(await brandCount(database.handle)).toBe(2);
  });

  it('gives up after its budget with the busy error, which the API answers 503 with Retry-After, writing nothing', async () => {
    database = await createTestDatabase();
    const handle = openDatabase(database.url, { sqliteBusyBudgetMs: 150 });
    cleanup.push(() => handle.close());
    const app = createApp({
      db: handle.db,
      clock: fixedClock(NOW.toISOString()),
      passwordCost: TEST_PASSWORD_COST,
    });
    const client = new TestClient(app);
    await client.setupOwner();

    const other = otherProcess(database.file!);
    other.exec('begin immediate');
    const refused = await client.post('/api/brands', { name: 'Too late' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error.code).toBe('busy');
    other.exec('rollback');

    expect(await brandCount(handle)).toBe(0);
    const audit = await handle.db
      .selectFrom('auditLog')
      .select('id')
      .where('entityType', '=', 'brand')
      .execute();
    expect(audit).toEqual([]);
    expect((await client.post('/api/brands', { name: 'In time' })).status).toBe(201);
  });

  it('retries only busy errors, and only within the budget', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const answer = await retryWhileBusy(
      async () => {
        calls++;
        if (calls < 4) throw busy;
        return 'done';
      },
      { sleep: async () => undefined },
    );
    expect(answer).toBe('done');
    expect(calls).toBe(4);

    calls = 0;
    const other = Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(
      retryWhileBusy(async () => {
        calls++;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);

    await expect(retryWhileBusy(async () => Promise.reject(busy), { budgetMs: 0 })).rejects.toBe(
      busy,
    );
  });
});

describe('isBusy', () => {
  it('names the errors that mean "try again soon" on both engines, and nothing else', () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_BUSY_TIMEOUT',
      '40001',
      '40P01',
      '55P03',
      '57P03',
      '53300',
    ]) {
      expect(isBusy(withCode(code)), code).toBe(true);
    }
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_LOCKED', '23505', '42P01']) {
      expect(isBusy(withCode(code)), code).toBe(false);
    }
    expect(isBusy(new Error('SQLITE_BUSY'))).toBe(false);
  });
});
