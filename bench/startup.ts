import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale, ROOT } from '../scripts/build.mjs';
import type { Report } from './report';
import { median } from './stats';

/** The production server as `npm start` runs it, on the seeded database. */
export interface ProductionServer {
  /** Resolves with the port once `/api/health` answers 200; rejects when the server exits first. */
  healthy: Promise<number>;
  /** The server's process (`scripts/run.mjs` runs the server in its own process). */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the production server as `npm start` does once it is built (`node scripts/run.mjs
 * start`: the up-to-date check, then dist/server/index.js with source maps on).
 */
export function startProductionServer(
  file: string,
  env: Record<string, string> = {},
): ProductionServer {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'run.mjs'), 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${file}`,
      WEB_ROOT: path.join(os.tmpdir(), 'sponsorcal-bench-no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const healthy = (async () => {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the server exited before it was healthy:\n${log}`);
      if (performance.now() - started > 60_000)
        throw new Error(`the server was not healthy within 60 s:\n${log}`);
      const port = /listening on http:\/\/[^:]+:(\d+)/.exec(log)?.[1];
      if (port) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (res?.status === 200) return Number(port);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    healthy,
    pid: child.pid!,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The milliseconds from spawning the production server to its first 200 from /api/health. */
async function coldStart(file: string): Promise<number> {
  const started = performance.now();
  const server = startProductionServer(file);
  try {
    await server.healthy;
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

export async function benchStartup(report: Report, file: string, runs: number): Promise<void> {
  report.begin('6. Server cold start');
  // Built before the clock runs: the figure is a start, not a build.
  await buildIfStale();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await coldStart(file));
  report.add('cold_start_ms', 'Spawn to first healthy /api/health (median)', median(times), 'ms', {
    op: '<=',
    value: 500,
  });
}
