import { afterEach, describe, expect, it } from 'vitest';
import { startScanThread, type ScanThread } from '../../../server/alerts/scan-thread';
import { fixedClock } from '../../../server/clock';
import { startJobs, type Jobs } from '../../../server/jobs';
import { createWorkspace, type Workspace } from '../../support/app';
import { alertRows, at, DAY, HOUR, insertManyDeliverables, MINUTE } from '../../support/alerts';

let t: Workspace | undefined;
let thread: ScanThread | undefined;
let jobs: Jobs | undefined;

afterEach(async () => {
  await jobs?.stop();
  await thread?.close();
  await t?.close();
  [t, thread, jobs] = [undefined, undefined, undefined];
});

const T = '2026-03-10T12:00:00.000Z';

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

// The thread is for SQLite's synchronous driver; PostgreSQL's scan runs on the API's loop.
describe('startScanThread', () => {
  it('raises what is due in the worker, once, into the same file', async () => {
    const w = await overdueDrafts(3);
    thread = startScanThread(w.file);
    await thread.ready();

    expect(await thread.scan({ now: new Date(T), emailEnabled: false })).toEqual({
      raised: 3,
      resolved: 0,
    });
    const alerts = await alertRows(w.db);
    expect(alerts.map((a) => a.rule)).toEqual(['draft_overdue', 'draft_overdue', 'draft_overdue']);
    // A second run a minute later finds them raised already.
    expect(await thread.scan({ now: new Date(at(T, MINUTE)), emailEnabled: false })).toEqual({
      raised: 0,
      resolved: 0,
    });
  });

  it('answers a scan that failed in the worker with its error', async () => {
    const w = await overdueDrafts(1);
    // A file with none of the tables: the scan's first statement fails in the worker.
    thread = startScanThread(`${w.file}.empty`);
    await expect(thread.scan({ now: new Date(T), emailEnabled: false })).rejects.toThrow(
      /no such table/,
    );
  });
});

describe('startJobs with the SQLite file', () => {
  it('runs the scan in the worker thread and stops it', async () => {
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
