import { describe, expect, it } from 'vitest';
import {
  apiClient,
  createDeal,
  createDeliverable,
  ONCE_A_YEAR,
  setUpOwner,
  useProcessScope,
  waitFor,
} from './support';

const scope = useProcessScope();

describe('APP_URL unset (real server process)', () => {
  it('names the port it listens on at start-up and in the links it makes', async () => {
    // PORT=0: the system picks a free port, known only once the server listens.
    const server = await scope().start();
    const origin = `http://localhost:${server.port}`;
    const line = await waitFor(
      'the start-up line naming the link URL',
      () => server.output().match(/^Links use .*$/m)?.[0],
    );
    expect(line).toBe(`Links use ${origin}; set APP_URL to change`);

    const api = apiClient(server.url, await setUpOwner(server.url));
    const inviteAnswer = await api.invites.$post({ json: { role: 'editor' } });
    expect(inviteAnswer.status).toBe(201);
    const invite = (await inviteAnswer.json()) as { url: string; token: string };
    expect(invite.url).toBe(`${origin}/invite/${invite.token}`);

    const { dealId } = await createDeal(api);
    const deliverable = await createDeliverable(api, { dealId, title: 'Unboxing video' });
    const moved = await api.deliverables[':id'].$patch({
      param: { id: deliverable.id },
      json: { status: 'in_review', version: deliverable.version },
    });
    expect(moved.status).toBe(200);
    const reviewAnswer = await api.deliverables[':id']['review-links'].$post({
      param: { id: deliverable.id },
      json: {},
    });
    expect(reviewAnswer.status).toBe(201);
    const review = (await reviewAnswer.json()) as { url: string; token: string };
    expect(review.url).toBe(`${origin}/review/${review.token}`);
    // The link leads to the review page's read on this very server.
    const opened = await fetch(`${server.url}/api/review/${review.token}`);
    expect(opened.status).toBe(200);
  });

  it('prints one line per setting that matters, never a password, and warns when APP_URL names another port of this machine', async () => {
    // PostgreSQL here trusts local connections, so a password in the URL is accepted unread.
    const postgres = scope().databaseUrl.startsWith('postgres');
    const databaseUrl = new URL(scope().databaseUrl);
    if (postgres) databaseUrl.password = 'Pg-Secret-123';
    const server = await scope().start({
      ...(postgres ? { DATABASE_URL: databaseUrl.href } : {}),
      APP_URL: 'http://localhost:1',
      // Nothing is sent at start-up: the address only has to be shown.
      SMTP_URL: 'smtp://alerts:Smtp-Secret-456@127.0.0.1:2525',
      ALERT_CRON: ONCE_A_YEAR,
    });
    await waitFor('the warning after the start-up lines', () =>
      server.output().includes('Warning: '),
    );
    const output = server.output();
    const from = output.indexOf('Sponsorcal is listening on');
    const lines = output.slice(from).split('\n').slice(0, 8);
    expect(lines).toEqual([
      `Sponsorcal is listening on http://localhost:${server.port}`,
      'Links use http://localhost:1 (APP_URL)',
      postgres
        ? `Database: PostgreSQL, database ${databaseUrl.pathname.slice(1)} on 127.0.0.1:${databaseUrl.port}, user postgres`
        : `Database: SQLite ${scope().databaseUrl.slice('sqlite:'.length)}`,
      'E-mail: on, through 127.0.0.1:2525 (smtp), from Sponsorcal <sponsorcal@localhost.localdomain>',
      `Alerts: checked on "${ONCE_A_YEAR}" (ALERT_CRON)`,
      'Backups: off (BACKUP_CRON unset)',
      'Trust proxy: off (client address from the connection)',
      `Warning: APP_URL names port 1 of this machine, but the server listens on port ${server.port}: links will not reach it. Set APP_URL to http://localhost:${server.port}, or PORT to 1.`,
    ]);
    expect(output).not.toContain('Smtp-Secret-456');
    expect(output).not.toContain('Pg-Secret-123');
  });

  it('uses APP_URL as given and says so', async () => {
    const server = await scope().start({ APP_URL: 'https://cal.example.com/' });
    await waitFor('the start-up line naming the link URL', () =>
      server.output().includes('Links use https://cal.example.com (APP_URL)'),
    );
  });
});
