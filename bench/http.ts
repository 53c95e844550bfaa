import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type { ChildMessage, ChildRequest } from './server-child';

export interface BenchServer {
  url: string;
  /** How long each request under `prefix` (not under `except`) took in the server since the last call (ms). */
  timings(prefix: string, except?: string): Promise<number[]>;
  /** Peak and current resident memory of the server process (MB). */
  memory(): Promise<{
    maxRssMb: number;
    rssMb: number;
    peakHeapMb: number;
    peakExternalMb: number;
  }>;
  stop(): Promise<void>;
}

function ask<T extends ChildMessage['type']>(
  child: ChildProcess,
  request: ChildRequest | null,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`the bench server exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (request) child.send(request);
  });
}

/**
 * Starts bench/server-child.ts on a seeded database file (or a `postgres://` URL) and waits
 * until it listens.
 */
export async function startBenchServer(database: string, webRoot?: string): Promise<BenchServer> {
  const postgres = /^postgres(ql)?:\/\//.test(database);
  const child = fork(path.join(import.meta.dirname, 'server-child.ts'), [], {
    // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    env: {
      ...process.env,
      ...(postgres ? { BENCH_DATABASE_URL: database } : { BENCH_DATABASE_FILE: database }),
      ...(webRoot ? { BENCH_WEB_ROOT: webRoot } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await ask(child, null, 'ready');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    timings: async (prefix, except) =>
      (await ask(child, { type: 'timings', prefix, except }, 'timings')).durations,
    memory: async () => {
      const { type: _, ...memory } = await ask(child, { type: 'memory' }, 'memory');
      return memory;
    },
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /**
   * Connections that got no answer at all during the load. autocannon's
   * percentiles count answered requests only, so a connection the server never
   * took up is invisible in them: this is where such starvation shows.
   */
  unansweredConnections: number;
}

export interface LoadOptions {
  url: string;
  /** Paths requested in turn, one after another on each connection. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  duration: number;
}

/**
 * Waits until the server has worked off what a load left queued (autocannon
 * stops sending, not the server answering): hello-world answers promptly again.
 */
async function drained(url: string): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    const sent = performance.now();
    const res = await fetch(`${url}/bench/hello`);
    await res.text();
    if (performance.now() - sent < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The part of autocannon's client (lib/httpClient.js) that collects each response's body. */
interface ClientQueue {
  pipelinedRequests: { addBody(data: Buffer): void };
}

/** An autocannon load: mean req/s and latency percentiles; any error or non-2xx is counted. */
export async function load({
  url,
  paths,
  headers,
  connections,
  duration,
}: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const answered: number[] = [];
  const result = await autocannon({
    url,
    connections,
    duration,
    headers,
    setupClient: (client) => {
      const index = answered.push(0) - 1;
      client.on('response', () => answered[index]!++);
      // autocannon keeps each body as a string (`body += chunk`, decoded from UTF-8) for checks
      // this load does not make: for a month of the calendar (hundreds of KB) that was most of
      // the load generator's CPU, taken from the server it measures. Bytes and status are still
      // counted from the socket and the headers.
      (client as unknown as ClientQueue).pipelinedRequests.addBody = () => {};
    },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  });
  await drained(url);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    unansweredConnections: answered.filter((count) => count === 0).length,
  };
}
