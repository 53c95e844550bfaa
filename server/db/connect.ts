import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';
import { SqliteBooleanPlugin, type DialectName } from './dialect';
import { BusyWaitingSqliteDialect, SQLITE_BUSY_SLICE_MS } from './sqlite-driver';
import { withStatementCache } from './sqlite-statements';
import { WriteWatchPlugin } from './read-cache';
import { attachReader, keepPagesInMemory, SqliteReader } from './reader';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, when there is one (backups, tests). */
  sqlitePath?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** SQLite: how long a statement waits in all for another process's write lock (tests shorten it). */
  sqliteBusyBudgetMs?: number;
}

/**
 * Opens the database named by a `DATABASE_URL`: `sqlite:PATH`,
 * `sqlite::memory:` or `postgres://…`.
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options);
  }
  if (url.startsWith('sqlite:')) {
    return openSqlite(url.slice('sqlite:'.length), options);
  }
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`,
  );
}

function openSqlite(file: string, options: OpenDatabaseOptions): DatabaseHandle {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(inMemory ? ':memory:' : file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Short: a longer wait for another process's lock goes on without blocking the event loop.
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_SLICE_MS}`);
  keepPagesInMemory(sqlite);
  // Beside the main connection (which created the file and its WAL), closed with it.
  const reader = inMemory ? undefined : new SqliteReader(file);
  const database = withStatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new BusyWaitingSqliteDialect(
      {
        database: {
          prepare: (sql) => database.prepare(sql),
          close: () => {
            reader?.close();
            database.close();
          },
        },
      },
      { budgetMs: options.sqliteBusyBudgetMs },
    ),
    plugins: [new WriteWatchPlugin(), new SqliteBooleanPlugin(), new CamelCasePlugin()],
  });
  if (reader) attachReader(db, reader);
  return {
    db,
    dialect: 'sqlite',
    sqlitePath: inMemory ? undefined : path.resolve(file),
    close: () => db.destroy(),
  };
}

const PG_OIDS = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/** An instant as PostgreSQL writes it in a UTC session: `2026-03-01 17:00:00[.123456]+00`. */
const PG_UTC_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/;

/**
 * `2026-03-01 17:00:00.123+00` (PostgreSQL's text form) → `2026-03-01T17:00:00.123Z`, as
 * `Date#toISOString` writes it (milliseconds, extra digits cut). The pool's sessions are in
 * UTC, so every instant comes in the first shape, read by position: a month of the calendar
 * is thousands of them, and a `Date` made and written for each was a seventh of its time.
 */
export function parsePgTimestamp(value: string): string {
  if (PG_UTC_INSTANT.test(value)) {
    const fraction = value.length === 22 ? '000' : `${value.slice(20, -3)}00`.slice(0, 3);
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${fraction}Z`;
  }
  const m =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:([+-]\d{2})(?::?(\d{2}))?)?$/.exec(
      value,
    );
  if (!m) return new Date(value).toISOString();
  const offset = m[3] ? `${m[3]}:${m[4] ?? '00'}` : 'Z';
  return new Date(`${m[1]}T${m[2]}${offset}`).toISOString();
}

function pgTypeParser(
  types: typeof pg.types,
  oid: number,
  format?: 'text' | 'binary',
): (value: string) => unknown {
  switch (oid) {
    case PG_OIDS.int8:
      // Money in minor units and counts stay well inside Number.MAX_SAFE_INTEGER.
      return (value) => Number(value);
    case PG_OIDS.date:
      return (value) => value;
    case PG_OIDS.timestamp:
    case PG_OIDS.timestamptz:
      return parsePgTimestamp;
    default:
      return types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  }
}

/** The pool, with `pg` loaded on the first query: a server on SQLite never loads it (start-up). */
async function createPool(url: string, options: OpenDatabaseOptions): Promise<pg.Pool> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Instants leave the server in UTC whatever the cluster's default zone is.
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        pgTypeParser(pg.types, oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool opens a new one on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  return pool;
}

function openPostgres(url: string, options: OpenDatabaseOptions): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: () => createPool(url, options) }),
    plugins: [new WriteWatchPlugin(), new CamelCasePlugin()],
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
