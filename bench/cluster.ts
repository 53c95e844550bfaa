import { buildIfStale } from '../scripts/build.mjs';
import { calendarPathOf, type MonthRange } from './api';
import { load, type LoadResult } from './http';
import type { Report } from './report';
import { startProductionServer } from './startup';

export interface ClusterBenchOptions {
  file: string;
  cookie: string;
  range: MonthRange;
  connections: number;
  duration: number;
}

/** Waits until the server's start-up alert run is over: it would share the cores with the load. */
export async function startUpRunDone(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      scheduler: { lastRunFinishedAt: string | null };
    };
    if (health.scheduler.lastRunFinishedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the start-up alert run did not finish within a minute');
}

/** Calendar months at full load on the production server with `workers` workers, and the load generator's CPU. */
async function monthsWith(
  workers: number,
  options: ClusterBenchOptions,
): Promise<{ result: LoadResult; loaderCores: number }> {
  // The scheduled alert runs (every minute by default) would share the cores with the load.
  const server = startProductionServer(options.file, {
    WORKERS: String(workers),
    ALERT_CRON: '0 0 1 1 *',
  });
  try {
    const url = `http://127.0.0.1:${await server.healthy}`;
    await startUpRunDone(url);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await load({
      url,
      paths: [calendarPathOf(options.range)],
      headers: { cookie: options.cookie },
      connections: options.connections,
      duration: options.duration,
    });
    const used = process.cpuUsage(cpu);
    return {
      result,
      loaderCores: (used.user + used.system) / 1000 / (performance.now() - started),
    };
  } finally {
    await server.stop();
  }
}

/**
 * The same calendar load on the production server (`npm start`) with one process and
 * with one worker per core (`WORKERS`), the load generator on the same machine.
 */
export async function benchCluster(report: Report, options: ClusterBenchOptions): Promise<void> {
  await buildIfStale();
  const cores = (await import('node:os')).availableParallelism();
  report.begin(`9. Several cores: WORKERS=${cores} against one process (the production server)`);
  const single = await monthsWith(1, options);
  const several = await monthsWith(cores, options);
  report.add(
    'cluster_single_rps',
    `Calendar months/s at ${options.connections} connections, one process`,
    single.result.requestsPerSecond,
    'req/s',
  );
  report.add(
    'cluster_rps',
    `The same with WORKERS=${cores}`,
    several.result.requestsPerSecond,
    'req/s',
  );
  report.add(
    'cluster_loader_cores',
    'Cores the load generator used meanwhile (of the machine’s)',
    several.loaderCores,
    'cores',
  );
  report.add(
    'cluster_failures',
    'Failed, non-2xx or unanswered in either load',
    single.result.failures +
      several.result.failures +
      single.result.unansweredConnections +
      several.result.unansweredConnections,
    'requests',
    { op: '<=', value: 0 },
  );
  report.add(
    'ratio_cluster_vs_single',
    `Calendar throughput, WORKERS=${cores} ÷ one process`,
    several.result.requestsPerSecond / single.result.requestsPerSecond,
    '×',
    { op: '>=', value: 1.6 },
  );
}
