import SQLite from 'better-sqlite3';
import { CamelCasePlugin, type Kysely, type UnknownRow } from 'kysely';
import type { Database } from './schema';

/** Kysely's CamelCasePlugin, its name mapping used on the reader's columns. */
class ColumnCamelCase extends CamelCasePlugin {
  readonly name = (column: string): string => this.camelCase(column);
}

/**
 * A prepared statement that answers rows as Kysely would (camelCased keys): its
 * columns' names are mapped once, not on every row of every read.
 */
interface MappedStatement {
  statement: SQLite.Statement;
  keys: string[];
}

/**
 * A second connection to the SQLite file, read-only, for the prepared reads
 * that run on nearly every request (the session, a deliverable, the settings).
 * It answers them without Kysely's executor (its connection lock, plugins and
 * a promise per step cost more than SQLite's point read) and without waiting
 * for a transaction on the main connection: in WAL mode a reader sees what
 * was committed before it read, never another request's uncommitted writes.
 * Rows come back as Kysely would give them (camelCased keys, by Kysely's
 * CamelCasePlugin). Reads inside a transaction never come here: they go through the
 * transaction's connection, to see its own writes.
 */
export class SqliteReader {
  readonly #sqlite: SQLite.Database;
  readonly #camelCase = new ColumnCamelCase();
  readonly #statements = new Map<string, MappedStatement>();

  constructor(file: string) {
    this.#sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    this.#sqlite.pragma('busy_timeout = 5000');
    keepPagesInMemory(this.#sqlite);
  }

  all<O>(sql: string, parameters: readonly unknown[]): O[] {
    let mapped = this.#statements.get(sql);
    if (!mapped) {
      const statement = this.#sqlite.prepare(sql).raw(true);
      mapped = { statement, keys: this.#keysOf(statement) };
      this.#statements.set(sql, mapped);
    }
    const { statement } = mapped;
    const rows = statement.all(parameters) as unknown[][];
    // `select *` takes the columns of the schema it runs on: a migration since it was prepared adds some.
    if (rows.length > 0 && rows[0]!.length !== mapped.keys.length)
      mapped.keys = this.#keysOf(statement);
    const { keys } = mapped;
    return rows.map((values) => {
      // Column by column, as CamelCasePlugin builds its rows: a repeated name keeps the last value.
      const row: UnknownRow = {};
      for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
      return row;
    }) as O[];
  }

  #keysOf(statement: SQLite.Statement): string[] {
    return statement.columns().map((column) => this.#camelCase.name(column.name));
  }

  close(): void {
    this.#statements.clear();
    if (this.#sqlite.open) this.#sqlite.close();
  }
}

/**
 * SQLite's default page cache is 2 MB: a workspace of 100k deliverables is >100 MB, so point
 * reads went to the OS for their pages. 16 MB of cache per connection. No mmap: each
 * connection mapped the file again, and every page it touched counted once more in the
 * server's memory (peak RSS under the bench's API load 548 → 351 MB without it); the
 * pages stay in the OS's page cache either way.
 */
export function keepPagesInMemory(sqlite: SQLite.Database): void {
  sqlite.pragma('cache_size = -16384');
}

const readers = new WeakMap<Kysely<Database>, SqliteReader>();

/** Prepared reads on `db` (not on its transactions) go to `reader`. */
export function attachReader(db: Kysely<Database>, reader: SqliteReader): void {
  readers.set(db, reader);
}

export function readerOf(db: Kysely<Database>): SqliteReader | undefined {
  return readers.get(db);
}
