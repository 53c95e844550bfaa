import path from 'node:path';
import { isLoopbackName } from './security/hosts';

/** What start-up reports, read from the configuration and the address really bound. */
export interface StartupFacts {
  /** HOST as configured. */
  host: string;
  /** The port bound (PORT=0 picks one). */
  port: number;
  /** The URL links name: APP_URL, or derived from the bound address. */
  appUrl: string;
  /** Whether APP_URL was given. */
  appUrlSet: boolean;
  databaseUrl: string;
  smtpUrl?: string;
  /** The sender address alert e-mails go out from. */
  smtpFrom: string;
  alertCron: string;
  /** BACKUP_CRON, BACKUP_DIR and how many backups are kept, when the configuration has them. */
  backupCron?: string;
  backupDir?: string;
  backupKeep?: number;
  trustProxy: boolean;
  /** WORKERS: server processes answering requests. */
  workers?: number;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * One line per setting an operator checks after a start (where it listens, which URL
 * links name, which database, whether e-mail, the alert schedule, backups and the
 * proxy setting), then a warning for each way APP_URL does not fit the address bound.
 * Never a password: database and SMTP addresses are shown without their credentials
 * and query strings (a PostgreSQL URL may carry `?password=`).
 */
export function startupLines(facts: StartupFacts): string[] {
  const wildcard = WILDCARD.has(facts.host);
  const listening = `http://${wildcard || isLoopbackName(facts.host) ? 'localhost' : bracketed(facts.host)}:${facts.port}`;
  return [
    `Sponsorcal is listening on ${listening}${wildcard ? ` (HOST ${facts.host}: every address of this machine)` : ''}`,
    facts.appUrlSet
      ? `Links use ${facts.appUrl} (APP_URL)`
      : `Links use ${facts.appUrl}; set APP_URL to change`,
    `Database: ${describeDatabase(facts.databaseUrl)}`,
    facts.smtpUrl
      ? `E-mail: on, through ${describeSmtp(facts.smtpUrl)}, from ${facts.smtpFrom}`
      : 'E-mail: off (SMTP_URL unset): no alert e-mails, invoices or reminders go out',
    `Alerts: checked on "${facts.alertCron}" (ALERT_CRON)`,
    facts.backupCron
      ? `Backups: on "${facts.backupCron}"${facts.backupDir ? ` into ${path.resolve(facts.backupDir)}` : ''}${facts.backupKeep ? `, keeping the newest ${facts.backupKeep}` : ''}`
      : 'Backups: off (BACKUP_CRON unset)',
    facts.trustProxy
      ? 'Trust proxy: on (client address, host and scheme from X-Forwarded-* headers)'
      : 'Trust proxy: off (client address from the connection)',
    ...((facts.workers ?? 1) > 1
      ? [`Workers: ${facts.workers} processes answer requests (WORKERS); this one runs the jobs`]
      : []),
    ...appUrlWarnings(facts).map((warning) => `Warning: ${warning}`),
  ];
}

/**
 * Where APP_URL and the address bound disagree in a way that breaks links. Behind a
 * proxy or a container's port mapping APP_URL rightly names another host and port
 * (a container listens on 0.0.0.0 and is opened at localhost:<mapped port>), so only
 * what cannot be right is said: links to a loopback port nothing here listens on
 * (the server itself on loopback, no proxy), links derived from a wildcard or LAN
 * address the server then refuses (APP_URL unset), and links that go out over plain
 * HTTP to another machine.
 */
export function appUrlWarnings(
  facts: Pick<StartupFacts, 'host' | 'port' | 'appUrl' | 'appUrlSet' | 'trustProxy'>,
): string[] {
  const url = new URL(facts.appUrl);
  const loopbackUrl = isLoopbackName(url.hostname);
  const loopbackHost = isLoopbackName(facts.host);
  const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const warnings: string[] = [];
  if (!facts.appUrlSet && !loopbackHost) {
    warnings.push(
      `APP_URL is unset while the server listens on ${facts.host}: links name ${facts.appUrl} and the server answers only to localhost. Set APP_URL to the address people open (https://…).`,
    );
  }
  // A proxy on this machine may forward APP_URL's port to ours; TRUST_PROXY says there is one.
  if (
    facts.appUrlSet &&
    loopbackUrl &&
    loopbackHost &&
    urlPort !== facts.port &&
    !facts.trustProxy
  ) {
    warnings.push(
      `APP_URL names port ${urlPort} of this machine, but the server listens on port ${facts.port}: links will not reach it. Set APP_URL to http://localhost:${facts.port}, or PORT to ${urlPort}.`,
    );
  }
  if (facts.appUrlSet && url.protocol !== 'https:' && !loopbackUrl) {
    warnings.push(
      `APP_URL ${facts.appUrl} is plain HTTP: links in e-mails and sign-ins travel unencrypted and the session cookie is not Secure. Put HTTPS in front (docs/operating.md) and set APP_URL to https://….`,
    );
  }
  return warnings;
}

/**
 * The database a `DATABASE_URL` names, for a log line: the SQLite file's full path, or
 * PostgreSQL's host, port, database and user. Never the password or the query string.
 */
export function describeDatabase(databaseUrl: string): string {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    return file === '' || file === ':memory:'
      ? 'SQLite in memory (nothing is kept after a stop)'
      : `SQLite ${path.resolve(file)}`;
  }
  try {
    const url = new URL(databaseUrl);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
    const where = url.hostname ? `${url.hostname}:${url.port || 5432}` : 'the local socket';
    const user = url.username ? `, user ${decodeURIComponent(url.username)}` : '';
    return `PostgreSQL, database ${database} on ${where}${user}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** `smtp.example.com:587 (smtp)` for an SMTP_URL: host and port, never the user or password. */
export function describeSmtp(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    return `${url.hostname}:${url.port || (secure ? 465 : 587)} (${secure ? 'smtps, TLS' : 'smtp'})`;
  } catch {
    return 'the SMTP server in SMTP_URL';
  }
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
