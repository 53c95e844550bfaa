import cron, { type Logger } from 'node-cron';
import type { Kysely } from 'kysely';
import type { EmailSender } from '../alerts/channels/email';
import { runDeliveries } from '../alerts/dispatch';
import { recordRunFinished, runAlertScan } from '../alerts/scan';
import { startScanProcess } from '../alerts/scan-process';
import type { Clock } from '../clock';
import { runScheduledBackupInThread } from '../db/backup-thread';
import type { Database } from '../db/schema';
import type { Mailer } from '../invoices/mailer';
import { runInvoiceReminders } from '../invoices/reminders';
import { runPurge } from './purge';

export interface JobsOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** node-cron expression; five fields, or six with seconds first. */
  cronExpression: string;
  appUrl: string;
  email: EmailSender | null;
  /** How long a claimed delivery is held before another sender may retry it. */
  deliveryLeaseMs?: number;
  /** Webhooks may reach loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
  /** Sends reminders to payers; null: none go (e-mail is not set up). */
  mailer?: Mailer | null;
  /** Signs the invoice page addresses reminders carry and the unsubscribe addresses of alert e-mails. */
  linkSecret: Buffer;
  /** How long a claimed reminder is held before it may be sent again (after a crash). */
  reminderLeaseMs?: number;
  /**
   * The database `db` is open on, as a `DATABASE_URL` (a SQLite file or PostgreSQL): the
   * alert scan then runs in a child process with its own connection to it, off the API's
   * event loop and threads. Absent (an in-memory database, which no other connection can
   * open): the scan runs on `db`.
   */
  scanDatabaseUrl?: string;
  /** Scheduled backups of the SQLite file; absent or null: none. */
  backup?: ScheduledBackups | null;
  log?: (message: string) => void;
}

export interface ScheduledBackups {
  /** node-cron expression (BACKUP_CRON). */
  cronExpression: string;
  /** The live SQLite file. */
  file: string;
  dir: string;
  /** How many of the newest backups to keep. */
  keep: number;
}

