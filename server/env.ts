import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, UserRow } from './db/schema';
import type { ScryptCost } from './auth/password';
import type { Mailer } from './invoices/mailer';
import type { Turn } from './turns';

export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Pick<Config, 'APP_URL'>;
  passwordCost: ScryptCost;
  /** What this process knows of the scheduler, for /api/health. */
  scheduler?: { running: boolean; intervalMs: number };
  trustProxy: boolean;
  /** Whether alert e-mail can go out (SMTP_URL is set). */
  emailConfigured: boolean;
  /** Webhooks may reach loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate: boolean;
  /** Signs public links' addresses: invoices, unsubscribe (see security/link-secret.ts). */
  linkSecret: Buffer;
  /** Sends invoices to payers (SMTP_URL); null: e-mail is not set up. */
  mailer: Mailer | null;
}

/** Hono's environment for every route: the signed-in user, when there is one. */
export interface AppEnv {
  /** What the HTTP server passes each request (absent in `app.request` tests). */
  Bindings: {
    /** The request's turn (turns.ts): a long request gives way between its steps. */
    turn?: Turn;
  };
  Variables: {
    user: UserRow | null;
    /** The hashed session id, when the caller came with a session cookie. */
    sessionId: string | null;
    /** The API token's id, when the caller came with `Authorization: Bearer`. */
    apiTokenId: string | null;
  };
}
