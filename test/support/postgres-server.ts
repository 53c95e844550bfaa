import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

export interface PostgresServer {
  /** Connection URL of the `postgres` database; swap the path for others. */
  url: string;
  port: number;
  stop(): void;
}

function findBinDir(): string | undefined {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, 'initdb')))
    return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = fromConfig.stdout?.trim();
  return dir && fs.existsSync(path.join(dir, 'initdb')) ? dir : undefined;
}

const isRoot = () => process.getuid?.() === 0;

function ensureBinDir(): string {
  let dir = findBinDir();
  if (!dir && isRoot() && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log(
      "PostgreSQL not found: installing Debian's postgresql package for the PostgreSQL test run…",
    );
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql',
      ],
      { stdio: 'inherit' },
    );
    dir = findBinDir();
  }
  if (!dir) {
    throw new Error(
      'The PostgreSQL test run needs PostgreSQL server binaries: install them with `sudo apt-get install -y postgresql` (Debian/Ubuntu) or set PG_BIN to the directory holding initdb and pg_ctl.',
    );
  }
  return dir;
}

/**
 * Starts a throwaway PostgreSQL cluster in a temp directory on a free local
 * port (as the `postgres` user when running as root: initdb refuses root).
 * Durability is off: it is for tests only.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = ensureBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-pg-'));
  const data = path.join(dir, 'data');
  const asPostgres = isRoot();
  if (asPostgres) execFileSync('chown', ['-R', 'postgres', dir]);
  const run = (cmd: string, args: string[]) =>
    asPostgres
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });

  run('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c TimeZone=UTC',
  ].join(' ');
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);

  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The migrated template every PostgreSQL test database is copied from (made by the global setup). */
export const PG_TEMPLATE = 'sponsorcal_template';
