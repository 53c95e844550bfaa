import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { validator } from 'hono/validator';
import type { TransferImportResult } from '../../shared/schemas/transfer';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { todayIn } from '../../shared/days';
import { exportWorkspace, streamChunks } from '../transfer/export';
import { assertFreshInstall, importWorkspace, parseTransferFile } from '../transfer/import';
import { declare, file } from './declare';
import { transferFileSchema, transferImportResultSchema } from '../../shared/schemas/transfer';

const route = {
  export: declare({
    access: 'owner',
    summary: 'The whole workspace as one JSON file (an attachment)',
    answers: { 200: file('application/json', transferFileSchema) },
  }),
  // Only into a fresh install (no user yet): the handler refuses anything else with 409.
  import: declare({
    access: 'public',
    summary: 'Load an export into a fresh install (409 once anyone has signed up)',
    body: transferFileSchema,
    answers: { 201: transferImportResultSchema },
    errors: [409, 413],
  }),
};

/**
 * Full JSON export and import, for moving a workspace between installs
 * (SQLite ⇄ PostgreSQL). Export is the owner's; import is
 * public but only works on an install nobody has signed up to yet.
 */
export function transferRoutes(deps: AppDeps) {
  const { db, clock } = deps;

  // Before the body is parsed: a used install is told so at once, however large the file.
  const freshInstallOnly = createMiddleware<AppEnv>(async (_c, next) => {
    await assertFreshInstall(db);
    await next();
  });

  return new Hono<AppEnv>()
    .get('/export', route.export, async (c) => {
      const now = clock.now();
      const settings = await getSettings(db, now);
      const chunks = await exportWorkspace(db, { now });
      c.header('Content-Type', 'application/json; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="sponsorcal-export-${todayIn(now, settings.timeZone)}.json"`,
      );
      // Password hashes and signing secrets: no cache may keep a copy.
      c.header('Cache-Control', 'no-store');
      return c.body(streamChunks(chunks), 200);
    })
    .post(
      '/import',
      route.import,
      freshInstallOnly,
      validator('json', (body) => parseTransferFile(body)),
      async (c) => {
        const imported = await importWorkspace(db, c.req.valid('json'));
        const result: TransferImportResult = { imported };
        return c.json(result, 201);
      },
    );
}
