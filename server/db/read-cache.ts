import {
  DeleteQueryNode,
  InsertQueryNode,
  MergeQueryNode,
  RawNode,
  TableNode,
  UpdateQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema';

/**
 * A few small reads run on nearly every request (the workspace settings, the
 * brands' exclusivities) and change rarely. They are
 * kept here for a few seconds, and dropped the moment this process writes one
 * of the tables they were read from: `WriteWatchPlugin` sees every write that
 * goes through Kysely (a statement it cannot read, raw SQL, counts as a write
 * to every table). Another process writing to the same PostgreSQL database is
 * seen only when the entry ages out, so `TTL_MS` bounds how stale a read can be
 * there. Nothing that decides access is kept here: sessions, users and roles
 * are read on every request, so a sign-out or a disabled account holds on
 * every instance at once.
 */
export const TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/** Writes seen per table (normalized name), and writes to tables unknown. */
const writes = new Map<string, number>();
let unknownWrites = 0;

const normalize = (table: string) => table.replaceAll('_', '').toLowerCase();

function stampOf(tables: readonly string[]): number {
  let stamp = unknownWrites;
  for (const table of tables) stamp += writes.get(table) ?? 0;
  return stamp;
}

function noteWrite(tables: readonly string[] | 'all'): void {
  if (tables === 'all') unknownWrites++;
  else for (const table of tables) writes.set(table, (writes.get(table) ?? 0) + 1);
}

function isReadOnlySql(text: string): boolean {
  const sql = text.trimStart().toLowerCase();
  if (sql.startsWith('select') || sql.startsWith('explain')) return true;
  return sql.startsWith('with') && !/\b(insert|update|delete)\b/.test(sql);
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (TableNode.is(node)) return normalize(node.table.identifier.name);
  // `table as alias`
  if ('node' in node && node.node && TableNode.is(node.node as OperationNode)) {
    return normalize((node.node as TableNode).table.identifier.name);
  }
  return undefined;
}

/** The tables a statement writes, `'all'` when it cannot tell, nothing for a read. */
export function writtenTables(node: RootOperationNode): readonly string[] | 'all' | undefined {
  let table: string | undefined;
  if (InsertQueryNode.is(node)) table = tableName(node.into);
  else if (UpdateQueryNode.is(node)) table = tableName(node.table);
  else if (DeleteQueryNode.is(node)) {
    const tables = node.from.froms.map(tableName);
    return tables.every((t) => t !== undefined) ? (tables as string[]) : 'all';
  } else if (MergeQueryNode.is(node)) table = tableName(node.into);
  else if (RawNode.is(node)) return isReadOnlySql(node.sqlFragments.join('?')) ? undefined : 'all';
  else if (node.kind === 'SelectQueryNode') return undefined;
  else return 'all'; // DDL and the rest
  return table === undefined ? 'all' : [table];
}

/** Counts a statement run past the plugins (a prepared write): call before it runs and after. */
export function noteStatement(node: RootOperationNode): void {
  const tables = writtenTables(node);
  if (tables) noteWrite(tables);
}

/**
 * Counts every write, before it runs and again once it ran: a read that
 * overlapped the write cannot be kept as if it came after.
 */
export class WriteWatchPlugin implements KyselyPlugin {
  readonly #pending = new WeakMap<object, readonly string[] | 'all'>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const tables = writtenTables(node);
    if (tables) {
      noteWrite(tables);
      this.#pending.set(queryId, tables);
    }
    return node;
  }

  async transformResult({
    result,
    queryId,
  }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const tables = this.#pending.get(queryId);
    if (tables) noteWrite(tables);
    return result;
  }
}

interface Entry {
  value: unknown;
  stamp: number;
  tables: readonly string[];
  at: number;
}

const caches = new WeakMap<Kysely<Database>, Map<string, Entry>>();

/**
 * `load()`'s result, read again only when one of `tables` was written by this
 * process or `TTL_MS` passed. Inside a transaction it always reads (the
 * transaction may see its own uncommitted writes). The value is shared: never
 * change it.
 */
export async function cachedRead<T>(
  db: Kysely<Database>,
  key: string,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return load();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = performance.now();
  const entry = cache.get(key);
  if (entry && now - entry.at < TTL_MS && entry.stamp === stampOf(entry.tables)) {
    return entry.value as T;
  }
  const names = tables.map(normalize);
  const stamp = stampOf(names);
  const value = await load();
  // Written while it was read: not kept.
  if (stampOf(names) === stamp) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { value, stamp, tables: names, at: now });
  }
  return value;
}
