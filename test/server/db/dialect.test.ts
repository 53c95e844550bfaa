import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePgTimestamp } from '../../../server/db/connect';
import { dialectOf, isForeignKeyViolation, isUniqueViolation } from '../../../server/db/dialect';
import { migrateToLatest } from '../../../server/db/migrate';
import { migrations } from '../../../server/db/migrations';
import { insertBrand } from '../../../server/db/queries/brands';
import { insertDeal } from '../../../server/db/queries/deals';
import { newId } from '../../../server/ids';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../support/database';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const NOW = new Date('2026-03-01T12:00:00.000Z');

async function columnTypes(d: TestDatabase, table: string): Promise<Record<string, string>> {
  if (TEST_ENGINE === 'postgres') {
    const result = await sql<{ name: string; type: string }>`
      select column_name as name, data_type as type from information_schema.columns where table_name = ${table}`.execute(
      d.handle.db,
    );
    return Object.fromEntries(result.rows.map((r) => [r.name, r.type]));
  }
  const result = await sql<{
    name: string;
    type: string;
  }>`select name, type from pragma_table_info(${table})`.execute(d.handle.db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.type.toLowerCase()]));
}

describe(`the schema on ${TEST_ENGINE}`, () => {
  it('maps instants, days, booleans and money to the engine’s own types', async () => {
    database = await createTestDatabase();
    expect(dialectOf(database.handle.db)).toBe(TEST_ENGINE);
    const deliverables = await columnTypes(database, 'deliverables');
    const deals = await columnTypes(database, 'deals');
    const users = await columnTypes(database, 'users');
    if (TEST_ENGINE === 'postgres') {
      expect(deliverables.publish_at).toBe('timestamp with time zone');
      expect(deliverables.disclosure_done).toBe('boolean');
      expect(deals.fee_cents).toBe('bigint');
      expect(deals.contract_signed_on).toBe('date');
      expect(users.disabled).toBe('boolean');
    } else {
      expect(deliverables.publish_at).toBe('text');
      expect(deliverables.disclosure_done).toBe('integer');
      expect(deals.fee_cents).toBe('integer');
      expect(deals.contract_signed_on).toBe('text');
      expect(users.disabled).toBe('integer');
    }
  });

  it('reads back instants as UTC ISO strings, days as YYYY-MM-DD, money above 2^31 as exact numbers, booleans as booleans', async () => {
    database = await createTestDatabase();
    const { db } = database.handle;
    const brand = await insertBrand(db, { name: 'Acme' }, NOW);
    const deal = await insertDeal(
      db,
      {
        brandId: brand.id,
        title: 'Big one',
        feeCents: 9_000_000_000_123,
        contractSignedOn: '2026-02-28',
      },
      { currency: 'USD' },
      NOW,
    );
    expect(deal.feeCents).toBe(9_000_000_000_123);
    expect(deal.contractSignedOn).toBe('2026-02-28');
    expect(deal.createdAt).toBe('2026-03-01T12:00:00.000Z');

    const id = newId();
    await db
      .insertInto('deliverables')
      .values({
        id,
        dealId: deal.id,
        brandId: brand.id,
        title: 'Post',
        platform: 'tiktok',
        format: 'video',
        status: 'planned',
        publishAt: '2026-03-05T17:30:00.250Z',
        caption: '',
        brief: '',
        disclosureDone: true,
        version: 1,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })
      .execute();
    const row = await db
      .selectFrom('deliverables')
      .select(['publishAt', 'disclosureDone'])
      .where('id', '=', id)
      .where('disclosureDone', '=', true)
      .where('publishAt', '>=', '2026-03-05T17:30:00.000Z')
      .executeTakeFirstOrThrow();
    expect(row.publishAt).toBe('2026-03-05T17:30:00.250Z');
    expect(Boolean(row.disclosureDone)).toBe(true);
  });

  it('recognises unique and foreign-key violations by the driver’s error code', async () => {
    database = await createTestDatabase();
    const { db } = database.handle;
    const brand = await insertBrand(db, { name: 'Acme' }, NOW);
    const duplicate = await db
      .insertInto('brands')
      .values({
        id: brand.id,
        name: 'Again',
        stage: 'prospect',
        notes: '',
        color: '#000000',
        version: 1,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      })
      .execute()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isForeignKeyViolation(duplicate)).toBe(false);

    const orphan = await insertDeal(
      db,
      { brandId: brand.id, title: 'x' },
      { currency: 'USD' },
      NOW,
    ).then(async (deal) =>
      db
        .updateTable('deals')
        .set({ brandId: 'no-such-brand' })
        .where('id', '=', deal.id)
        .execute()
        .then(
          () => null,
          (error: unknown) => error,
        ),
    );
    expect(isForeignKeyViolation(orphan)).toBe(true);
    expect(isUniqueViolation(orphan)).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
  });

  it('migrates an empty database up, is a no-op the second time, and goes down and up again', async () => {
    database = await createTestDatabase({ migrate: false });
    const { db } = database.handle;
    const first = await migrateToLatest(db);
    expect(first.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
    const second = await migrateToLatest(db);
    expect(second.results).toEqual([]);

    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const again = await migrateToLatest(db);
    expect(again.results?.every((r) => r.status === 'Success')).toBe(true);
    expect(await db.selectFrom('deliverables').select('id').execute()).toEqual([]);
  });
});

describe('parsePgTimestamp', () => {
  it.each([
    ['2026-03-01 17:00:00+00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01 18:00:00.123456+01', '2026-03-01T17:00:00.123Z'],
    ['2026-03-01 12:30:00-05:30', '2026-03-01T18:00:00.000Z'],
    ['2026-03-01 17:00:00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01 17:00:00.1+00', '2026-03-01T17:00:00.100Z'],
    ['2026-03-01 17:00:00.12+00', '2026-03-01T17:00:00.120Z'],
    ['2026-03-01 17:00:00.999999+00', '2026-03-01T17:00:00.999Z'],
    ['0001-01-01 00:00:00+00', '0001-01-01T00:00:00.000Z'],
    ['1999-12-31 23:59:59.5+00', '1999-12-31T23:59:59.500Z'],
    // Not in a UTC session's shape: read through a Date.
    ['2026-03-01 17:00:00+01', '2026-03-01T16:00:00.000Z'],
    ['2026-03-01T17:00:00.123456+00', '2026-03-01T17:00:00.123Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parsePgTimestamp(input)).toBe(expected);
  });

  it('reads every UTC instant by position exactly as a Date writes it', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5_000; i++) {
      const iso = new Date(Math.floor(random() * 253_402_300_799_999)).toISOString();
      const digits = Math.floor(random() * 7);
      const micros = `${iso.slice(20, 23)}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      const fraction = digits === 0 ? '' : `.${micros.slice(0, digits)}`;
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00`;
      const expected = new Date(`${iso.slice(0, 19)}${fraction}Z`).toISOString();
      expect(parsePgTimestamp(text), text).toBe(expected);
    }
  });
});
