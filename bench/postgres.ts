import { sql } from 'kysely';
import { openDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { exportWorkspace } from '../server/transfer/export';
import { importWorkspace, parseTransferFile } from '../server/transfer/import';
import { databaseUrl, startPostgres } from '../test/support/postgres-server';
import { calendarPathOf, type MonthRange } from './api';
import { load, startBenchServer, type BenchServer, type LoadResult } from './http';
import type { Report } from './report';

export interface PostgresBenchOptions {
  /** The seeded SQLite workspace, copied into PostgreSQL as an operator would move it. */
  file: string;
  now: Date;
  cookie: string;
  ids: string[];
  range: MonthRange;
  connections: number;
  duration: number;
}

/**
 * Moves the seeded workspace into a PostgreSQL database the way docs/scaling.md tells an
 * operator to (the workspace's export file, imported into a fresh install), then copies the
 * seed's sign-in (sessions are never exported) and gathers the planner's statistics, as
 * autovacuum would soon after a bulk load. Answers the seconds the move took.
 */
async function moveToPostgres(file: string, url: string, now: Date): Promise<number> {
  const source = openDatabase(`sqlite:${file}`);
  const target = openDatabase(url);
  try {
    await migrateToLatest(target.db);
    const started = performance.now();
    const text = (await exportWorkspace(source.db, { now })).join('');
    await importWorkspace(target.db, parseTransferFile(JSON.parse(text)));
    const seconds = (performance.now() - started) / 1000;
    const sessions = await source.db.selectFrom('sessions').selectAll().execute();
    await target.db.insertInto('sessions').values(sessions).execute();
    await sql`analyze`.execute(target.db);
    return seconds;
  } finally {
    await source.close();
    await target.close();
  }
}

/**
 * The scale-out path under the API section's loads: the same workspace on PostgreSQL (a
 * throwaway cluster on this machine, as the tests start one) and on its SQLite file, each
 * served by the bench server, loads alternating between them (S P P S), each figure the mean
 * of two. PostgreSQL's own processes share the two cores with the server and the load
 * generator, as on a one-machine install.
 */
export async function benchPostgres(report: Report, options: PostgresBenchOptions): Promise<void> {
  report.begin('10. PostgreSQL: the same workspace and loads');
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  try {
    cluster = await startPostgres();
  } catch (error) {
    console.log(
      `  PostgreSQL could not be started, figures skipped: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  const servers: BenchServer[] = [];
  try {
    const admin = openDatabase(cluster.url);
    await sql`create database bench`.execute(admin.db);
    await admin.close();
    const url = databaseUrl(cluster.url, 'bench');
    const moveSeconds = await moveToPostgres(options.file, url, options.now);
    report.add(
      'pg_transfer_s',
      'Move the workspace to PostgreSQL: its export file, imported into a fresh install',
      moveSeconds,
      's',
    );

    const sqlite = await startBenchServer(options.file);
    servers.push(sqlite);
    const postgres = await startBenchServer(url);
    servers.push(postgres);
    const { cookie, connections, duration } = options;
    const loadOn = (server: BenchServer, paths: string[]) =>
      load({ url: server.url, paths, headers: { cookie }, connections, duration });
    /** S P P S: each engine's figure from two loads, one on either side of the other's. */
    const alternate = async (paths: string[]) => {
      const s1 = await loadOn(sqlite, paths);
      const p1 = await loadOn(postgres, paths);
      const p2 = await loadOn(postgres, paths);
      const s2 = await loadOn(sqlite, paths);
      return { sqlite: [s1, s2], postgres: [p1, p2] };
    };
    const sum = (loads: LoadResult[], pick: (load: LoadResult) => number) =>
      loads.reduce((total, one) => total + pick(one), 0);
    const mean = (loads: LoadResult[], pick: (load: LoadResult) => number) =>
      sum(loads, pick) / loads.length;

    const months = await alternate([calendarPathOf(options.range)]);
    const points = await alternate(options.ids.map((id) => `/api/deliverables/${id}`));

    const monthP50 = mean(months.postgres, (l) => l.p50Ms);
    const monthP99 = Math.max(...months.postgres.map((l) => l.p99Ms));
    report.add(
      'pg_range_p50_ms',
      `Calendar month at ${connections} connections on PostgreSQL: p50`,
      monthP50,
      'ms',
    );
    report.add('pg_range_p99_ms', '… p99', monthP99, 'ms');
    report.add('ratio_pg_range_p99_vs_p50', '… p99 ÷ p50', monthP99 / monthP50, '×');
    const monthRps = mean(months.postgres, (l) => l.requestsPerSecond);
    report.add('pg_range_rps', 'Calendar months/s on PostgreSQL', monthRps, 'req/s');
    report.add(
      'ratio_pg_vs_sqlite_range_rps',
      'Calendar months/s: PostgreSQL ÷ SQLite (same run, alternating)',
      monthRps / mean(months.sqlite, (l) => l.requestsPerSecond),
      '×',
    );
    const pointRps = mean(points.postgres, (l) => l.requestsPerSecond);
    report.add(
      'pg_point_rps',
      `Point reads/s at ${connections} connections on PostgreSQL`,
      pointRps,
      'req/s',
    );
    report.add(
      'pg_point_p99_ms',
      'Point read p99 on PostgreSQL',
      Math.max(...points.postgres.map((l) => l.p99Ms)),
      'ms',
    );
    report.add(
      'ratio_pg_vs_sqlite_point_rps',
      'Point reads/s: PostgreSQL ÷ SQLite (same run, alternating)',
      pointRps / mean(points.sqlite, (l) => l.requestsPerSecond),
      '×',
    );
    const all = [...months.sqlite, ...months.postgres, ...points.sqlite, ...points.postgres];
    const zero = { op: '<=', value: 0 } as const;
    report.add(
      'pg_failures',
      'Failed or non-2xx requests (both engines)',
      sum(all, (l) => l.failures),
      'requests',
      zero,
    );
    report.add(
      'pg_unanswered_connections',
      'Connections that got no answer during a load (both engines)',
      sum(all, (l) => l.unansweredConnections),
      'connections',
      zero,
    );
  } finally {
    for (const server of servers) await server.stop();
    cluster.stop();
  }
}
