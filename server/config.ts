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
  APP_URL: z
    .string()
    .url()
    .default('http://localhost:8787')
    .transform((v) => v.replace(/\/+$/, '')),
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
  /** Seconds a stopping server waits for requests in flight and a running alert step. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
});

export type Config = z.infer<typeof configSchema> & {
  /** Whether APP_URL was given: when it was not, the server answers to loopback names only. */
  APP_URL_SET: boolean;
};

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
  return { ...parsed.data, APP_URL_SET: cleaned.APP_URL !== undefined };
}
