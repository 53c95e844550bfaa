import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { backupSqlite, fileStamp, verifySqlite } from './backup';
import { errorCode, isBusy } from './dialect';
import { migrations } from './migrations';

/** A restore that was not done, and why (the database is left as it was). */
export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** The backup to restore. */
  backup: string;
  /** The database file it replaces (need not exist). */
  target: string;
  /** Names the file the replaced database is kept as. */
  now: Date;
}

export interface RestoreResult {
  target: string;
  /** Where the replaced database is kept; null when there was none. */
  keptAs: string | null;
  /** Rows in the restored database, all tables together. */
  rows: number;
  /** Migrations this version has that the copy does not: they run when the server starts. */
  pendingMigrations: number;
}

/**
 * Puts a backup in place of the SQLite database `target`, refusing (RestoreRefused,
 * nothing changed) while any process has `target` open, when the backup fails
 * integrity_check, or when it was made by a newer version (a migration this code does
 * not know). The replaced database is kept beside it as `<target>.replaced-<time>`,
 * whole (its WAL checkpointed into it), and the backup goes in by an atomic rename.
 */
export function restoreSqlite({ backup, target, now }: RestoreOptions): RestoreResult {
  const source = path.resolve(backup);
  const live = path.resolve(target);
  if (source === live) throw new RestoreRefused(`${source} is the database itself.`);
  const { rows, pendingMigrations } = checkBackup(source);

  const held = holdExclusively(live);
  // Beside the database: the final rename stays on one file system, so it is atomic.
  const incoming = path.join(path.dirname(live), `.${path.basename(live)}.restoring`);
  try {
    fs.rmSync(incoming, { force: true });
    backupSqlite(source, incoming);
    if (fs.existsSync(live)) takeOwnership(incoming, fs.statSync(live));
    syncFile(incoming);
    const aside = freeName(`${live}.replaced-${fileStamp(now)}`);
    const keptAs = fs.existsSync(live) ? aside : null;
    // A second name for the old file: the database's own name never goes missing, so
    // a server started meanwhile finds the old file (and our lock on it) or the new one.
    if (keptAs) keepAside(live, keptAs);
    // Leftovers of a server that did not close (when there was a database, its WAL was
    // checkpointed as we took it): a WAL or journal beside the new file would be replayed into it.
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, aside + suffix);
    }
    fs.rmSync(`${live}-shm`, { force: true });
    fs.renameSync(incoming, live);
    syncFile(path.dirname(live));
    return { target: live, keptAs, rows, pendingMigrations };
  } finally {
    fs.rmSync(incoming, { force: true });
    if (held) {
      held.exec('ROLLBACK');
      held.close();
    }
  }
}

/** The copy passes integrity_check and holds no migration this version does not know. */
function checkBackup(file: string): { rows: number; pendingMigrations: number } {
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} does not exist.`);
  let counts: Record<string, number>;
  try {
    counts = verifySqlite(file);
  } catch (error) {
    throw new RestoreRefused(
      `${file} is not a sound SQLite database: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  let applied: string[];
  try {
    if (!('kysely_migration' in counts))
      throw new RestoreRefused(
        `${file} is not a Sponsorcal database (it has no migrations table).`,
      );
    applied = db.prepare('select name from kysely_migration').pluck().all() as string[];
  } finally {
    db.close();
  }
  const unknown = applied.filter((name) => !(name in migrations)).sort();
  if (unknown.length > 0) {
    throw new RestoreRefused(
      `${file} was made by a newer Sponsorcal (migrations ${unknown.join(', ')} are unknown to this version): upgrade first, then restore.`,
    );
  }
  return {
    rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
    pendingMigrations: Object.keys(migrations).length - applied.length,
  };
}

/**
 * Takes `file` for ourselves, or refuses while another process has it open. Every
 * connection to a WAL database holds a shared lock on the file for as long as it is
 * open — idle or not — and leaving WAL mode needs the exclusive lock, so the switch
 * fails at once (busy_timeout 0) while a server, a second instance or a backup has
 * it open. The kernel drops a dead process's locks, so a crashed server leaves none
 * behind (no stale pid file), and it works across containers sharing the volume.
 * Once switched, the WAL is checkpointed into the file and removed, and the
 * connection keeps the exclusive lock (locking_mode EXCLUSIVE, an open EXCLUSIVE
 * transaction; journal in memory, so no journal file appears beside the database)
 * until the restore is done. Answers null when there is no database yet.
 */
function holdExclusively(file: string): SQLite.Database | null {
  if (!fs.existsSync(file)) return null;
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new RestoreRefused(
        `${file} is open in another process (a running server?): stop it, then restore again.`,
      );
    }
    // Not a database at all: nothing can be using it as one; it is kept aside all the same.
    if (errorCode(error) === 'SQLITE_NOTADB') return null;
    throw error;
  }
}

/** Keeps `file` as `aside` too (a hard link; a copy where the file system has none). */
function keepAside(file: string, aside: string): void {
  try {
    fs.linkSync(file, aside);
  } catch {
    fs.copyFileSync(file, aside, fs.constants.COPYFILE_EXCL);
  }
}

/**
 * The restored file gets the replaced one's mode, and its owner when we run as root (a
 * restore run with sudo must not leave a file the service's own user cannot write).
 */
function takeOwnership(file: string, like: fs.Stats): void {
  fs.chmodSync(file, like.mode & 0o777);
  if (process.getuid?.() === 0) fs.chownSync(file, like.uid, like.gid);
}

/** `name`, or `name-2`, `name-3`… when taken (two restores within a second). */
function freeName(name: string): string {
  let candidate = name;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${name}-${n}`;
  return candidate;
}

/** Flushes a file's (or a directory's entries') writes to disk before the next step relies on them. */
function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
