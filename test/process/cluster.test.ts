import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../support/database';
import { childrenOf, commandLineOf } from '../support/procfs';
import {
  apiClient,
  createDeal,
  createDeliverable,
  getHealth,
  PROCESS_TEST_TIMEOUT_MS,
  setUpOwner,
  trackProcessScopes,
  waitFor,
} from './support';

const processScope = trackProcessScopes();

/** Whether process `pid` runs the alert scan (the primary's child), by its command line. */
const isScanProcess = (pid: number) =>
  (commandLineOf(pid) ?? []).some((arg) => arg.includes('alerts/scan-child'));

/** The primary's cluster workers: its children but the alert scan's process. */
const workersOf = (primary: number) => childrenOf(primary).filter((pid) => !isScanProcess(pid));

describe(`WORKERS=2 (${TEST_ENGINE})`, () => {
  it(
    'answers on one port from two workers, replaces a worker that dies, and stops them all on SIGTERM',
    async () => {
      const scope = await processScope();
      const server = await scope.start({ WORKERS: '2' });
      const primary = server.process.pid!;
      await waitFor('two workers', () => workersOf(primary).length === 2);
      await waitFor('the start-up line about workers', () =>
        server
          .output()
          .includes('Workers: 2 processes answer requests (WORKERS); this one runs the jobs'),
      );

      // Writes and reads land on either worker; each sees the others' work.
      const cookie = await setUpOwner(server.url);
      const api = apiClient(server.url, cookie);
      const { dealId } = await createDeal(api);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++)
        ids.push((await createDeliverable(api, { dealId, title: `Post ${i}` })).id);
      for (const id of ids) {
        const res = await api.deliverables[':id'].$get({ param: { id } });
        expect(res.status, server.output()).toBe(200);
      }
      // The primary runs the jobs and tells the workers: every answer says so.
      await waitFor('the scheduler to be reported running', async () => {
        const answers = await Promise.all([1, 2, 3, 4].map(() => getHealth(server.url)));
        return answers.every((health) => health.scheduler.running);
      });

      const [first] = workersOf(primary);
      process.kill(first!, 'SIGKILL');
      await waitFor(
        'a replacement worker',
        () => workersOf(primary).length === 2 && !workersOf(primary).includes(first!),
      );
      // The primary's line may reach the pipe after the replacement shows in the process table.
      await waitFor('the line about the replaced worker', () =>
        server.output().includes(`worker ${first} stopped (SIGKILL); starting another`),
      );
      const res = await api.deliverables[':id'].$get({ param: { id: ids[0]! } });
      expect(res.status, server.output()).toBe(200);

      // The workers and the alert scan's process: none outlives the primary.
      const children = childrenOf(primary);
      expect(children.filter(isScanProcess)).toHaveLength(1);
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      expect(await exited, server.output()).toBe(0);
      expect(server.output()).toContain('stopped');
      for (const pid of children) expect(fs.existsSync(`/proc/${pid}`), `child ${pid}`).toBe(false);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
