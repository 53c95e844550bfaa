import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table in the copy. */
  rows: Record<string, number>;
}

/**
 * Writes a consistent copy of a live SQLite database to `target` with
 * `VACUUM INTO`: one read transaction, so the copy is the database as of one
 * moment, writers are never blocked (WAL), and the copy is compact. The copy
 * is checked with `PRAGMA integrity_check` before this returns.
 */
export function backupSqlite(source: string, target: string): BackupResult {
  const destination = path.resolve(target);
  if (fs.existsSync(destination))
    throw new Error(`${destination} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(destination);
  } finally {
    db.close();
  }
  return {
    file: destination,
    bytes: fs.statSync(destination).size,
    rows: verifySqlite(destination),
  };
}

/** Checks a SQLite file (`integrity_check` must say ok) and answers its row counts. */
export function verifySqlite(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} failed PRAGMA integrity_check: ${String(check)}`);
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((name) => [
        name,
        Number(db.prepare(`select count(*) from "${name}"`).pluck().get()),
      ]),
    );
  } finally {
    db.close();
  }
}
