import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifySqlite } from '../../server/db/backup';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { startServer, tempDir, type ServerProcess } from '../e2e/server';
import {
  apiClient,
  createDeal,
  createDeliverable,
  ONCE_A_YEAR,
  OWNER,
  runBuiltCommand,
  setUpOwner,
  useOwnServers,
} from './support';

const { servers, dirs } = useOwnServers();

const cli = (script: 'backup' | 'restore', databaseUrl: string, ...args: string[]) =>
  runBuiltCommand(script, databaseUrl, ...args);

function workDir(): string {
  const dir = tempDir('sponsorcal-restore-');
  dirs.push(dir);
  return dir;
}

async function startOn(databaseUrl: string): Promise<ServerProcess> {
  const server = await startServer({ databaseUrl, env: { ALERT_CRON: ONCE_A_YEAR } });
  servers.push(server);
  return server;
}

async function signIn(url: string): Promise<string> {
  const response = await apiClient(url).auth.login.$post({
    json: { email: OWNER.email, password: OWNER.password },
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function deliverableTitles(url: string, cookie: string, dealId: string): Promise<string[]> {
  const response = await apiClient(url, cookie).deliverables.$get({ query: { dealId } });
  const body = await response.json();
  return body.items.map((d: { title: string }) => d.title).sort();
}

/** Every file in `dir` with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

describe('npm run restore (SQLite)', () => {
  it('refuses while the server runs; once it stopped, puts the backup in place and keeps the replaced database aside', async () => {
    const dir = workDir();
    const live = path.join(dir, 'sponsorcal.db');
    const databaseUrl = `sqlite:${live}`;
    const server = await startOn(databaseUrl);
    const cookie = await setUpOwner(server.url);
    const api = apiClient(server.url, cookie);
    const { dealId } = await createDeal(api);
    await createDeliverable(api, { dealId, title: 'In the backup' });
    const backup = path.join(dir, 'backups', 'copy.db');
    await cli('backup', databaseUrl, backup);
    await createDeliverable(api, { dealId, title: 'After the backup' });

    // A server's files change while it runs (its WAL): that nothing changed shows in what
    // the directory holds and in what the server answers.
    const before = fs.readdirSync(dir).sort();
    await expect(cli('restore', databaseUrl, backup)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/refused, nothing changed: .*is open in another process/),
    });
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(await deliverableTitles(server.url, cookie, dealId)).toEqual([
      'After the backup',
      'In the backup',
    ]);

    await server.stop();
    fs.chmodSync(live, 0o600);
    const { stdout } = await cli('restore', databaseUrl, backup);
    // The service's user must be able to open the restored file as it did the old one.
    expect(fs.statSync(live).mode & 0o777).toBe(0o600);
    expect(stdout).toMatch(new RegExp(`Restored .*copy\\.db to ${live}: \\d+ rows, integrity ok`));
    const keptAs = /kept as (.+)\.$/m.exec(stdout)?.[1];
    expect(keptAs).toMatch(/sponsorcal\.db\.replaced-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    // The replaced database is whole on its own, the writes after the backup included.
    expect(verifySqlite(keptAs!)['deliverables']).toBe(2);
    // Nothing of the old database is left under the restored file's name.
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['backups', 'secret.key', 'sponsorcal.db', path.basename(keptAs!)].sort(),
    );

    const restarted = await startOn(databaseUrl);
    expect(await deliverableTitles(restarted.url, await signIn(restarted.url), dealId)).toEqual([
      'In the backup',
    ]);
  });

  it('refuses a missing file, a corrupt copy and a copy from a newer version, leaving the database as it was', async () => {
    const dir = workDir();
    const live = path.join(dir, 'sponsorcal.db');
    const databaseUrl = `sqlite:${live}`;
    const handle = openDatabase(databaseUrl);
    await migrateToLatest(handle.db);
    await handle.close();
    const good = path.join(dir, 'good.db');
    await cli('backup', databaseUrl, good);
    const corrupt = path.join(dir, 'corrupt.db');
    const newer = path.join(dir, 'newer.db');
    // Garbage over pages in the middle: the file opens, integrity_check finds it.
    const bytes = fs.readFileSync(good);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 3, pageSize * 5);
    fs.writeFileSync(corrupt, bytes);
    fs.copyFileSync(good, newer);
    const future = new SQLite(newer);
    future
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_from_the_future', new Date().toISOString());
    future.close();
    const before = snapshot(dir);

    const missing = path.join(dir, 'no-such-backup.db');
    await expect(cli('restore', databaseUrl, missing)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${missing} does not exist`),
    });

    await expect(cli('restore', databaseUrl, corrupt)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/corrupt\.db is not a sound SQLite database/),
    });

    await expect(cli('restore', databaseUrl, newer)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/made by a newer Sponsorcal .*9999_from_the_future/),
    });

    expect(snapshot(dir)).toEqual(before);
  });

  it('says to use pg_restore on PostgreSQL, and how to call it without a file', async () => {
    await expect(cli('restore', 'postgres://localhost/x', 'copy.db')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/pg_restore/),
    });
    await expect(cli('restore', 'sqlite:./data/x.db')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Usage: npm run restore -- <backup file>/),
    });
  });
});
