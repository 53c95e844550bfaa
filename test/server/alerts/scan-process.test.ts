import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SCAN_NICENESS,
  startScanProcess,
  type ScanProcess,
} from '../../../server/alerts/scan-process';
import { fixedClock } from '../../../server/clock';
import { startJobs, type Jobs } from '../../../server/jobs';
import { createWorkspace, type Workspace } from '../../support/app';
import { alertRows, at, DAY, HOUR, insertManyDeliverables, MINUTE } from '../../support/alerts';

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

/** Whether process `pid` runs (not gone, not a zombie waiting for its parent). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** Resolves once process `pid` has ended; waits on it, with a generous bound. */
const ended = (pid: number) =>
  vi.waitFor(() => expect(isRunning(pid)).toBe(false), { timeout: 30_000, interval: 50 });

/** A workspace with `count` deliverables whose draft is overdue: one alert apiece. */
async function overdueDrafts(count: number): Promise<Workspace & { file: string }> {
  const w = await createWorkspace();
  t = w;
  await insertManyDeliverables(
    w.db,
    w.deal.id,
    count,
    (i) => ({ draftDueAt: at(T, -(i + 1) * HOUR) }),
    new Date(at(T, -DAY)),
  );
  return { ...w, file: w.file! };
}

// The process is for SQLite's synchronous driver; PostgreSQL's scan runs on the API's loop.
describe('startScanProcess', () => {
  it('raises what is due in the child process, once, into the same file', async () => {
    const w = await overdueDrafts(3);
    scanner = startScanProcess(w.file);
    await scanner.ready();
    expect(scanner.pid()).not.toBe(process.pid);
    // A background job: its main thread (where the scan runs) at a lower priority.
    const stat = fs.readFileSync(`/proc/${scanner.pid()}/stat`, 'utf8');
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    expect(nice).toBe(SCAN_NICENESS);

    expect(await scanner.scan({ now: new Date(T), emailEnabled: false })).toEqual({
      raised: 3,
      resolved: 0,
    });
    const alerts = await alertRows(w.db);
    expect(alerts.map((a) => a.rule)).toEqual(['draft_overdue', 'draft_overdue', 'draft_overdue']);
    // A second run a minute later finds them raised already.
    expect(await scanner.scan({ now: new Date(at(T, MINUTE)), emailEnabled: false })).toEqual({
      raised: 0,
      resolved: 0,
    });
  });

  it('starts another child for the next scan after the child died', async () => {
    const w = await overdueDrafts(2);
    scanner = startScanProcess(w.file);
    await scanner.ready();
    const first = scanner.pid()!;
    process.kill(first, 'SIGKILL');
    await vi.waitFor(() => expect(scanner!.pid()).toBeUndefined(), { timeout: 30_000 });

    expect(await scanner.scan({ now: new Date(T), emailEnabled: false })).toEqual({
      raised: 2,
      resolved: 0,
    });
    expect(scanner.pid()).not.toBe(first);
  });

  it('is not ended by Ctrl-C (SIGINT to the process group): the server ends it', async () => {
    const w = await overdueDrafts(1);
    scanner = startScanProcess(w.file);
    await scanner.ready();
    const pid = scanner.pid()!;
    process.kill(pid, 'SIGINT');
    process.kill(pid, 'SIGTERM');

    expect(await scanner.scan({ now: new Date(T), emailEnabled: false })).toEqual({
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
         const scanner = startScanProcess(${JSON.stringify(w.file)});
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
    await ended(child);
  });

  it('answers a scan that failed in the child with its error', async () => {
    const w = await overdueDrafts(1);
    // A file with none of the tables: the scan's first statement fails in the child.
    scanner = startScanProcess(`${w.file}.empty`);
    await expect(scanner.scan({ now: new Date(T), emailEnabled: false })).rejects.toThrow(
      /no such table/,
    );
  });
});

describe('startJobs with the SQLite file', () => {
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
      sqliteFile: w.file,
      log: (line) => lines.push(line),
    });
    await jobs.runOnce();
    expect(lines).toContain(
      'alerts: 2 raised, 0 resolved; deliveries: 0 sent, 0 to retry, 0 failed',
    );
    expect(await alertRows(w.db)).toHaveLength(2);
  });
});
