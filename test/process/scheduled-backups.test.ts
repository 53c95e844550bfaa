import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySqlite } from '../../server/db/backup';
import { startServer, tempDir } from '../e2e/server';
import { EVERY_SECOND, ONCE_A_YEAR, setUpOwner, useOwnServers, waitFor } from './support';

const { servers, dirs } = useOwnServers();

const SCHEDULED = /^sponsorcal-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

describe('scheduled backups (BACKUP_CRON)', () => {
  it('back up the live database on the schedule, keeping the newest BACKUP_KEEP, each sound', async () => {
    const dir = tempDir('sponsorcal-scheduled-');
    dirs.push(dir);
    const backups = path.join(dir, 'elsewhere');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'before-upgrade.db'), 'keep me');
    const server = await startServer({
      databaseUrl: `sqlite:${path.join(dir, 'sponsorcal.db')}`,
      env: {
        ALERT_CRON: ONCE_A_YEAR,
        BACKUP_CRON: EVERY_SECOND,
        BACKUP_DIR: backups,
        BACKUP_KEEP: '2',
      },
    });
    servers.push(server);
    await setUpOwner(server.url);
    expect(server.output()).toContain(
      `Backups: on "${EVERY_SECOND}" into ${backups}, keeping the newest 2`,
    );

    // Enough backups since the owner was written that older ones had to go.
    const since = server.output().length;
    await waitFor('three backups since set-up, and older ones deleted', () => {
      const said = server.output().slice(since);
      const made = said.match(/^backup: .*integrity ok/gm) ?? [];
      return made.length >= 3 && /^backup: .*deleted \d+ older/m.test(said);
    });
    await server.stop();

    const kept = fs.readdirSync(backups).filter((name) => SCHEDULED.test(name));
    expect(kept).toHaveLength(2);
    for (const name of kept) expect(verifySqlite(path.join(backups, name))['users']).toBe(1);
    expect(fs.readFileSync(path.join(backups, 'before-upgrade.db'), 'utf8')).toBe('keep me');
    expect(server.output()).not.toMatch(/backup failed/);
  });

  it('refuse to start on PostgreSQL, saying to use pg_dump', async () => {
    await expect(
      startServer({
        databaseUrl: 'postgres://127.0.0.1:9/sponsorcal',
        env: { BACKUP_CRON: '0 3 * * *' },
      }),
    ).rejects.toThrow(/exited with 1 before listening:[\s\S]*BACKUP_CRON: .*pg_dump/);
  });
});
