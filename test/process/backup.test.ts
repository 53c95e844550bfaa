import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySqlite } from '../../server/db/backup';
import { startServer, tempDir } from '../e2e/server';
import {
  apiClient,
  createDeal,
  ONCE_A_YEAR,
  OWNER,
  PROCESS_TEST_TIMEOUT_MS,
  runBuiltCommand,
  setUpOwner,
  useOwnServers,
} from './support';

const { servers, dirs } = useOwnServers();

const backup = (databaseUrl: string, file: string) => runBuiltCommand('backup', databaseUrl, file);

async function signIn(url: string): Promise<string> {
  const response = await apiClient(url).auth.login.$post({
    json: { email: OWNER.email, password: OWNER.password },
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('npm run backup (SQLite) and restore', () => {
  it(
    'copies the live database under write load; the copy passes integrity_check and restores into a fresh install',
    async () => {
      const dir = tempDir('sponsorcal-backup-');
      dirs.push(dir);
      const databaseUrl = `sqlite:${path.join(dir, 'live.db')}`;
      const server = await startServer({ databaseUrl, env: { ALERT_CRON: ONCE_A_YEAR } });
      servers.push(server);
      const api = apiClient(server.url, await setUpOwner(server.url));
      const { dealId } = await createDeal(api);

      // Writers keep creating deliverables while the backup runs.
      const confirmed: { id: string; at: number }[] = [];
      let writing = true;
      const writer = async (n: number) => {
        for (let i = 0; writing; i++) {
          const response = await api.deliverables.$post({
            json: {
              dealId,
              title: `Load ${n}-${i}`,
              platform: 'youtube',
              publishAt: '2027-01-01T10:00:00.000Z',
            },
          });
          expect(response.status).toBe(201);
          confirmed.push({ id: (await response.json()).id, at: Date.now() });
        }
      };
      const writers = [writer(1), writer(2), writer(3)];
      while (confirmed.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));

      const backupStarted = Date.now();
      const file = path.join(dir, 'backups', 'copy.db');
      const { stdout } = await backup(databaseUrl, file);
      writing = false;
      await Promise.all(writers);

      expect(stdout).toMatch(/integrity ok/);
      const rows = verifySqlite(file);
      // Every write confirmed before the backup began is in the copy; nothing half-written is.
      const mustHave = confirmed.filter((c) => c.at < backupStarted).map((c) => c.id);
      expect(rows['deliverables']).toBeGreaterThanOrEqual(mustHave.length);
      expect(rows['deliverables']).toBeLessThanOrEqual(confirmed.length);
      expect(rows['users']).toBe(1);

      // Restore: the copy becomes the database of a fresh install.
      const restoredDir = tempDir('sponsorcal-restore-');
      dirs.push(restoredDir);
      fs.copyFileSync(file, path.join(restoredDir, 'sponsorcal.db'));
      const restored = await startServer({
        databaseUrl: `sqlite:${path.join(restoredDir, 'sponsorcal.db')}`,
        env: { ALERT_CRON: ONCE_A_YEAR },
      });
      servers.push(restored);
      const restoredApi = apiClient(restored.url, await signIn(restored.url));
      const list = await (await restoredApi.deliverables.$get({ query: { dealId } })).json();
      const ids = new Set(list.items.map((d: { id: string }) => d.id));
      expect(ids.size).toBe(rows['deliverables']);
      for (const id of mustHave)
        expect(ids.has(id), `deliverable ${id} confirmed before the backup`).toBe(true);
    },
    PROCESS_TEST_TIMEOUT_MS * 2,
  );

  it('refuses to overwrite a file, and says how to back up PostgreSQL', async () => {
    const dir = tempDir('sponsorcal-backup-');
    dirs.push(dir);
    const file = path.join(dir, 'exists.db');
    fs.writeFileSync(file, 'keep me');
    const databaseUrl = `sqlite:${path.join(dir, 'live.db')}`;
    const server = await startServer({ databaseUrl, env: { ALERT_CRON: ONCE_A_YEAR } });
    servers.push(server);
    await expect(backup(databaseUrl, file)).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists/),
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    await expect(backup('postgres://localhost/x', path.join(dir, 'pg.db'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/pg_dump/),
    });
    await expect(backup(databaseUrl, '')).rejects.toMatchObject({ code: 2 });
  });
});
