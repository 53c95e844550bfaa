import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SERVER } from '../../scripts/build.mjs';
import { freePort } from '../support/ports';
import { allEnded, descendantsOf } from '../support/procfs';

export interface ServerProcess {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Stops the server (SIGTERM, or the given signal) and waits for it and its children to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface StartServerOptions {
  databaseUrl: string;
  webRoot?: string;
  env?: Record<string, string>;
  /** Reuse a port (to restart "the same" server). */
  port?: number;
}

/** A temp directory for a test's database files. */
export function tempDir(prefix = 'sponsorcal-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts the real, built server (`node dist/server/index.js`, built by the global setup) as
 * its own process on a free port and waits until it has said where it listens.
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER.output], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      WEB_ROOT: options.webRoot ?? path.join(os.tmpdir(), 'sponsorcal-no-web'),
      // The tests' webhook receivers listen on loopback.
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave an orphaned server behind.
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 90 s:\n${log}`));
    }, 90_000);
    const check = () => {
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${log}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => log,
    stop: async (signal = 'SIGTERM') => {
      // The processes it started (its alert scan's): stopped is when nothing of it still writes.
      const started = child.pid === undefined ? [] : descendantsOf(child.pid);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      await allEnded(started);
    },
  };
}

export interface AppServer extends ServerProcess {
  /** The temp directory of its SQLite file. */
  dir: string;
  /** Stops the server and removes its directory. */
  close: () => Promise<void>;
}

export interface StartAppServerOptions {
  webRoot: string;
  /**
   * Pin a free port and name it in APP_URL: for tests that follow the links the
   * app builds (review, invite, invoice and kit links, the calendar feed).
   */
  appUrl?: boolean;
  env?: Record<string, string>;
}

/** The real server on a fresh SQLite file in a temp directory, serving the built web app. */
export async function startAppServer(options: StartAppServerOptions): Promise<AppServer> {
  const dir = tempDir();
  const port = options.appUrl ? await freePort() : undefined;
  const server = await startServer({
    databaseUrl: `sqlite:${path.join(dir, 'sponsorcal.db')}`,
    webRoot: options.webRoot,
    ...(port ? { port } : {}),
    env: { ...(port ? { APP_URL: `http://127.0.0.1:${port}` } : {}), ...options.env },
  });
  return {
    ...server,
    dir,
    close: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
