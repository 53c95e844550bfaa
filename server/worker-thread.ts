import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `entry`, a module named by its path under server/ without
 * extension (`db/backup-worker`). Built, this file is bundled into
 * dist/server/index.js and each worker is an entry point of its own at the same
 * path under dist/server/ (scripts/build.mjs), so one relative URL serves both.
 * From the TypeScript sources (dev, tests, bench) a worker cannot load .ts by
 * itself on Node 20 (tsx registers in the main thread only), so a one-line
 * module registers tsx in it first.
 */
export function startWorker(entry: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL(`./${entry}.js`, import.meta.url), { workerData });
  // tsx's public entry for registering it from code, resolved here (a worker's eval has no base).
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL(`./${entry}.ts`, import.meta.url).href;
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); });`;
  return new Worker(source, { eval: true, workerData });
}
