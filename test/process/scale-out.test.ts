import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password';
import { insertUser } from '../../server/db/queries/users';
import { newId } from '../../server/ids';
import { TEST_ENGINE } from '../support/database';
import {
  alertKeys,
  apiClient,
  countBy,
  EVERY_SECOND,
  getHealth,
  OWNER,
  prepareWorkspace,
  readOutbox,
  seedDueDeliverables,
  setUpOwner,
  waitFor,
  trackProcessScopes,
} from './support';

const processScope = trackProcessScopes();

const INSTANCES = 3;

describe(`${INSTANCES} server instances on one ${TEST_ENGINE} database`, () => {
  it('all start at once on an empty database: each migration is applied once and every instance is healthy', async () => {
    const scope = await processScope({ migrate: false });
    const servers = await Promise.all(Array.from({ length: INSTANCES }, () => scope.start()));
    for (const server of servers) expect((await getHealth(server.url)).status).toBe('ok');

    const handle = scope.openDb();
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(handle.db);
    const names = applied.rows.map((r) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('0001_initial');
  });

  it('raise each alert once and deliver each e-mail and webhook once, counted at real receivers', async () => {
    const scope = await processScope();
    const receiver = await scope.receiver({ delayMs: 3 });
    const mail = await scope.mailReceiver();
    const workspace = await prepareWorkspace(scope, receiver.url);
    // Two people get alert e-mail: the owner and an editor.
    const now = new Date();
    const passwordHash = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    for (const [email, role] of [
      ['owner@example.com', 'owner'],
      ['editor@example.com', 'editor'],
    ] as const) {
      await insertUser(
        workspace.handle.db,
        { id: newId(), email, name: email, role, passwordHash, timeZone: null },
        now,
      );
    }
    const { expectedKeys } = await seedDueDeliverables(workspace, 40);

    const servers = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        scope.start({
          ALERT_CRON: EVERY_SECOND,
          SMTP_URL: mail.url,
          SMTP_FROM: 'Sponsorcal <alerts@example.com>',
        }),
      ),
    );
    const expectedWebhooks = expectedKeys.length;
    const expectedMails = expectedKeys.length * 2;
    await waitFor(
      'every webhook and e-mail received and the outbox empty',
      async () => {
        if (receiver.countsByKey().size < expectedWebhooks) return false;
        if (new Set(mail.received.map((m) => m.deliveryId)).size < expectedMails) return false;
        const health = await Promise.all(servers.map((s) => getHealth(s.url)));
        return health.every((h) => h.deliveries.pending === 0);
      },
      { intervalMs: 250 },
    );
    await Promise.all(servers.map((s) => s.stop('SIGTERM')));

    const { alerts, deliveries } = await readOutbox(workspace.handle);
    expect(alertKeys(alerts)).toEqual(expectedKeys);
    expect(countBy(deliveries.map((d) => d.status))).toEqual(
      new Map([['sent', expectedWebhooks + expectedMails]]),
    );

    const webhookIds = deliveries
      .filter((d) => d.channelType === 'webhook')
      .map((d) => d.id)
      .sort();
    expect([...receiver.countsByKey().keys()].sort()).toEqual(webhookIds);
    expect(receiver.received).toHaveLength(expectedWebhooks);

    const mailIds = deliveries
      .filter((d) => d.channelType === 'email')
      .map((d) => d.id)
      .sort();
    expect([...new Set(mail.received.map((m) => m.deliveryId))].sort()).toEqual(mailIds);
    expect(mail.received).toHaveLength(expectedMails);

    // The work really was shared: more than one instance sent something.
    const senders = servers.filter((s) => /deliveries: [1-9]\d* sent/.test(s.output()));
    console.log(
      `${INSTANCES} instances on ${TEST_ENGINE}: ${senders.length} of them sent deliveries`,
    );
  });

  it('share sessions and login throttling: state lives in the database, not in one process', async () => {
    const scope = await processScope();
    const servers = await Promise.all(Array.from({ length: INSTANCES }, () => scope.start()));
    const [a, b, c] = servers.map((s) => s.url) as [string, string, string];

    const cookie = await setUpOwner(a);
    expect((await apiClient(b, cookie).auth.me.$get()).status).toBe(200);
    expect((await apiClient(c, cookie).auth.me.$get()).status).toBe(200);
    expect((await apiClient(b, cookie).auth.logout.$post()).status).toBe(204);
    expect((await apiClient(a, cookie).auth.me.$get()).status).toBe(401);
    expect((await apiClient(c, cookie).auth.me.$get()).status).toBe(401);

    // Five wrong passwords, spread over the instances, lock the account on all of them.
    for (let i = 0; i < 5; i++) {
      const url = servers[i % servers.length]!.url;
      const wrong = await apiClient(url).auth.login.$post({
        json: { email: OWNER.email, password: 'not the password' },
      });
      expect(wrong.status).toBe(401);
    }
    for (const url of [a, b, c]) {
      const locked = await apiClient(url).auth.login.$post({
        json: { email: OWNER.email, password: OWNER.password },
      });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
