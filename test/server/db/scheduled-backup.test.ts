import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { fileStamp, runScheduledBackup, verifySqlite } from '../../../server/db/backup';
import { runScheduledBackupInThread } from '../../../server/db/backup-thread';
import { openDatabase } from '../../../server/db/connect';
import { migrateToLatest } from '../../../server/db/migrate';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A migrated SQLite file in a fresh temp directory, and a `backups` directory beside it. */
async function liveDatabase(): Promise<{ file: string; dir: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-scheduled-'));
  dirs.push(root);
  const file = path.join(root, 'sponsorcal.db');
  const handle = openDatabase(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  await handle.close();
  return { file, dir: path.join(root, 'backups') };
}

const T0 = new Date('2026-12-06T21:30:00.250Z');
const secondsAfter = (s: number) => new Date(T0.getTime() + s * 1000);

describe('runScheduledBackup', () => {
  it('writes sponsorcal-<UTC time>.db, a copy that passes integrity_check', async () => {
    const { file, dir } = await liveDatabase();
    const { backup, deleted } = runScheduledBackup({ file, dir, keep: 7, now: T0 });
    expect(backup?.file).toBe(path.join(dir, 'sponsorcal-2026-12-06T21-30-00Z.db'));
    expect(verifySqlite(backup!.file)['kysely_migration']).toBeGreaterThan(0);
    expect(deleted).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['sponsorcal-2026-12-06T21-30-00Z.db']);
  });

  it('keeps the newest `keep` of its own backups and never touches other files', async () => {
    const { file, dir } = await liveDatabase();
    fs.mkdirSync(dir);
    const foreign = [
      'notes.txt',
      'sponsorcal-before-upgrade.db',
      'sponsorcal-2020-01-01T00-00-00Z.db.bak',
      'other-2020-01-01T00-00-00Z.db',
    ];
    for (const name of foreign) fs.writeFileSync(path.join(dir, name), 'keep me');
    for (let s = 0; s < 5; s++) runScheduledBackup({ file, dir, keep: 2, now: secondsAfter(s) });
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        ...foreign,
        `sponsorcal-${fileStamp(secondsAfter(3))}.db`,
        `sponsorcal-${fileStamp(secondsAfter(4))}.db`,
      ].sort(),
    );
    for (const name of foreign)
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe('keep me');
  });

  it('orders by the time in the name: a backup left from long ago goes first', async () => {
    const { file, dir } = await liveDatabase();
    fs.mkdirSync(dir);
    const old = path.join(dir, 'sponsorcal-1999-12-31T23-59-59Z.db');
    fs.writeFileSync(old, '');
    const { deleted } = runScheduledBackup({ file, dir, keep: 1, now: T0 });
    expect(deleted).toEqual([old]);
    expect(fs.readdirSync(dir)).toEqual([`sponsorcal-${fileStamp(T0)}.db`]);
  });

  it('a second run within the same second keeps the first copy', async () => {
    const { file, dir } = await liveDatabase();
    const first = runScheduledBackup({ file, dir, keep: 7, now: T0 });
    const before = fs.readFileSync(first.backup!.file);
    const again = runScheduledBackup({ file, dir, keep: 7, now: new Date(T0.getTime() + 500) });
    expect(again).toEqual({ backup: null, deleted: [] });
    expect(fs.readFileSync(first.backup!.file).equals(before)).toBe(true);
  });

  it('a failed copy leaves nothing that looks like a backup', async () => {
    const { file, dir } = await liveDatabase();
    fs.rmSync(file);
    expect(() => runScheduledBackup({ file, dir, keep: 7, now: T0 })).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('BACKUP_CRON, BACKUP_DIR and BACKUP_KEEP', () => {
  it('are off by default; backups go beside the SQLite file, the newest 7 kept', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite:/srv/sponsorcal/sponsorcal.db' });
    expect(config.BACKUP_CRON).toBeUndefined();
    expect(config.BACKUP_DIR).toBe('/srv/sponsorcal/backups');
    expect(config.BACKUP_KEEP).toBe(7);
  });

  it('take a schedule, a directory and a count', () => {
    const config = loadConfig({
      DATABASE_URL: 'sqlite:/srv/sponsorcal/sponsorcal.db',
      BACKUP_CRON: '0 3 * * *',
      BACKUP_DIR: '/mnt/backups',
      BACKUP_KEEP: '30',
    });
    expect(config).toMatchObject({
      BACKUP_CRON: '0 3 * * *',
      BACKUP_DIR: '/mnt/backups',
      BACKUP_KEEP: 30,
    });
  });

  it('refuse an invalid schedule or count', () => {
    expect(() => loadConfig({ BACKUP_CRON: 'nightly' })).toThrow(
      /BACKUP_CRON: Not a valid cron expression/,
    );
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP/);
  });

  it('refuse a schedule on PostgreSQL (or an in-memory database), saying to use pg_dump', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://db/sponsorcal', BACKUP_CRON: '0 3 * * *' }),
    ).toThrow(/BACKUP_CRON: .*on PostgreSQL leave BACKUP_CRON unset and back up with pg_dump/);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', BACKUP_CRON: '0 3 * * *' })).toThrow(
      /BACKUP_CRON/,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://db/sponsorcal' }).BACKUP_CRON).toBeUndefined();
  });
});

describe('runScheduledBackupInThread', () => {
  it('makes the same backup in a worker thread', async () => {
    const { file, dir } = await liveDatabase();
    const { backup, deleted } = await runScheduledBackupInThread({ file, dir, keep: 7, now: T0 });
    expect(backup?.file).toBe(path.join(dir, 'sponsorcal-2026-12-06T21-30-00Z.db'));
    expect(backup?.rows['kysely_migration']).toBeGreaterThan(0);
    expect(verifySqlite(backup!.file)).toEqual(backup?.rows);
    expect(deleted).toEqual([]);
  });

  it("rejects with the worker's error and leaves no file that looks like a backup", async () => {
    const { file, dir } = await liveDatabase();
    await expect(
      runScheduledBackupInThread({ file: `${file}.missing`, dir, keep: 7, now: T0 }),
    ).rejects.toThrow(/unable to open database file|does not exist/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
