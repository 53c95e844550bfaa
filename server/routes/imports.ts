import { Hono, type Context } from 'hono';
import type { ImportPreview } from '../../shared/schemas/imports';
import {
  importOptionsSchema,
  importPreviewSchema,
  importResultSchema,
} from '../../shared/schemas/imports';
import { auditActor, recordAudit } from '../audit/record';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { checkMapping, importRows, readRows, rowsInvalid } from '../imports/deliverables';
import {
  CsvFileError,
  decodeCsv,
  parseCsv,
  suggestMapping,
  type ParsedCsv,
} from '../imports/parse';
import { validationError, zodIssues } from '../validate';
import { z } from 'zod';
import { declare } from './declare';

const PREVIEW_ROWS = 10;

/** The multipart form: the CSV (field `file`) and the other fields as text. */
async function readForm(
  c: Context<AppEnv>,
): Promise<{ csv: ParsedCsv; fields: Record<string, string> }> {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError(
      400,
      'invalid_body',
      'The upload could not be read as multipart/form-data.',
      [{ path: '(body)', message: 'Malformed multipart/form-data' }],
    );
  }
  const file = form['file'];
  if (!(file instanceof File)) {
    throw new AppError(400, 'validation_failed', 'Choose a CSV file to upload.', [
      { path: 'file', message: 'Required: the CSV file' },
    ]);
  }
  let csv: ParsedCsv;
  try {
    csv = parseCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())));
  } catch (error) {
    if (error instanceof CsvFileError) {
      throw new AppError(400, 'validation_failed', error.message, [
        { path: 'file', message: error.message },
      ]);
    }
    throw error;
  }
  const fields = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { csv, fields };
}

/**
 * CSV import of deliverables with their deals and brands: preview the file
 * and a suggested column mapping, check every row (dry run), then import all
 * of it or nothing.
 */
const csvFile = z.file().describe('The CSV file');
const route = {
  preview: declare({
    access: 'editor',
    summary: "A CSV file's columns, first rows and a suggested mapping",
    form: z.object({ file: csvFile }),
    answers: { 200: importPreviewSchema },
    errors: [413],
  }),
  import: declare({
    access: 'editor',
    summary: 'Import deliverables (with their deals and brands) from a CSV file: all rows or none',
    form: z.object({ file: csvFile, ...importOptionsSchema.shape }),
    answers: { 200: importResultSchema, 201: importResultSchema },
    errors: [413],
  }),
};

export function importRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/deliverables/preview', route.preview, async (c) => {
      const { csv } = await readForm(c);
      const preview: ImportPreview = {
        headers: csv.headers,
        rows: csv.rows.slice(0, PREVIEW_ROWS),
        rowCount: csv.rows.length,
        suggestedMapping: suggestMapping(csv.headers),
      };
      return c.json(preview, 200);
    })
    .post('/deliverables', route.import, async (c) => {
      const { csv, fields } = await readForm(c);
      const parsed = importOptionsSchema.safeParse(fields);
      if (!parsed.success) throw validationError(zodIssues(parsed.error));
      const options = parsed.data;
      if (csv.rows.length === 0) {
        throw new AppError(
          400,
          'validation_failed',
          'The file has a header row but no data rows.',
          [{ path: 'file', message: 'No data rows' }],
        );
      }
      checkMapping(options.mapping, csv.headers);
      const now = clock.now();
      const settings = await getSettings(db, now);
      const { rows, issues } = readRows(csv, { ...options, defaultCurrency: settings.currency });
      if (issues.length > 0) throw rowsInvalid(issues);
      const dryRun = options.dryRun === 'true';
      const result = await inTransaction(db, async (trx) => {
        const result = await importRows(trx, rows, {
          dryRun,
          defaultCurrency: settings.currency,
          now,
        });
        if (!dryRun) {
          await recordAudit(
            trx,
            auditActor(c),
            {
              action: 'create',
              entityType: 'workspace',
              entityId: 'csv-import',
              summary: `CSV import: ${result.created.deliverables} deliverables, ${result.created.deals} new deals, ${result.created.brands} new brands`,
              after: result.created,
            },
            now,
          );
        }
        return result;
      });
      return c.json(result, dryRun ? 200 : 201);
    });
}
