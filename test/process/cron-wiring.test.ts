import { describe, expect, it } from 'vitest';
import {
  apiClient,
  createDeal,
  createDeliverable,
  useProcessScope,
  EVERY_SECOND,
  getHealth,
  listAllAlerts,
  setUpOwner,
  waitFor,
} from './support';

const scope = useProcessScope();

describe('ALERT_CRON wiring (real server process)', () => {
  it('raises an alert for a deliverable created after start-up on the next scheduled run', async () => {
    const server = await scope().start({ ALERT_CRON: EVERY_SECOND });
    const api = apiClient(server.url, await setUpOwner(server.url));
    const { dealId } = await createDeal(api);

    // The start-up run has happened (or is happening) on an empty calendar: only a
    // scheduled run can see this deliverable.
    const startUpFinishedAt = await waitFor(
      'the start-up run to finish',
      // Null until it has: keep waiting (waitFor stops at anything but undefined or false).
      async () => (await getHealth(server.url)).scheduler.lastRunFinishedAt ?? undefined,
    );
    const createdAt = new Date();
    const deliverable = await createDeliverable(api, {
      dealId,
      title: 'Unboxing video',
      publishAt: new Date(createdAt.getTime() + 2 * 60_000),
    });

    const alert = await waitFor(
      'a publish_due_soon alert raised by a scheduled run',
      async () =>
        (await listAllAlerts(api)).items.find(
          (a) => a.rule === 'publish_due_soon' && a.subjectId === deliverable.id,
        ),
      { intervalMs: 200 },
    ).catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${scope().logs()}`,
      );
    });

    expect(alert.dueAt).toBe(deliverable.publishAt);
    // Stamped with its run's start: a run after the start-up one (runs never overlap). Not a
    // bound against the deliverable's creation: on a loaded machine a run that started just
    // before it may read the calendar well after.
    expect(Date.parse(alert.createdAt)).toBeGreaterThanOrEqual(Date.parse(startUpFinishedAt));
    const alerts = (await listAllAlerts(api)).items;
    expect(alerts.filter((a) => a.subjectId === deliverable.id).map((a) => a.rule)).toEqual([
      'publish_due_soon',
    ]);
  });

  it('reports the scheduler as ok in /api/health, with its last run moving on', async () => {
    const server = await scope().start({ ALERT_CRON: EVERY_SECOND });

    const first = await waitFor('a finished scheduler run', async () => {
      const health = await getHealth(server.url);
      return health.scheduler.lastRunFinishedAt ? health : undefined;
    });
    expect(first.status).toBe('ok');
    expect(first.scheduler).toMatchObject({ status: 'ok', running: true, lastError: null });

    const later = await waitFor(
      'lastRunFinishedAt to advance twice',
      async () => {
        const health = await getHealth(server.url);
        const finished = Date.parse(health.scheduler.lastRunFinishedAt ?? '');
        return finished >= Date.parse(first.scheduler.lastRunFinishedAt!) + 1500
          ? health
          : undefined;
      },
      { intervalMs: 200 },
    );
    expect(later.scheduler).toMatchObject({ status: 'ok', running: true, lastError: null });
    expect(Date.parse(later.scheduler.lastRunStartedAt!)).toBeGreaterThan(
      Date.parse(first.scheduler.lastRunStartedAt!),
    );
    expect(later.deliveries).toEqual({ pending: 0, failed: 0 });
  });
});
