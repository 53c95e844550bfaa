import { describe, expect, it } from 'vitest';
import { insertDeliverable } from '../../server/db/queries/deliverables';
import type { ServerProcess } from '../e2e/server';
import {
  alertKeys,
  apiClient,
  createDeal,
  createDeliverable,
  createJsonChannel,
  useProcessScope,
  getHealth,
  hasValidSignature,
  listAllAlerts,
  ONCE_A_YEAR,
  OWNER,
  prepareWorkspace,
  setUpOwner,
  waitFor,
  waitUntilPast,
} from './support';

const scope = useProcessScope();

/** A server whose only alert run is the one at start-up; resolves once that run has finished. */
async function startAndCatchUp(env: Record<string, string> = {}): Promise<ServerProcess> {
  const before = new Date().toISOString();
  const server = await scope().start({ ALERT_CRON: ONCE_A_YEAR, ...env });
  await waitFor('the start-up alert run to finish', async () => {
    const { scheduler } = await getHealth(server.url);
    return scheduler.lastRunFinishedAt !== null && scheduler.lastRunFinishedAt >= before;
  });
  return server;
}

async function stopGracefully(server: ServerProcess): Promise<void> {
  await server.stop('SIGTERM');
  expect(server.process.exitCode, server.output()).toBe(0);
}

/** Waits for an empty outbox with nothing failed, and for `arrived` (what the receivers have) to hold. */
async function waitForDeliveries(server: ServerProcess, arrived: () => boolean) {
  await waitFor('the outbox to drain into the receivers', async () => {
    const { deliveries } = await getHealth(server.url);
    expect(deliveries.failed, scope().logs()).toBe(0);
    return deliveries.pending === 0 && arrived();
  });
}

