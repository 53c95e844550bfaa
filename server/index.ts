import { serve } from '@hono/node-server';
import { createApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { WEB_DIST } from './paths';

/** The only place that opens the database for the server, listens, and starts jobs. */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.DATABASE_URL);
  await migrateToLatest(handle.db);

  const app = createApp({
    db: handle.db,
    clock: systemClock,
    appUrl: config.APP_URL,
    webRoot: process.env.WEB_ROOT ?? WEB_DIST,
  });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    console.log(`Sponsorcal is listening on http://${shown}:${info.port} (${handle.dialect})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close(() => {
      void handle.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
