import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../server/db/migrations';
import { createTestDatabase, type TestDatabase } from '../../support/database';

// The tables as migration 0009 left them, not today's schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OldSchema = any;

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

const AT = '2026-01-10T09:00:00.000Z';

/** Invoices as 0004 made them: one amount each, on the engine under test. */
async function seedBeforeLines(db: Kysely<OldSchema>) {
  await db
    .insertInto('brands')
    .values({
      id: 'b1',
      name: 'Acme',
      stage: 'partner',
      notes: '',
      color: '#2563eb',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    })
    .execute();
  await db
    .insertInto('deals')
    .values({
      id: 'd1',
      brandId: 'b1',
      title: 'Spring launch — “Ünïcødé”',
      status: 'active',
      feeCents: 9_007_199_254_740_991,
      currency: 'EUR',
      source: 'direct',
      notes: '',
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    })
    .execute();
  for (const [id, amountCents, status] of [
    ['i1', 250_000, 'sent'],
    ['i2', 9_007_199_254_740_991, 'draft'],
  ] as const) {
    await db
      .insertInto('invoices')
      .values({
        id,
        dealId: 'd1',
        number: `INV-2026-${id}`,
        amountCents,
        currency: 'EUR',
        issuedOn: '2026-01-10',
        paymentTermsDays: 30,
        dueOn: '2026-02-09',
        status,
        notes: '',
        version: 1,
        createdAt: AT,
        updatedAt: AT,
      })
      .execute();
  }
}

describe('migration 0010 (getting paid)', () => {
  it('turns every single-amount invoice into one line named after its deal, sums unchanged', async () => {
    const database = await createTestDatabase({ migrate: false });
    opened.push(database);
    const db = database.handle.db as Kysely<OldSchema>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('0009_calendar_covering_indexes');
    expect(before.error).toBeUndefined();
    await seedBeforeLines(db);

    // Only 0010 itself: later migrations are not this test's subject.
    const result = await migrator.migrateTo('0010_getting_paid');
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => r.migrationName)).toEqual(['0010_getting_paid']);

    const rows = await database.handle.db
      .selectFrom('invoices')
      .select([
        'id',
        'lines',
        'taxes',
        'discountCents',
        'subtotalCents',
        'taxCents',
        'amountCents',
        'payer',
        'poNumber',
        'remindersPaused',
        'sentAt',
      ])
      .orderBy('id')
      .execute();
    expect(
      rows.map((r) => ({
        ...r,
        lines: JSON.parse(r.lines),
        taxes: JSON.parse(r.taxes),
        discountCents: Number(r.discountCents),
        subtotalCents: Number(r.subtotalCents),
        taxCents: Number(r.taxCents),
        amountCents: Number(r.amountCents),
        remindersPaused: Boolean(r.remindersPaused),
      })),
    ).toEqual(
      [
        ['i1', 250_000],
        ['i2', 9_007_199_254_740_991],
      ].map(([id, cents]) => ({
        id,
        lines: [{ description: 'Spring launch — “Ünïcødé”', quantity: 1, unitCents: cents }],
        taxes: [],
        discountCents: 0,
        subtotalCents: cents,
        taxCents: 0,
        amountCents: cents,
        payer: null,
        poNumber: '',
        remindersPaused: false,
        sentAt: null,
      })),
    );
    const deal = await database.handle.db
      .selectFrom('deals')
      .select(['payer', 'paymentTermsDays', 'paymentTrigger'])
      .executeTakeFirstOrThrow();
    expect(deal).toEqual({ payer: null, paymentTermsDays: null, paymentTrigger: 'invoice_issued' });
  });
});
