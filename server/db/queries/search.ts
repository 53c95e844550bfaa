import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { BrandStage } from '../../../shared/schemas/brand';
import type { DealStatus } from '../../../shared/schemas/deal';
import type { DeliverableStatus, Platform } from '../../../shared/schemas/deliverable';
import type { InvoiceStatus } from '../../../shared/schemas/invoice';
import type { SearchKind, SearchResult } from '../../../shared/schemas/search';
import { dialectOf } from '../dialect';
import type { Database } from '../schema';

/*
 * Search everywhere, on the full-text indexes of migration 0011 (SQLite FTS5
 * tables kept by triggers; PostgreSQL GIN indexes over `to_tsvector('simple',
 * search_fold(...))`). Every word of the query must match the start of a word
 * (AND, prefix: "tikt" finds "TikTok"), case and accents aside. Each kind is
 * asked for its newest matches by title, and deliverables, when titles leave
 * room, for matches in the caption or brief; the answer ranks title matches
 * first (the title itself, then titles starting with the query, then any
 * title), then caption and brief matches. Every query stops after `limit`
 * rows read newest first from the index, so a word found in every deliverable
 * costs no more than a rare one.
 */

/** At most this many words of a query are searched (more would only narrow it). */
const MAX_WORDS = 8;

interface Source {
  table: string;
  /** Its FTS5 table of titles (SQLite). */
  fts: string;
  /** The column a result is called by. */
  title: 'name' | 'title' | 'number';
  /** What the answer needs beyond id and title (`t` is the table). */
  columns: string;
  joins: string;
}

const SOURCES: Record<SearchKind, Source> = {
  brand: { table: 'brands', fts: 'search_brands', title: 'name', columns: 't.stage', joins: '' },
  deal: {
    table: 'deals',
    fts: 'search_deals',
    title: 'title',
    columns: 't.status, t.brand_id as "brandId", b.name as "brandName"',
    joins: 'join brands b on b.id = t.brand_id',
  },
  invoice: {
    table: 'invoices',
    fts: 'search_invoices',
    title: 'number',
    columns: 't.status, t.deal_id as "dealId", b.name as "brandName"',
    joins: 'join deals d on d.id = t.deal_id join brands b on b.id = d.brand_id',
  },
  deliverable: {
    table: 'deliverables',
    fts: 'search_deliverable_titles',
    title: 'title',
    columns: `t.caption, t.brief, t.deal_id as "dealId", t.brand_id as "brandId",
      b.name as "brandName", t.platform, t.status, t.publish_at as "publishAt",
      t.draft_due_at as "draftDueAt"`,
    joins: 'join brands b on b.id = t.brand_id',
  },
};

/** Within a rank, brands first, then deals, invoices and deliverables. */
const KIND_ORDER: readonly SearchKind[] = ['brand', 'deal', 'invoice', 'deliverable'];

/** Where matches are looked for: the title, or (deliverables) anywhere: title, caption or brief. */
export type SearchField = 'title' | 'text';

/** The words of a query, as both indexes split text: runs of letters and digits. */
export function searchWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []).slice(0, MAX_WORDS);
}

/** The FTS5 query: each word quoted, so whatever was typed is text, never FTS5 syntax. */
function ftsMatch(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' AND ');
}

/** The kind's rows matching `words` in `field`, newest first, from SQLite's FTS5 tables. */
function sqliteMatches(
  kind: SearchKind,
  words: readonly string[],
  field: SearchField,
  limit: number,
) {
  const { table, title, columns, joins } = SOURCES[kind];
  // Deliverables' text: the table of title, caption and brief (migration 0011).
  const fts = field === 'title' ? SOURCES[kind].fts : 'search_deliverables';
  return sql<MatchRow>`select t.id, t.${sql.raw(title)} as title, ${sql.raw(columns)}
    from ${sql.raw(fts)} s
    join search_rows r on r.doc = s.rowid
    join ${sql.raw(table)} t on t.id = r.ref_id ${sql.raw(joins)}
    where ${sql.raw(fts)} match ${ftsMatch(words)}
    order by s.rowid
    limit ${limit}`;
}

/** A column's `to_tsvector`, written as the migration's GIN index has it (so it is used). */
function pgVector(expression: string): RawBuilder<unknown> {
  return sql.raw(`to_tsvector('simple', search_fold(${expression}))`);
}

/** The kind's rows matching `words` in `field`, newest first, through PostgreSQL's GIN indexes. */
function postgresMatches(
  kind: SearchKind,
  words: readonly string[],
  field: SearchField,
  limit: number,
) {
  const { table, title, columns, joins } = SOURCES[kind];
  const query = sql.join(
    words.map((w) => sql`to_tsquery('simple', quote_literal(search_fold(${w})) || ':*')`),
    sql` && `,
  );
  const vector = pgVector(
    field === 'title' ? `t.${title}` : `t.title || ' ' || t.caption || ' ' || t.brief`,
  );
  return sql<MatchRow>`select t.id, t.${sql.raw(title)} as title, ${sql.raw(columns)}
    from ${sql.raw(table)} t ${sql.raw(joins)}
    where ${vector} @@ (${query})
    order by t.created_at desc, t.id desc
    limit ${limit}`;
}

/** The query for one kind's newest `limit` rows matching every word in `field`, on the engine's index. */
export function matchesQuery(
  db: Kysely<Database>,
  kind: SearchKind,
  words: readonly string[],
  field: SearchField,
  limit: number,
) {
  return (dialectOf(db) === 'postgres' ? postgresMatches : sqliteMatches)(
    kind,
    words,
    field,
    limit,
  );
}

