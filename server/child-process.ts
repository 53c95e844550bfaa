import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A Node process running `entry`, a module named by its path under server/
 * without extension (`alerts/scan-child`), with an IPC channel to this one and
 * `nodeOptions` (V8 flags among them) of its own. Built, this file is bundled
 * into dist/server/index.js and each entry is a file of its own at the same path
 * under dist/server/ (scripts/build.mjs), as for worker threads
 * (server/worker-thread.ts); from the TypeScript sources (dev, tests, bench) the
 * child registers tsx first. Its stdout and stderr are this process's.
 */
export function forkEntry(entry: string, args: string[], nodeOptions: string[]): ChildProcess {
  const built = !import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(`./${entry}.${built ? 'js' : 'ts'}`, import.meta.url));
  const loader = built ? [] : ['--import', import.meta.resolve('tsx')];
  return fork(file, args, {
    execArgv: [...loader, ...nodeOptions],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
