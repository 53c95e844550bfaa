import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

// Frozen once landed.

/**
 * Search everywhere: a full-text index on each engine, kept in step by the
 * database itself, so every write path (the API, CSV import, transfer import,
 * a restored backup) stays searchable without application code.
 *
 * SQLite: contentless FTS5 tables (`unicode61`, accents folded) filled by
 * triggers: one per kind, and deliverables' titles on their own too.
 * An FTS row is keyed by `search_rows.doc` (an INTEGER PRIMARY KEY, which
 * VACUUM keeps) rather than the source table's implicit rowid (which VACUUM
 * may renumber). Each new row takes a lower number than any before, so FTS5
 * hands matches over newest first in its own (ascending) order and stops at
 * the LIMIT; prefix indexes of 2 to 8 characters answer a word being typed
 * without merging the lists of every word it begins (a 100,000-deliverable
 * workspace: 20 ms a query without, under 1 ms with; the index grows by half).
 *
 * PostgreSQL: GIN indexes over `to_tsvector('simple', search_fold(...))` of the
 * same columns; `search_fold` lowers case, folds Latin accents and turns
 * punctuation into spaces (so `INV-0042` is the words `inv` and `0042`, as in
 * SQLite) and is IMMUTABLE, so indexes may use it.
 */

/** Kind, source table, and its FTS tables with their columns (the title's alone first). */
const SOURCES = [
  { kind: 'brand', table: 'brands', indexes: [{ fts: 'search_brands', columns: ['name'] }] },
  { kind: 'deal', table: 'deals', indexes: [{ fts: 'search_deals', columns: ['title'] }] },
  {
    kind: 'invoice',
    table: 'invoices',
    indexes: [{ fts: 'search_invoices', columns: ['number'] }],
  },
  {
    kind: 'deliverable',
    table: 'deliverables',
    // Titles apart: a column filter on the full table would walk every caption holding the word.
    indexes: [
      { fts: 'search_deliverable_titles', columns: ['title'] },
      { fts: 'search_deliverables', columns: ['title', 'caption', 'brief'] },
    ],
  },
] as const;

/** Every accented Latin letter of U+00C0–U+024F and the lower-case ASCII letter it folds to. */
function latinFolds(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const base = letter.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (base !== letter.toLowerCase() && /^[a-z]$/.test(base)) {
      from += letter;
      to += base;
    }
  }
  return { from, to };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`create table search_rows (
    doc integer primary key,
    kind text not null,
    ref_id text not null,
    unique (kind, ref_id)
  )`.execute(db);
  for (const { kind, table, indexes } of SOURCES) {
    const docOf = (row: 'old' | 'new') =>
      `(select doc from search_rows where kind = '${kind}' and ref_id = ${row}.id)`;
    const each = (write: (fts: string, columns: readonly string[]) => string) =>
      sql.raw(indexes.map(({ fts, columns }) => write(fts, columns)).join('\n'));
    const insertNew = each(
      (fts, columns) =>
        `insert into ${fts} (rowid, ${columns.join(', ')}) values (${docOf('new')}, ${columns.map((c) => `new.${c}`).join(', ')});`,
    );
    const deleteOld = each((fts) => `delete from ${fts} where rowid = ${docOf('old')};`);
    const changed = [...new Set(indexes.flatMap((i) => i.columns))]
      .map((c) => `old.${c} is not new.${c}`)
      .join(' or ');
    for (const { fts, columns } of indexes) {
      await sql`create virtual table ${sql.raw(fts)} using fts5(
        ${sql.raw(columns.join(', '))}, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8'
      )`.execute(db);
    }
    await sql`create trigger ${sql.raw(`${table}_search_insert`)} after insert on ${sql.raw(table)} begin
      insert into search_rows (doc, kind, ref_id)
        values ((select coalesce(min(doc), 0) - 1 from search_rows), ${sql.lit(kind)}, new.id);
      ${insertNew}
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_update`)} after update on ${sql.raw(table)}
    when ${sql.raw(changed)} begin
      ${deleteOld}
      ${insertNew}
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_search_delete`)} after delete on ${sql.raw(table)} begin
      ${deleteOld}
      delete from search_rows where kind = ${sql.lit(kind)} and ref_id = old.id;
    end`.execute(db);
    // What is there already, the newest with the lowest number.
    await sql`insert into search_rows (doc, kind, ref_id)
      select (select coalesce(min(doc), 0) from search_rows)
          - row_number() over (order by created_at, id), ${sql.lit(kind)}, id
      from ${sql.raw(table)}`.execute(db);
    for (const { fts, columns } of indexes) {
      await sql`insert into ${sql.raw(fts)} (rowid, ${sql.raw(columns.join(', '))})
        select r.doc, ${sql.raw(columns.map((c) => `t.${c}`).join(', '))}
        from search_rows r join ${sql.raw(table)} t on t.id = r.ref_id
        where r.kind = ${sql.lit(kind)}`.execute(db);
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function upPostgres(db: Kysely<any>): Promise<void> {
  const { from, to } = latinFolds();
  await sql`create function search_fold(text) returns text
    language sql immutable strict parallel safe
    as ${sql.lit(
      `select lower(translate(regexp_replace($1, '[[:punct:]]', ' ', 'g'), '${from}', '${to}'))`,
    )}`.execute(db);
  const gin = (name: string, table: string, text: string) =>
    sql`create index ${sql.raw(name)} on ${sql.raw(table)}
      using gin (to_tsvector('simple', search_fold(${sql.raw(text)})))`.execute(db);
  await gin('brands_search_name', 'brands', 'name');
  await gin('deals_search_title', 'deals', 'title');
  await gin('invoices_search_number', 'invoices', 'number');
  await gin('deliverables_search_title', 'deliverables', 'title');
  await gin('deliverables_search_text', 'deliverables', `title || ' ' || caption || ' ' || brief`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') await upPostgres(db);
  else await upSqlite(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const index of [
      'deliverables_search_text',
      'deliverables_search_title',
      'invoices_search_number',
      'deals_search_title',
      'brands_search_name',
    ]) {
      await db.schema.dropIndex(index).execute();
    }
    await sql`drop function search_fold(text)`.execute(db);
    return;
  }
  for (const { table, indexes } of [...SOURCES].reverse()) {
    for (const event of ['delete', 'update', 'insert']) {
      await sql`drop trigger ${sql.raw(`${table}_search_${event}`)}`.execute(db);
    }
    for (const { fts } of indexes) await sql`drop table ${sql.raw(fts)}`.execute(db);
  }
  await sql`drop table search_rows`.execute(db);
}