describe('alert catch-up after downtime (real restarts on one SQLite file)', () => {
  it('raises what fell due while the server was down on the next start, as overdue only, and once', async () => {
    const receiver = await scope().receiver();
    const mail = await scope().mailReceiver();
    const env = { SMTP_URL: mail.url };
    const first = await startAndCatchUp(env);
    const cookie = await setUpOwner(first.url);
    let api = apiClient(first.url, cookie);
    const { dealId } = await createDeal(api);
    const { secret } = await createJsonChannel(api, receiver.url);

    const t0 = Date.now();
    const draftDueAt = new Date(t0 + 4000);
    const publishAt = new Date(t0 + 60 * 60_000);
    const waiting = await Promise.all(
      [1, 2, 3].map((n) =>
        createDeliverable(api, { dealId, title: `Reel ${n}`, draftDueAt, publishAt }),
      ),
    );
    // Both moments pass while the server is down.
    const lapsed = await createDeliverable(api, {
      dealId,
      title: 'Story',
      draftDueAt: new Date(t0 + 3000),
      publishAt: new Date(t0 + 4000),
    });

    // Only the start-up run happens with this cron, and it ran before these existed.
    expect((await listAllAlerts(api)).items).toEqual([]);
    await stopGracefully(first);
    await waitUntilPast(draftDueAt);

    const second = await startAndCatchUp(env);
    api = apiClient(second.url, cookie);
    const afterCatchUp = (await listAllAlerts(api)).items;
    expect(alertKeys(afterCatchUp)).toEqual(
      alertKeys([
        ...waiting.flatMap((d) => [
          { rule: 'draft_overdue', subjectId: d.id, dueAt: d.draftDueAt! },
          { rule: 'publish_due_soon', subjectId: d.id, dueAt: d.publishAt! },
        ]),
        { rule: 'draft_overdue', subjectId: lapsed.id, dueAt: lapsed.draftDueAt! },
        { rule: 'publish_overdue', subjectId: lapsed.id, dueAt: lapsed.publishAt! },
      ]),
    );
    expect(afterCatchUp.every((a) => a.resolvedAt === null)).toBe(true);
    expect(
      afterCatchUp
        .filter((a) => a.rule === 'draft_overdue')
        .every((a) => a.severity === 'critical'),
    ).toBe(true);
    const alertCount = afterCatchUp.length;
    await waitForDeliveries(
      second,
      () => receiver.received.length >= alertCount && mail.received.length >= alertCount,
    );
    await stopGracefully(second);

    const third = await startAndCatchUp(env);
    api = apiClient(third.url, cookie);
    const afterRestart = await listAllAlerts(api);
    expect(afterRestart.items.map((a) => a.id).sort()).toEqual(
      afterCatchUp.map((a) => a.id).sort(),
    );
    expect(afterRestart.openCount).toBe(afterCatchUp.length);
    expect((await getHealth(third.url)).scheduler.lastRunAlertsRaised).toBe(0);
    await waitForDeliveries(third, () => true);
    await stopGracefully(third);

    // One webhook and one e-mail (to the owner, the only editor) per alert; none sent again by the restart.
    const deliveries = afterRestart.items.flatMap((a) => a.deliveries);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    const webhookIds = deliveries.filter((d) => d.channelType === 'webhook').map((d) => d.id);
    const emailIds = deliveries.filter((d) => d.channelType === 'email').map((d) => d.id);
    expect(webhookIds).toHaveLength(alertCount);
    expect(emailIds).toHaveLength(alertCount);
    expect(receiver.received.map((r) => r.key).sort()).toEqual(webhookIds.sort());
    expect(receiver.received.every((r) => hasValidSignature(r, secret))).toBe(true);
    expect(mail.received.map((m) => m.deliveryId).sort()).toEqual(emailIds.sort());
    expect(mail.received.every((m) => m.messageId === `<${m.deliveryId}@sponsorcal>`)).toBe(true);
    expect(mail.received.every((m) => m.to.join() === OWNER.email)).toBe(true);
  });

  it('resolves a due-soon alert whose moment passed during downtime and raises the overdue one instead', async () => {
    const receiver = await scope().receiver();
    const workspace = await prepareWorkspace(scope(), receiver.url);
    // The draft falls due between the two starts. How far ahead that must be depends on how
    // long a start takes on this machine now: measured with a start of its own, then tripled.
    const probeStarted = Date.now();
    await stopGracefully(await startAndCatchUp());
    const margin = Math.max(10_000, 3 * (Date.now() - probeStarted));
    const deliverable = await insertDeliverable(
      workspace.handle.db,
      {
        dealId: workspace.dealId,
        title: 'Launch post',
        platform: 'tiktok',
        draftDueAt: new Date(Date.now() + margin).toISOString(),
        publishAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(),
      },
      new Date(),
    );

    const first = await startAndCatchUp();
    const cookie = await setUpOwner(first.url);
    let api = apiClient(first.url, cookie);
    const lastRun = (await getHealth(first.url)).scheduler.lastRunStartedAt!;
    expect(
      lastRun < deliverable.draftDueAt!,
      'the start took so long that the draft was already due',
    ).toBe(true);
    const beforeDowntime = (await listAllAlerts(api)).items;
    expect(alertKeys(beforeDowntime)).toEqual(
      alertKeys([
        { rule: 'draft_due_soon', subjectId: deliverable.id, dueAt: deliverable.draftDueAt! },
        { rule: 'publish_due_soon', subjectId: deliverable.id, dueAt: deliverable.publishAt! },
      ]),
    );
    await waitForDeliveries(first, () => receiver.received.length >= 2);
    await stopGracefully(first);

    await waitUntilPast(new Date(deliverable.draftDueAt!));
    const second = await startAndCatchUp();
    api = apiClient(second.url, cookie);
    const afterDowntime = await listAllAlerts(api);
    const byRule = new Map(afterDowntime.items.map((a) => [a.rule, a]));
    expect([...byRule.keys()].sort()).toEqual([
      'draft_due_soon',
      'draft_overdue',
      'publish_due_soon',
    ]);
    expect(afterDowntime.items).toHaveLength(3);
    expect(byRule.get('draft_due_soon')!.resolvedAt).not.toBeNull();
    expect(byRule.get('draft_overdue')).toMatchObject({
      dueAt: deliverable.draftDueAt,
      resolvedAt: null,
    });
    expect(byRule.get('publish_due_soon')!.resolvedAt).toBeNull();
    expect(afterDowntime.openCount).toBe(2);
    await waitForDeliveries(second, () => receiver.received.length >= 3);
    await stopGracefully(second);
    expect([...receiver.countsByKey().values()]).toEqual([1, 1, 1]);
  });
});
