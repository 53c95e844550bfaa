import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';

/** `true`/`1` or `false`/`0`, off unless set. */
const booleanSetting = () =>
  z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/sponsorcal.db'),
  /** Unset: derived from the address the server listens on (see `derivedAppUrl`). */
  APP_URL: z
    .string()
    .url()
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'Expected smtp://user:pass@host:port or smtps://…')
    .optional(),
  /** From address of alert e-mails; defaults to sponsorcal@<APP_URL host>. */
  SMTP_FROM: z.string().optional(),
  ALERT_CRON: z.string().default('* * * * *'),
  /** `true` behind a reverse proxy you run: the client address comes from X-Forwarded-For. */
  TRUST_PROXY: booleanSetting(),
  /** Seconds a sender holds a claimed delivery before another may retry it (after a crash). */
  ALERT_DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /**
   * Further host names the server answers to, beside APP_URL's (comma-separated,
   * e.g. `cal.example.com,sponsorcal.lan`): a request naming any other host is refused.
   */
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'Expected host names without scheme or port'),
      ),
    ),
  /** `true` lets webhook channels reach loopback, link-local and private addresses (a LAN chat server). */
  WEBHOOK_ALLOW_PRIVATE: booleanSetting(),
  /**
   * Signs the addresses of public invoice links (at least 32 characters). Unset: a random
   * secret kept in `secret.key` beside the SQLite file (or in ./data).
   */
  APP_SECRET: z.string().min(32, 'At least 32 characters').optional(),
  /**
   * Server processes sharing the port (Node's cluster): one per core. Above 1, a primary
   * process migrates the database, runs the alert and backup jobs, and hands each new
   * connection to the next worker; the workers answer requests.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Seconds a stopping server waits for requests in flight and a running alert step. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** When to back up the SQLite file (cron expression, e.g. `0 3 * * *`); unset: never. */
  BACKUP_CRON: z
    .string()
    .refine((v) => cron.validate(v), 'Not a valid cron expression (e.g. "0 3 * * *": 03:00 daily)')
    .optional(),
  /** Where scheduled backups go. Unset: `backups` beside the SQLite file. */
  BACKUP_DIR: z.string().optional(),
  /** How many scheduled backups to keep; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(7),
});

/** Every environment variable the server reads as a setting (the compose test checks against it). */
export const SETTING_NAMES = configSchema.keyof().options;

export type Config = Omit<z.infer<typeof configSchema>, 'APP_URL' | 'BACKUP_DIR'> & {
  /** Where scheduled backups go (an absolute path). */
  BACKUP_DIR: string;
  /**
   * The public URL links name: APP_URL as given, else derived from HOST and PORT
   * (`index.ts` derives it again from the port actually bound when PORT is 0).
   */
  APP_URL: string;
  /** Whether APP_URL was given: when it was not, the server answers to loopback names only. */
  APP_URL_SET: boolean;
};

/**
 * The URL a server listening on `host`:`port` is reached at, for links when APP_URL is
 * unset: `localhost` for loopback and wildcard addresses (the name the start-up line
 * shows), else the address itself. The request's `Host` is not used: links are also made
 * where there is no request (alert e-mails, invoice reminders), and a name chosen by
 * whoever asked must not end up in links sent to others.
 */
export function derivedAppUrl(host: string, port: number): string {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  const local = ['0.0.0.0', '::', 'localhost', '::1'].includes(name) || name.startsWith('127.');
  const shown = local ? 'localhost' : name.includes(':') ? `[${name}]` : name;
  return `http://${shown}:${port}`;
}

/** Reads configuration from the environment; a bad value stops start-up with a clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const { APP_URL, BACKUP_DIR, ...rest } = parsed.data;
  const sqliteFile = /^sqlite:(?!:memory:$)(.+)$/.exec(rest.DATABASE_URL)?.[1];
  if (rest.BACKUP_CRON && !sqliteFile) {
    // Scheduled backups copy a SQLite file; a PostgreSQL server is backed up with its own tools.
    throw new Error(
      'Invalid configuration: BACKUP_CRON: scheduled backups copy a SQLite database file; on PostgreSQL leave BACKUP_CRON unset and back up with pg_dump (see docs/operating.md).',
    );
  }
  return {
    ...rest,
    BACKUP_DIR: path.resolve(
      BACKUP_DIR ?? (sqliteFile ? path.join(path.dirname(sqliteFile), 'backups') : 'backups'),
    ),
    APP_URL: APP_URL ?? derivedAppUrl(rest.HOST, rest.PORT),
    APP_URL_SET: APP_URL !== undefined,
  };
}
