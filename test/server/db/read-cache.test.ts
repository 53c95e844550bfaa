import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertBrand } from '../../../server/db/queries/brands';
import { preparedQuery } from '../../../server/db/prepared';
import { cachedRead, TTL_MS, writtenTables } from '../../../server/db/read-cache';
import { brandCreateSchema } from '../../../shared/schemas/brand';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../support/database';

let database: TestDatabase | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await database?.close();
  database = undefined;
});

const NOW = '2026-03-01T12:00:00.000Z';

async function withBrands(names: string[]) {
  database = await createTestDatabase();
  const { db } = database.handle;
  for (const [i, name] of names.entries()) {
    const brand = await insertBrand(
      db,
      brandCreateSchema.parse({ name, category: i % 2 ? 'beauty' : null }),
      new Date(NOW),
    );
    // Ids in order of creation, so the tests can name them.
    await db
      .updateTable('brands')
      .set({ id: `b${i}` })
      .where('id', '=', brand.id)
      .execute();
  }
  return db;
}

const brandNamed = preparedQuery<{ id: string }, { id: string; name: string }>((db, param) =>
  db.selectFrom('brands').select(['id', 'name']).where('id', '=', param('id')),
);

describe(`prepared queries on ${TEST_ENGINE}`, () => {
  it('answers each call with its own parameters, compiling the query once per engine', async () => {
    const db = await withBrands(['Acme', 'Globex', 'Initech']);
    let builds = 0;
    const byCategory = preparedQuery<{ category: string; limit: number }, { name: string }>(
      (db, param) => {
        builds++;
        return db
          .selectFrom('brands')
          .select('name')
          .where('category', '=', param('category'))
          .where('stage', '=', 'prospect')
          .orderBy('name')
          .limit(param('limit'));
      },
    );
    expect(await brandNamed(db, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme' }]);
    expect(await brandNamed(db, { id: 'b2' })).toEqual([{ id: 'b2', name: 'Initech' }]);
    expect(await brandNamed(db, { id: 'nope' })).toEqual([]);
    expect(await byCategory(db, { category: 'beauty', limit: 5 })).toEqual([{ name: 'Globex' }]);
    expect(await byCategory(db, { category: 'food', limit: 5 })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('runs inside a transaction, which sees its own writes', async () => {
    const db = await withBrands(['Acme']);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('brands').set({ name: 'Acme Inc' }).where('id', '=', 'b0').execute();
      expect(await brandNamed(trx, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme Inc' }]);
    });
    expect(await brandNamed(db, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme Inc' }]);
  });

  it('answers what was committed, never a transaction still open elsewhere', async () => {
    const db = await withBrands(['Acme']);
    await db.updateTable('brands').set({ name: 'Acme Inc' }).where('id', '=', 'b0').execute();
    // Committed a moment ago: seen at once (on SQLite by the read-only connection).
    expect(await brandNamed(db, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme Inc' }]);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.updateTable('brands').set({ name: 'Rolled back' }).where('id', '=', 'b0').execute();
      written();
      await held;
      throw new Error('roll back');
    });
    await wrote;
    // On SQLite this answers while the transaction holds the main connection (Kysely would queue it).
    expect(await brandNamed(db, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme Inc' }]);
    release();
    await expect(transaction).rejects.toThrow('roll back');
    expect(await brandNamed(db, { id: 'b0' })).toEqual([{ id: 'b0', name: 'Acme Inc' }]);
  });

  it('gives rows as Kysely does: camelCased columns, same values', async () => {
    const db = await withBrands(['Acme', 'Globex']);
    const prepared = preparedQuery<{ id: string }, Record<string, unknown>>((db, param) =>
      db.selectFrom('brands').selectAll().where('id', '=', param('id')),
    );
    const built = await db.selectFrom('brands').selectAll().where('id', '=', 'b1').execute();
    expect(built[0]).toHaveProperty('nextFollowUpOn');
    expect(await prepared(db, { id: 'b1' })).toEqual(built);
  });

  it('fails once the database is closed', async () => {
    const db = await withBrands(['Acme']);
    expect(await brandNamed(db, { id: 'b0' })).toHaveLength(1);
    await db.destroy();
    await expect(brandNamed(db, { id: 'b0' })).rejects.toThrow();
  });

  it('refuses a write, a missing parameter and a value spliced into the SQL', async () => {
    const db = await withBrands(['Acme']);
    const rename = preparedQuery<{ id: string }, never>(
      (db, param) =>
        db.updateTable('brands').set({ name: 'x' }).where('id', '=', param('id')) as never,
    );
    await expect(rename(db, { id: 'b0' })).rejects.toThrow(/Only a select/);
    await expect(brandNamed(db, {} as { id: string })).rejects.toThrow(/"id" is missing/);
    const spliced = preparedQuery<{ id: string }, unknown>((db, param) =>
      db.selectFrom('brands').select(sql.lit(param('id')).as('x')),
    );
    await expect(spliced(db, { id: 'b0' })).rejects.toThrow(/spliced a parameter/);
  });
});

describe(`reads kept until a write on ${TEST_ENGINE}`, () => {
  const names = (db: Awaited<ReturnType<typeof withBrands>>) =>
    cachedRead(db, 'brand-names', ['brands'], async () =>
      (await db.selectFrom('brands').select('name').orderBy('name').execute()).map((r) => r.name),
    );

  it('answers from memory until the table is written through Kysely, in any way', async () => {
    const db = await withBrands(['Acme', 'Globex']);
    let loads = 0;
    const read = () => {
      return cachedRead(db, 'count', ['brands'], async () => {
        loads++;
        return names(db);
      });
    };
    expect(await read()).toEqual(['Acme', 'Globex']);
    expect(await read()).toEqual(['Acme', 'Globex']);
    expect(loads).toBe(1);

    // A write elsewhere keeps it.
    await db.updateTable('users').set({ name: 'x' }).where('id', '=', 'nobody').execute();
    await read();
    expect(loads).toBe(1);

    await db.updateTable('brands').set({ name: 'Acme Inc' }).where('id', '=', 'b0').execute();
    expect(await read()).toEqual(['Acme Inc', 'Globex']);
    expect(loads).toBe(2);

    await db.deleteFrom('brands').where('id', '=', 'b1').execute();
    expect(await read()).toEqual(['Acme Inc']);

    await sql`update brands set name = ${'ACME'}`.execute(db);
    expect(await read()).toEqual(['ACME']);
    expect(loads).toBe(4);

    // A transaction's reads never come from (or go into) the cache.
    await db.transaction().execute(async (trx) => {
      expect(await cachedRead(trx, 'count', ['brands'], async () => ['in trx'])).toEqual([
        'in trx',
      ]);
    });
    expect(await read()).toEqual(['ACME']);
    expect(loads).toBe(4);
  });

  it('reads again once the entry is older than its time to live', async () => {
    const db = await withBrands(['Acme']);
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let loads = 0;
    const read = () => cachedRead(db, 'ttl', ['brands'], async () => ++loads);
    expect(await read()).toBe(1);
    now += TTL_MS - 1;
    expect(await read()).toBe(1);
    now += 2;
    expect(await read()).toBe(2);
  });

  it('tells reads from writes, and names the table written', async () => {
    const db = await withBrands([]);
    expect(
      writtenTables(db.updateTable('workspaceSettings').set({ name: 'x' }).toOperationNode()),
    ).toEqual(['workspacesettings']);
    expect(writtenTables(db.deleteFrom('brands as b').toOperationNode())).toEqual(['brands']);
    expect(writtenTables(db.selectFrom('brands').selectAll().toOperationNode())).toBeUndefined();
    expect(writtenTables({ kind: 'SelectQueryNode' } as never)).toBeUndefined();
    expect(writtenTables(sql`select * from brands`.toOperationNode() as never)).toBeUndefined();
    expect(writtenTables(sql`delete from brands`.toOperationNode() as never)).toBe('all');
    expect(
      writtenTables(
        sql`with x as (select 1) insert into brands select * from x`.toOperationNode() as never,
      ),
    ).toBe('all');
  });
});
