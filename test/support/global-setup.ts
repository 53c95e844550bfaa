import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build.mjs';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { databaseUrl, PG_TEMPLATE, startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL server's URL, when TEST_DB=postgres; else ''. */
    postgresUrl: string;
  }
}

/**
 * Builds the server when its sources changed (the process tests start the built one), and
 * with TEST_DB=postgres starts a real PostgreSQL server and a migrated template database.
 */
export default async function setup(project: TestProject) {
  // A failed build throws here and stops the run.
  await buildIfStale({ web: false });
  if (process.env.TEST_DB !== 'postgres') {
    project.provide('postgresUrl', '');
    return;
  }
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${PG_TEMPLATE}`);
  await admin.end();
  const template = openDatabase(databaseUrl(server.url, PG_TEMPLATE));
  await migrateToLatest(template.db);
  await template.close();
  project.provide('postgresUrl', server.url);
  console.log(`PostgreSQL test server on port ${server.port}`);
  return () => server.stop();
}
