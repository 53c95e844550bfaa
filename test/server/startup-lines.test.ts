import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appUrlWarnings,
  describeDatabase,
  startupLines,
  type StartupFacts,
} from '../../server/startup-lines';

const DEFAULTS: StartupFacts = {
  host: '127.0.0.1',
  port: 8787,
  appUrl: 'http://localhost:8787',
  appUrlSet: false,
  databaseUrl: 'sqlite:./data/sponsorcal.db',
  smtpFrom: 'Sponsorcal <sponsorcal@localhost.localdomain>',
  alertCron: '* * * * *',
  trustProxy: false,
};

describe('startupLines', () => {
  it('says one line per setting for the defaults, and warns of nothing', () => {
    expect(startupLines(DEFAULTS)).toEqual([
      'Sponsorcal is listening on http://localhost:8787',
      'Links use http://localhost:8787; set APP_URL to change',
      `Database: SQLite ${path.resolve('data/sponsorcal.db')}`,
      'E-mail: off (SMTP_URL unset): no alert e-mails, invoices or reminders go out',
      'Alerts: checked on "* * * * *" (ALERT_CRON)',
      'Backups: off (BACKUP_CRON unset)',
      'Trust proxy: off (client address from the connection)',
    ]);
  });

  it('describes a production setup behind a proxy without a secret in any line', () => {
    const lines = startupLines({
      host: '127.0.0.1',
      port: 3000,
      appUrl: 'https://cal.example.com',
      appUrlSet: true,
      databaseUrl:
        'postgres://sponsorcal:pg-Secret%21@db.internal:6432/calendar?sslmode=require&password=qs-Secret',
      smtpUrl: 'smtps://mailer:smtp-Secret@smtp.example.com?pool=true',
      smtpFrom: 'Sponsorcal <cal@example.com>',
      alertCron: '*/5 * * * *',
      backupCron: '0 3 * * *',
      backupDir: '/var/backups/sponsorcal',
      backupKeep: 14,
      trustProxy: true,
    });
    expect(lines).toEqual([
      'Sponsorcal is listening on http://localhost:3000',
      'Links use https://cal.example.com (APP_URL)',
      'Database: PostgreSQL, database calendar on db.internal:6432, user sponsorcal',
      'E-mail: on, through smtp.example.com:465 (smtps, TLS), from Sponsorcal <cal@example.com>',
      'Alerts: checked on "*/5 * * * *" (ALERT_CRON)',
      'Backups: on "0 3 * * *" into /var/backups/sponsorcal, keeping the newest 14',
      'Trust proxy: on (client address, host and scheme from X-Forwarded-* headers)',
    ]);
    const text = lines.join('\n');
    for (const secret of ['pg-Secret', 'qs-Secret', 'smtp-Secret', 'mailer', 'sslmode', 'pool'])
      expect(text).not.toContain(secret);
  });

  it('says how many workers answer requests when there are several', () => {
    expect(startupLines({ ...DEFAULTS, workers: 3 }).at(-1)).toBe(
      'Workers: 3 processes answer requests (WORKERS); this one runs the jobs',
    );
    expect(startupLines({ ...DEFAULTS, workers: 1 }).join('\n')).not.toContain('Workers');
  });

  it('names a wildcard listener and appends each warning as its own line', () => {
    const lines = startupLines({ ...DEFAULTS, host: '0.0.0.0' });
    expect(lines[0]).toBe(
      'Sponsorcal is listening on http://localhost:8787 (HOST 0.0.0.0: every address of this machine)',
    );
    expect(lines.at(-1)).toMatch(
      /^Warning: APP_URL is unset while the server listens on 0\.0\.0\.0/,
    );
  });
});

describe('describeDatabase', () => {
  it.each([
    ['sqlite::memory:', 'SQLite in memory (nothing is kept after a stop)'],
    ['sqlite:/srv/data/cal.db', 'SQLite /srv/data/cal.db'],
    ['postgresql://db/cal', 'PostgreSQL, database cal on db:5432'],
    ['postgres:///cal?host=/run/postgresql', 'PostgreSQL, database cal on the local socket'],
    ['postgres://u:p@[::1]:5433/', 'PostgreSQL, database (default database) on [::1]:5433, user u'],
  ])('%s → %s', (url, expected) => {
    expect(describeDatabase(url)).toBe(expected);
  });
});

describe('appUrlWarnings', () => {
  const warn = (facts: Partial<StartupFacts>) => appUrlWarnings({ ...DEFAULTS, ...facts });

  it('says nothing when APP_URL fits the address bound, or a proxy or port mapping sits between', () => {
    expect(warn({ appUrl: 'http://localhost:8787', appUrlSet: true })).toEqual([]);
    expect(warn({ appUrl: 'http://127.0.0.1:8787/', appUrlSet: true })).toEqual([]);
    // A reverse proxy: the public HTTPS name, the app on loopback.
    expect(warn({ appUrl: 'https://cal.example.com', appUrlSet: true, port: 3000 })).toEqual([]);
    // A container: listens on every address of its own, opened at the mapped port of the host.
    expect(
      warn({ host: '0.0.0.0', port: 3000, appUrl: 'http://localhost:8080', appUrlSet: true }),
    ).toEqual([]);
    // A proxy on this machine forwards its port to ours (TRUST_PROXY says there is one).
    expect(warn({ appUrl: 'http://localhost', appUrlSet: true, trustProxy: true })).toEqual([]);
  });

  it('warns when APP_URL names a loopback port nothing here listens on', () => {
    expect(warn({ appUrl: 'http://localhost:3000', appUrlSet: true })).toEqual([
      'APP_URL names port 3000 of this machine, but the server listens on port 8787: links will not reach it. Set APP_URL to http://localhost:8787, or PORT to 3000.',
    ]);
    expect(warn({ appUrl: 'http://127.0.0.1', appUrlSet: true })).toHaveLength(1);
  });

  it('warns when APP_URL is unset while others may connect: links name an address the server refuses', () => {
    expect(warn({ host: '0.0.0.0' })).toEqual([
      'APP_URL is unset while the server listens on 0.0.0.0: links name http://localhost:8787 and the server answers only to localhost. Set APP_URL to the address people open (https://…).',
    ]);
    expect(warn({ host: '192.168.1.20', appUrl: 'http://192.168.1.20:8787' })).toHaveLength(1);
  });

  it('warns when links go to another machine over plain HTTP', () => {
    expect(warn({ host: '0.0.0.0', appUrl: 'http://cal.lan:8787', appUrlSet: true })).toEqual([
      'APP_URL http://cal.lan:8787 is plain HTTP: links in e-mails and sign-ins travel unencrypted and the session cookie is not Secure. Put HTTPS in front (docs/operating.md) and set APP_URL to https://….',
    ]);
  });
});
