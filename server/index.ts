import cluster from 'node:cluster';
import { createSmtpSender, defaultFromAddress } from './alerts/channels/email';
import { createApp } from './app';
import { createSmtpMailer } from './invoices/mailer';
import { systemClock } from './clock';
import { derivedAppUrl, loadConfig } from './config';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { startHttpServer } from './http-server';
import { startupLines } from './startup-lines';
import { assertValidCron, startJobs, type Jobs } from './jobs';
import { defaultSecretFile, loadLinkSecret } from './security/link-secret';
import { WEB_ROOT_DEFAULT } from './paths';
import { forkWorkers, READY_MESSAGE, type STOP_MESSAGE } from './cluster';
import { keepHeapSmall } from './heap';

/** What the primary of a cluster tells its workers once its jobs run. */
interface SchedulerMessage {
  type: 'scheduler';
  intervalMs: number;
}
type PrimaryMessage = SchedulerMessage | typeof STOP_MESSAGE;

/**
 * The only place that opens the database for the server, listens, and starts jobs.
 * With `WORKERS` above 1 this runs once as the cluster's primary (migrations, jobs,
 * start-up lines; no requests) and once in each worker (requests only).
 */
async function main(): Promise<void> {
  if (!cluster.isWorker) keepHeapSmall();
  const config = loadConfig();
  const primary = config.WORKERS > 1 && cluster.isPrimary;
  const handle = openDatabase(config.DATABASE_URL);
  // The primary migrated before it started the workers.
  if (!cluster.isWorker) await migrateToLatest(handle.db);

  const smtpFrom = config.SMTP_FROM ?? defaultFromAddress(config.APP_URL);
  const email = config.SMTP_URL ? createSmtpSender(config.SMTP_URL, smtpFrom) : null;
  const mailer = config.SMTP_URL ? createSmtpMailer(config.SMTP_URL, smtpFrom) : null;
  const linkSecret = loadLinkSecret({
    appSecret: config.APP_SECRET,
    file: defaultSecretFile(config.DATABASE_URL),
  });
  assertValidCron(config.ALERT_CRON);
  // Read by /api/health at request time; filled in once the jobs run (in a cluster, the primary's).
  const schedulerInfo = { running: false, intervalMs: 60_000 };
  let jobs: Jobs | undefined;
  process.on('message', (message: PrimaryMessage) => {
    if (message.type === 'stop') void stop('stop from the primary', false);
    if (message.type !== 'scheduler') return;
    schedulerInfo.running = true;
    schedulerInfo.intervalMs = message.intervalMs;
  });

  const makeApp = (appUrl: string) =>
    createApp({
      db: handle.db,
      clock: systemClock,
      // The host check keeps to loopback names unless the operator named the public URL.
      appUrl: config.APP_URL_SET ? appUrl : undefined,
      linkUrl: appUrl,
      allowedHosts: config.ALLOWED_HOSTS,
      webRoot: process.env.WEB_ROOT ?? WEB_ROOT_DEFAULT,
      scheduler: schedulerInfo,
      trustProxy: config.TRUST_PROXY,
      emailConfigured: email !== null,
      webhookAllowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
      linkSecret,
      mailer,
    });
  // Built once the port is bound (PORT=0 picks one): links must name the port really used.
  let app: ReturnType<typeof makeApp> | undefined;

  /** Set once the primary's jobs run; a worker that says it is ready is told (again). */
  let schedulerTold: SchedulerMessage | undefined;
  const workers = primary
    ? forkWorkers({
        onReady: (worker) => {
          if (schedulerTold) worker.send(schedulerTold);
        },
        count: config.WORKERS,
        env: {},
        log: (line) => console.log(line),
        onGiveUp: () => process.exit(1),
      })
    : undefined;
  const http = workers
    ? undefined
    : startHttpServer({
        fetch: (request, env) =>
          app ? app.fetch(request, env) : new Response('Starting up', { status: 503 }),
        port: config.PORT,
        hostname: config.HOST,
      });
  (workers?.listening ?? http!.listening).then(
    (info) => {
      const appUrl = config.APP_URL_SET ? config.APP_URL : derivedAppUrl(config.HOST, info.port);
      if (http) app = makeApp(appUrl);
      // A worker answers requests only: the primary says where it listens and runs the jobs.
      if (cluster.isWorker) {
        process.send!(READY_MESSAGE);
        return;
      }
      for (const line of startupLines({
        host: config.HOST,
        port: info.port,
        appUrl,
        appUrlSet: config.APP_URL_SET,
        databaseUrl: config.DATABASE_URL,
        smtpUrl: config.SMTP_URL,
        smtpFrom,
        alertCron: config.ALERT_CRON,
        backupCron: config.BACKUP_CRON,
        backupDir: config.BACKUP_DIR,
        backupKeep: config.BACKUP_KEEP,
        trustProxy: config.TRUST_PROXY,
        workers: config.WORKERS,
      })) {
        console.log(line);
      }
      // Jobs start once the server answers: the start-up (catch-up) run must not delay it.
      jobs = startJobs({
        db: handle.db,
        clock: systemClock,
        cronExpression: config.ALERT_CRON,
        appUrl,
        email,
        deliveryLeaseMs: config.ALERT_DELIVERY_LEASE_SECONDS * 1000,
        webhookAllowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
        mailer,
        linkSecret,
        reminderLeaseMs: config.ALERT_DELIVERY_LEASE_SECONDS * 1000,
        // Every database but an in-memory one, which only this connection sees.
        scanDatabaseUrl: handle.sqlitePath
          ? `sqlite:${handle.sqlitePath}`
          : handle.dialect === 'postgres'
            ? config.DATABASE_URL
            : undefined,
        backup:
          config.BACKUP_CRON && handle.sqlitePath
            ? {
                cronExpression: config.BACKUP_CRON,
                file: handle.sqlitePath,
                dir: config.BACKUP_DIR,
                keep: config.BACKUP_KEEP,
              }
            : null,
      });
      schedulerInfo.running = true;
      schedulerInfo.intervalMs = jobs.intervalMs;
      schedulerTold = { type: 'scheduler', intervalMs: jobs.intervalMs };
      for (const worker of Object.values(cluster.workers ?? {})) worker?.send(schedulerTold);
    },
    (error: NodeJS.ErrnoException) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `Port ${config.PORT} on ${config.HOST} is already in use: stop the other server or set PORT to a free port.`
          : `Cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`,
      );
      process.exit(1);
    },
  );

  let stopping = false;
  /** `again`: whether a second request to stop cuts the first short (a signal) or is the same one. */
  async function stop(signal: string, again = true): Promise<void> {
    if (stopping) {
      if (!again) return;
      console.log(`${signal} again: stopping now`);
      process.exit(1);
    }
    stopping = true;
    const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000;
    console.log(
      `${signal}: finishing requests in progress (up to ${config.SHUTDOWN_GRACE_SECONDS} s), then stopping`,
    );
    // Requests in flight and a running alert step each finish their work (and their transactions).
    // Each worker finishes its own requests (it got the same signal) within the same grace.
    const [answered, jobsDone] = await Promise.all([
      workers ? workers.stop() : http!.shutdown(graceMs),
      withinGrace(Promise.resolve(jobs?.stop()), graceMs),
    ]);
    if (!answered)
      console.log(
        `stopped waiting after ${config.SHUTDOWN_GRACE_SECONDS} s: requests still in progress were cut off`,
      );
    if (!jobsDone)
      console.log(`stopped waiting after ${config.SHUTDOWN_GRACE_SECONDS} s for the alert run`);
    await email?.close();
    mailer?.close();
    await handle.close();
    console.log('stopped');
    process.exit(answered && jobsDone ? 0 : 1);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** True when `work` settles within `ms`, false when it is still running then. */
function withinGrace(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    work.finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
