import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SCAN_NICENESS,
  startScanProcess,
  type ScanProcess,
} from '../../../server/alerts/scan-process';
import { fixedClock } from '../../../server/clock';
import { startJobs, type Jobs } from '../../../server/jobs';
import { createWorkspace, type Workspace } from '../../support/app';
import { createTestDatabase } from '../../support/database';
import { alertRows, at, DAY, HOUR, insertManyDeliverables, MINUTE } from '../../support/alerts';
import { allEnded, commandLineOf, isRunning, procStat } from '../../support/procfs';

let t: Workspace | undefined;
let scanner: ScanProcess | undefined;
let jobs: Jobs | undefined;

afterEach(async () => {
  await jobs?.stop();
  await scanner?.close();
  await t?.close();
  [t, scanner, jobs] = [undefined, undefined, undefined];
});

const T = '2026-03-10T12:00:00.000Z';

/** A workspace with `count` deliverables whose draft is overdue: one alert apiece. */
async function overdueDrafts(count: number): Promise<Workspace> {
  const w = await createWorkspace();
  t = w;
  await insertManyDeliverables(
    w.db,
    w.deal.id,
    count,
    (i) => ({ draftDueAt: at(T, -(i + 1) * HOUR) }),
    new Date(at(T, -DAY)),
  );
  return w;
}

/** The scan process on a workspace with `count` overdue drafts, its connection open. */
async function startedOn(count: number) {
  const w = await overdueDrafts(count);
  const started = startScanProcess(w.databaseUrl);
  scanner = started;
  await started.ready();
  return { w, scanner: started, pid: started.pid()! };
}

/** One scan at `instant`, e-mail off. */
const scanAt = (s: ScanProcess, instant: string) =>
  s.scan({ now: new Date(instant), emailEnabled: false });

describe('startScanProcess', () => {
  it('raises what is due in the child process, once, into the same database', async () => {
    const { w, scanner, pid } = await startedOn(3);
    expect(pid).not.toBe(process.pid);
    // A background job: its main thread (where the scan runs) at a lower priority.
    expect(Number(procStat(pid)?.[16])).toBe(SCAN_NICENESS);
    // The database's URL (a PostgreSQL one holds its password) is not on its command line.
    expect(commandLineOf(pid)!.join(' ')).not.toContain(w.databaseUrl.replace(/^sqlite:/, ''));

    expect(await scanAt(scanner, T)).toEqual({
      raised: 3,
      resolved: 0,
    });
    const alerts = await alertRows(w.db);
    expect(alerts.map((a) => a.rule)).toEqual(['draft_overdue', 'draft_overdue', 'draft_overdue']);
    // A second run a minute later finds them raised already.
    expect(await scanAt(scanner, at(T, MINUTE))).toEqual({
      raised: 0,
      resolved: 0,
    });
  });

  it('starts another child for the next scan after the child died', async () => {
    const { scanner, pid: first } = await startedOn(2);
    process.kill(first, 'SIGKILL');
    await vi.waitFor(() => expect(scanner.pid()).toBeUndefined(), { timeout: 30_000 });

    expect(await scanAt(scanner, T)).toEqual({
      raised: 2,
      resolved: 0,
    });
    expect(scanner.pid()).not.toBe(first);
  });

  it('is not ended by Ctrl-C (SIGINT to the process group): the server ends it', async () => {
    const { scanner, pid } = await startedOn(1);
    process.kill(pid, 'SIGINT');
    process.kill(pid, 'SIGTERM');

    expect(await scanAt(scanner, T)).toEqual({
      raised: 1,
      resolved: 0,
    });
    expect(scanner.pid()).toBe(pid);
    await scanner.close();
    expect(isRunning(pid)).toBe(false);
  });

  it('ends when the server ends without closing it (killed)', async () => {
    const w = await overdueDrafts(1);
    const module = new URL('../../../server/alerts/scan-process.ts', import.meta.url).href;
    const server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        // The interval stands for the server's listening socket: the child keeps nothing alive.
        `setInterval(() => {}, 60_000);
         const { startScanProcess } = await import(${JSON.stringify(module)});
         const scanner = startScanProcess(${JSON.stringify(w.databaseUrl)});
         await scanner.ready();
         console.log(scanner.pid());`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const serverEnded = new Promise((resolve) => server.once('exit', resolve));
    let out = '';
    const child = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(Number(out.trim()));
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    expect(isRunning(child)).toBe(true);

    server.kill('SIGKILL');
    await serverEnded;
    await allEnded([child]);
  });

  it('answers a scan that failed in the child with its error', async () => {
    // A database with none of the tables: the scan's first statement fails in the child.
    const empty = await createTestDatabase({ migrate: false });
    try {
      scanner = startScanProcess(empty.url);
      await expect(scanAt(scanner, T)).rejects.toThrow(/no such table|does not exist/);
      await scanner.close();
    } finally {
      await empty.close();
    }
  });
});

describe('startJobs with the database URL', () => {
  it('runs the scan in the child process and ends it', async () => {
    const w = await overdueDrafts(2);
    const lines: string[] = [];
    jobs = startJobs({
      db: w.db,
      clock: fixedClock(T),
      cronExpression: '0 0 1 1 *',
      appUrl: 'https://sponsorcal.example.com',
      email: null,
      linkSecret: Buffer.alloc(32),
      scanDatabaseUrl: w.databaseUrl,
      log: (line) => lines.push(line),
    });
    await jobs.runOnce();
    expect(lines).toContain(
      'alerts: 2 raised, 0 resolved; deliveries: 0 sent, 0 to retry, 0 failed',
    );
    expect(await alertRows(w.db)).toHaveLength(2);
  });
});