/** A row of any kind: the columns its source selects. */
type MatchRow = { id: string; title: string } & Record<string, string | null>;

/** Lower case without accents, and where each folded unit came from in `text`. */
function fold(text: string): { folded: string; origin: (index: number) => number } {
  // Plain ASCII (most text) folds in one call, unit for unit.
  if (/^[ -~\s]*$/.test(text)) return { folded: text.toLowerCase(), origin: (i) => i };
  let folded = '';
  const at: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < plain.length; i++) at.push(index);
    folded += plain;
    index += char.length;
  }
  return { folded, origin: (i) => at[i] ?? text.length };
}

const folded = (text: string) => fold(text).folded;

/** Where in `text` the first word starting with one of `words` begins, or -1. */
function firstMatch(text: string, words: readonly string[]): number {
  const { folded: plain, origin } = fold(text);
  const starts = words.map((word) => folded(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${starts.join('|')})`, 'u').exec(plain);
  return found ? origin(found.index) : -1;
}

const SNIPPET_LENGTH = 120;

/** The words around `position` in a long text (the whole text when short), spaces collapsed. */
function snippetOf(text: string, position: number): string {
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_LENGTH) return collapse(text);
  let start = Math.max(0, position - 40);
  const space = text.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < position) start = space + 1;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  const lastSpace = text.lastIndexOf(' ', end);
  if (end < text.length && lastSpace > position) end = lastSpace;
  return `${start > 0 ? '…' : ''}${collapse(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

/** 0: the title is the query; 1: it starts with the query; 2: it has the words elsewhere. */
function titleRank(title: string, words: readonly string[]): number {
  const have = searchWords(folded(title)).join(' ');
  const want = words.map(folded).join(' ');
  return have === want ? 0 : have.startsWith(want) ? 1 : 2;
}

/** Caption and brief matches rank after every title match. */
const TEXT_RANK = 3;

/** The field a deliverable was found by in its text, and the words around the match. */
function textMatch(row: MatchRow, words: readonly string[]) {
  for (const field of ['caption', 'brief'] as const) {
    const text = row[field] ?? '';
    const position = firstMatch(text, words);
    if (position !== -1) return { matched: field, snippet: snippetOf(text, position) };
  }
  // The words are spread over both (or folded differently than here): the caption's start.
  return { matched: 'caption' as const, snippet: snippetOf(row.caption ?? '', 0) };
}

function toResult(kind: SearchKind, row: MatchRow, words: readonly string[], field: SearchField) {
  const found =
    field === 'title'
      ? { matched: SOURCES[kind].title, snippet: row.title }
      : textMatch(row, words);
  const base = { id: row.id, title: row.title, ...found };
  const text = (column: string) => row[column] ?? '';
  switch (kind) {
    case 'brand':
      return { kind, ...base, stage: row.stage as BrandStage } satisfies SearchResult;
    case 'deal':
      return {
        kind,
        ...base,
        brandId: text('brandId'),
        brandName: text('brandName'),
        status: row.status as DealStatus,
      } satisfies SearchResult;
    case 'invoice':
      return {
        kind,
        ...base,
        number: row.title,
        dealId: text('dealId'),
        brandName: text('brandName'),
        status: row.status as InvoiceStatus,
      } satisfies SearchResult;
    case 'deliverable':
      return {
        kind,
        ...base,
        dealId: text('dealId'),
        brandId: text('brandId'),
        brandName: text('brandName'),
        platform: row.platform as Platform,
        status: row.status as DeliverableStatus,
        publishAt: row.publishAt ?? null,
        draftDueAt: row.draftDueAt ?? null,
      } satisfies SearchResult;
  }
}

export interface SearchOptions {
  q: string;
  limit: number;
}

/**
 * Brands, deals, invoices (by number) and deliverables (by title, caption and
 * brief) matching every word of `q` as a word prefix, best first: see the
 * ranking at the top of this module. A query without letters or digits finds nothing.
 */
export async function searchWorkspace(
  db: Kysely<Database>,
  { q, limit }: SearchOptions,
): Promise<SearchResult[]> {
  const words = searchWords(q);
  if (words.length === 0) return [];
  const ranked: Array<{ result: SearchResult; rank: number; kind: number; order: number }> = [];
  const add = (kind: SearchKind, field: SearchField, rows: MatchRow[]) =>
    rows.forEach((row, order) =>
      ranked.push({
        result: toResult(kind, row, words, field),
        rank: field === 'title' ? titleRank(row.title, words) : TEXT_RANK,
        kind: KIND_ORDER.indexOf(kind),
        order,
      }),
    );
  for (const kind of KIND_ORDER) {
    add(kind, 'title', (await matchesQuery(db, kind, words, 'title', limit).execute(db)).rows);
  }
  // Caption and brief matches come after every title match: asked for only when titles leave room.
  if (ranked.length < limit) {
    const byTitle = new Set(
      ranked.filter((r) => r.result.kind === 'deliverable').map((r) => r.result.id),
    );
    // Deliverables matching anywhere include those matching by title: ask for that many more.
    const { rows } = await matchesQuery(
      db,
      'deliverable',
      words,
      'text',
      limit + byTitle.size,
    ).execute(db);
    add(
      'deliverable',
      'text',
      rows.filter((row) => !byTitle.has(row.id)),
    );
  }
  ranked.sort((a, b) => a.rank - b.rank || a.kind - b.kind || a.order - b.order);
  return ranked.slice(0, limit).map((r) => r.result);
}
