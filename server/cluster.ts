import cluster, { type Worker } from 'node:cluster';

/** A worker that dies this soon after it started, this many times running, stops the server. */
const EARLY_DEATH_MS = 10_000;
const EARLY_DEATHS_MAX = 3;

/** What the primary sends a worker to stop it (a worker may get the terminal's signal too). */
export const STOP_MESSAGE = { type: 'stop' } as const;

export interface Workers {
  /**
   * Resolves with the port once every worker first started is ready: connections are
   * handed out as they come, and a keep-alive client that connected while one worker
   * was still starting would stay on the others.
   */
  listening: Promise<{ port: number }>;
  /** Asks every worker to stop and resolves once all have exited: true when each exited 0. */
  stop(): Promise<boolean>;
}

/** What a worker tells the primary once it listens (and listens for the primary's messages). */
export const READY_MESSAGE = { type: 'ready' } as const;

export interface ForkWorkersOptions {
  count: number;
  /** Called when a worker says it is ready. */
  onReady?: (worker: Worker) => void;
  /** Environment for each worker, beside the primary's own. */
  env: Record<string, string>;
  log: (line: string) => void;
  /** Called when workers keep dying as soon as they start: the server cannot run. */
  onGiveUp: () => void;
}

/**
 * In the primary of a cluster: starts `count` workers running this same entry
 * (they share the listening port; on Linux the primary accepts each
 * connection and hands it to the next worker in turn) and replaces a worker
 * that dies, unless workers keep dying right after they start.
 */
export function forkWorkers({ count, env, log, onGiveUp, onReady }: ForkWorkersOptions): Workers {
  let stopping = false;
  let earlyDeaths = 0;
  const started = new Map<Worker, number>();
  const ready = new Set<Worker>();
  const exitCodes: number[] = [];
  const fork = () => started.set(cluster.fork(env), Date.now());

  let port: number | undefined;
  let allReady: (address: { port: number }) => void = () => {};
  const listening = new Promise<{ port: number }>((resolve) => (allReady = resolve));
  let readyOnce = 0;
  cluster.on('listening', (_worker, address) => (port ??= address.port));
  cluster.on('message', (worker, message: { type?: string }) => {
    if (message.type !== READY_MESSAGE.type) return;
    ready.add(worker);
    onReady?.(worker);
    // A worker says it is ready after it listens, so the port is known by then.
    if (++readyOnce === count && port !== undefined) allReady({ port });
  });
  cluster.on('exit', (worker, code, signal) => {
    const since = started.get(worker) ?? 0;
    started.delete(worker);
    const wasReady = ready.delete(worker);
    if (stopping) {
      // One still starting was stopped outright: it had taken no connection yet.
      exitCodes.push(wasReady ? (code ?? 1) : 0);
      return;
    }
    log(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`);
    earlyDeaths = Date.now() - since < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    if (earlyDeaths >= EARLY_DEATHS_MAX) {
      log(`workers stopped ${EARLY_DEATHS_MAX} times right after starting: giving up`);
      onGiveUp();
      return;
    }
    fork();
  });
  for (let i = 0; i < count; i++) fork();

  return {
    listening,
    stop() {
      stopping = true;
      const running = [...started.keys()];
      return new Promise<boolean>((resolve) => {
        const done = () => {
          if (started.size === 0) resolve(exitCodes.every((code) => code === 0));
        };
        cluster.on('exit', done);
        // A worker still starting may not listen for messages yet, and has no requests.
        for (const worker of running) {
          if (ready.has(worker) && worker.isConnected()) worker.send(STOP_MESSAGE);
          else worker.process.kill('SIGKILL');
        }
        done();
      });
    },
  };
}
