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

/**
 * `2026-12-06T21:30:00.123Z` → `2026-12-06T21-30-00Z`: an instant to the second, safe
 * in file names on every system, and sorting as text in time order.
 */
export function fileStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** The names scheduled backups get; rotation deletes only files with such a name. */
const SCHEDULED_BACKUP_NAME = /^sponsorcal-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

export interface ScheduledBackupOptions {
  /** The live SQLite file. */
  file: string;
  /** Where backups go (made if missing). */
  dir: string;
  /** How many of the newest scheduled backups to keep (at least 1). */
  keep: number;
  now: Date;
}

export interface ScheduledBackupResult {
  /** The new backup; null when a backup of this second was already there. */
  backup: BackupResult | null;
  /** Older scheduled backups deleted to keep `keep`. */
  deleted: string[];
}

/**
 * One scheduled backup: `sponsorcal-<UTC time>.db` in `dir`, written under a temporary
 * name and renamed once it passed integrity_check (a crash mid-copy never leaves a
 * file that looks like a backup), then all but the newest `keep` scheduled backups are
 * deleted. Files with other names in `dir` are never touched. Re-runnable: a second
 * run within the same second (another instance on the same file) keeps the first copy.
 */
export function runScheduledBackup({
  file,
  dir,
  keep,
  now,
}: ScheduledBackupOptions): ScheduledBackupResult {
  const target = path.join(path.resolve(dir), `sponsorcal-${fileStamp(now)}.db`);
  let backup: BackupResult | null = null;
  if (!fs.existsSync(target)) {
    const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}`);
    fs.rmSync(partial, { force: true });
    try {
      backup = { ...backupSqlite(file, partial), file: target };
      fs.renameSync(partial, target);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  const scheduled = fs
    .readdirSync(path.dirname(target))
    .filter((name) => SCHEDULED_BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const deleted: string[] = [];
  for (const name of scheduled.slice(Math.max(1, keep))) {
    const old = path.join(path.dirname(target), name);
    try {
      fs.unlinkSync(old);
      deleted.push(old);
    } catch (error) {
      // Another instance sharing the file and the directory deleted it first.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { backup, deleted };
}
