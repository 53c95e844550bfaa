import { defineConfig } from 'vitest/config';

/**
 * Suites that never touch the database engine (pure functions) or are about
 * SQLite itself; the PostgreSQL run (TEST_DB=postgres) leaves them out.
 */
const ENGINE_INDEPENDENT = [
  'test/shared/**',
  'test/web/**',
  'test/server/permissions.test.ts',
  'test/server/auth/**',
  'test/server/alerts/time.test.ts',
  'test/server/money.test.ts',
  'test/server/day-arithmetic.test.ts',
  'test/server/json-bytes.test.ts',
  'test/server/turns.test.ts',
  'test/server/db/migrations.test.ts',
  'test/server/db/deliverables-range.test.ts',
  'test/server/db/query-plans.test.ts',
  'test/process/backup.test.ts',
  'test/process/restore.test.ts',
  'test/process/scheduled-backups.test.ts',
  'test/server/db/scheduled-backup.test.ts',
  'test/process/start.test.ts',
  'test/scripts/**',
  'test/server/db/sqlite-locking.test.ts',
  'test/server/alerts/webhook-address.test.ts',
  'test/server/http-server.test.ts',
  'test/server/compose.test.ts',
  'test/server/startup-lines.test.ts',
];
/** Suites about PostgreSQL itself (its query plans); the SQLite run leaves them out. */
const POSTGRES_ONLY = ['test/server/db/query-plans-postgres.test.ts'];
const onPostgres = process.env.TEST_DB === 'postgres';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [
            'test/e2e/**',
            'node_modules/**',
            ...(onPostgres ? ENGINE_INDEPENDENT : POSTGRES_ONLY),
          ],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          // Twice the cores: most of these tests wait (real server processes and their timers,
          // the PostgreSQL server, SMTP and webhook peers), so two workers left the cores idle.
          // 2 workers → 4: the SQLite run 223 → 141 s, the PostgreSQL run 361 → 239 s on 2 cores.
          maxWorkers: 4,
          // Ceilings for a loaded machine; process tests set their own (test/process/support.ts).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
