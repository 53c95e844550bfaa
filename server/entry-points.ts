import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The worker threads and child processes the server starts each run an entry
 * point: a module named by its path under server/ without extension
 * (`db/backup-worker`, `alerts/scan-child`). Built, this file is bundled into
 * dist/server/index.js and each entry point is a file of its own at the same path
 * under dist/server/ (scripts/build.mjs), so one relative URL serves both.
 */
const fromSources = import.meta.url.endsWith('.ts');
const entryUrl = (entry: string) =>
  new URL(`./${entry}.${fromSources ? 'ts' : 'js'}`, import.meta.url);

/**
 * A worker thread running `entry`. From the TypeScript sources (dev, tests, bench)
 * a worker cannot load .ts by itself on Node 20 (tsx registers in the main thread
 * only), so a one-line module registers tsx in it first.
 */
export function startWorker(entry: string, workerData: unknown): Worker {
  if (!fromSources) return new Worker(entryUrl(entry), { workerData });
  // tsx's public entry for registering it from code, resolved here (a worker's eval has no base).
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entryUrl(entry).href)}); });`;
  return new Worker(source, { eval: true, workerData });
}

/**
 * A Node process running `entry`, with an IPC channel to this one and `nodeOptions`
 * (V8 flags among them) of its own; from the TypeScript sources it loads tsx first.
 * Its stdout and stderr are this process's; its environment `env` (this one's by default).
 */
export function forkEntry(
  entry: string,
  args: string[],
  nodeOptions: string[],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  const loader = fromSources ? ['--import', import.meta.resolve('tsx')] : [];
  return fork(fileURLToPath(entryUrl(entry)), args, {
    execArgv: [...loader, ...nodeOptions],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