export interface Jobs {
  /** Milliseconds between two scheduled runs. */
  intervalMs: number;
  /** Runs the rules and drains the outbox now (skipped if a run is in progress). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/** Hourly: nothing the purge deletes is in anyone's way sooner. */
export const PURGE_CRON = '0 * * * *';

export function assertValidCron(expression: string): void {
  if (!cron.validate(expression)) {
    throw new Error(
      `ALERT_CRON "${expression}" is not a valid cron expression (e.g. "* * * * *", or "*/5 * * * * *" with seconds).`,
    );
  }
}

/**
 * The only place that schedules anything: the alert scan and the outbox
 * sender, once at start-up (catch-up) and then on `cronExpression`; the purge
 * of expired rows, once at start-up and then hourly; backups, when asked for,
 * on their own expression (not at start-up: a restart is no reason for a copy). Runs never overlap within
 * a process; across processes the unique alert keys and delivery claims keep
 * them safe, and a purge deletes only what stays deletable.
 */
export function startJobs(options: JobsOptions): Jobs {
  const { db, clock, cronExpression, appUrl, email } = options;
  const log = options.log ?? ((message: string) => console.log(message));
  assertValidCron(cronExpression);

  const scanProcess = options.scanDatabaseUrl ? startScanProcess(options.scanDatabaseUrl) : null;
  const scanNow = (now: Date, emailEnabled: boolean) =>
    scanProcess ? scanProcess.scan({ now, emailEnabled }) : runAlertScan({ db, now, emailEnabled });

  let running: Promise<void> | null = null;
  const stopping = new AbortController();
  const tick = async () => {
    try {
      const scan = await scanNow(clock.now(), email !== null);
      const sent = await runDeliveries({
        db,
        now: () => clock.now(),
        appUrl,
        email,
        linkSecret: options.linkSecret,
        leaseMs: options.deliveryLeaseMs,
        webhookAllowPrivate: options.webhookAllowPrivate ?? false,
        signal: stopping.signal,
      });
      // Reminders to payers go on the same beat as the team's alerts, after them.
      const reminders = options.mailer
        ? await runInvoiceReminders({
            db,
            now: clock.now(),
            mailer: options.mailer,
            linkSecret: options.linkSecret,
            appUrl,
            leaseMs: options.reminderLeaseMs,
          })
        : undefined;
      if (reminders && (reminders.sent || reminders.skipped || reminders.failed)) {
        log(
          `reminders to payers: ${reminders.sent} sent, ${reminders.skipped} skipped, ${reminders.failed} failed`,
        );
      }
      await recordRunFinished(db, clock.now());
      if (scan.raised || sent.sent || sent.failed) {
        log(
          `alerts: ${scan.raised} raised, ${scan.resolved} resolved; deliveries: ${sent.sent} sent, ${sent.retried} to retry, ${sent.failed} failed`,
        );
      }
    } catch (error) {
      log(`alert run failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const runOnce = () => {
    if (stopping.signal.aborted) return Promise.resolve();
    running ??= tick().finally(() => {
      running = null;
    });
    return running;
  };

  let purging: Promise<void> | null = null;
  const purge = async (now: Date) => {
    try {
      const deleted = await runPurge({ db, now });
      const parts = [
        [deleted.sessions, 'expired sessions'],
        [deleted.invites, 'expired invites'],
        [deleted.reviewLinks, 'dead review links'],
        [deleted.loginFailures, 'old sign-in failures'],
        [deleted.publicHits, 'old public rate-limit entries'],
      ] as const;
      const said = parts.filter(([count]) => count > 0).map(([count, what]) => `${what}: ${count}`);
      if (said.length > 0) log(`purge: deleted ${said.join(', ')}`);
    } catch (error) {
      log(`purge failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const purgeOnce = () => {
    if (stopping.signal.aborted) return Promise.resolve();
    purging ??= purge(clock.now()).finally(() => {
      purging = null;
    });
    return purging;
  };

  // A run longer than the interval is normal under load; node-cron's per-tick warning is noise.
  const logger = {
    info: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    error: (message: string | Error) =>
      log(`scheduler: ${message instanceof Error ? message.message : message}`),
  };
  const task = cron.schedule(cronExpression, () => runOnce(), {
    name: 'alerts',
    noOverlap: true,
    logger,
  });
  const purgeTask = cron.schedule(PURGE_CRON, () => purgeOnce(), {
    name: 'purge',
    noOverlap: true,
    logger,
  });
  const backupTask = options.backup ? scheduleBackups(options.backup, clock, log, logger) : null;
  void runOnce();
  void purgeOnce();

  const [first, second] = task.getNextRuns(2);
  const intervalMs = first && second ? second.getTime() - first.getTime() : 60_000;

  return {
    intervalMs,
    runOnce,
    async stop() {
      stopping.abort();
      await Promise.all([task.destroy(), purgeTask.destroy(), backupTask?.destroy()]);
      await Promise.all([running, purging]);
      await scanProcess?.close();
    },
  };
}

/**
 * Backups on `cronExpression`. The copy (`VACUUM INTO`, the code path of `npm run backup`)
 * is made in a worker thread: requests are served meanwhile. `stop` waits for a copy in
 * progress, so a shutdown never cuts one short.
 */
function scheduleBackups(
  backup: ScheduledBackups,
  clock: Clock,
  log: (message: string) => void,
  logger: Logger,
) {
  let copying: Promise<void> | null = null;
  const copy = async () => {
    try {
      const { backup: made, deleted } = await runScheduledBackupInThread({
        ...backup,
        now: clock.now(),
      });
      if (made || deleted.length > 0) {
        const older = deleted.length > 0 ? `; deleted ${deleted.length} older` : '';
        log(
          made
            ? `backup: ${made.file} (${made.bytes} bytes, integrity ok)${older}`
            : `backup: none this second (already there)${older}`,
        );
      }
    } catch (error) {
      log(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // The start-up lines already say when and where (server/startup-lines.ts).
  const task = cron.schedule(
    backup.cronExpression,
    () =>
      (copying ??= copy().finally(() => {
        copying = null;
      })),
    { name: 'backup', noOverlap: true, logger },
  );
  return {
    async destroy() {
      await task.destroy();
      await copying;
    },
  };
}
