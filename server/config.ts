import { z } from 'zod';

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
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Seconds a sender holds a claimed delivery before another may retry it (after a crash). */
  ALERT_DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
});

export type Config = z.infer<typeof configSchema>;

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
  return parsed.data;
}
