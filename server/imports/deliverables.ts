import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ApiErrorIssue } from '../../shared/schemas/common';
import {
  currencySchema,
  nameSchema,
  NOT_NEGATIVE_MESSAGE,
  textSchema,
  urlSchema,
} from '../../shared/schemas/common';
import {
  deliverableStatusSchema,
  DISCLOSURE_KEYS,
  formatSchema,
  METRIC_KEYS,
  platformSchema,
} from '../../shared/schemas/deliverable';
import type {
  ImportField,
  ImportMapping,
  ImportOptions,
  ImportResult,
} from '../../shared/schemas/imports';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS } from '../../shared/schemas/imports';
import { BRAND_PALETTE } from '../../shared/schemas/brand';
import type { Database, NewBrand, NewDeal, NewDeliverable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { newId } from '../ids';
import { unguardCell } from '../csv-guard';
import { enumValue, parseCount, parseMoney, parseWhen, parseYesNo, type ParsedCsv } from './parse';

type DisclosureKey = (typeof DISCLOSURE_KEYS)[number];
type MetricKey = (typeof METRIC_KEYS)[number];

/** Rows per INSERT: large enough to be quick, well under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 200;
/** A report longer than this helps nobody; the count says how many more there are. */
const MAX_REPORTED = 500;

export interface ImportRow {
  /** The row's line in the spreadsheet (the header is line 1). */
  line: number;
  brand: string;
  deal: string;
  title: string;
  platform: NewDeliverable['platform'];
  format?: NewDeliverable['format'];
  status?: NewDeliverable['status'];
  draftDueAt: string | null;
  publishAt: string | null;
  feeCents?: number;
  currency?: string;
  caption: string;
  brief: string;
  liveUrl: string | null;
  /** Unset: whether any disclosure item is checked. */
  disclosureDone?: boolean;
  disclosure: Record<DisclosureKey, boolean>;
  metrics: Partial<Record<MetricKey, number>>;
}

/** 400 naming each unmapped required field or a column the file does not have. */
export function checkMapping(mapping: ImportMapping, headers: string[]): void {
  const issues: ApiErrorIssue[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!mapping[field])
      issues.push({
        path: `mapping.${field}`,
        message: `Choose the column for ${IMPORT_FIELD_LABELS[field]}`,
      });
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (column && !headers.includes(column)) {
      issues.push({ path: `mapping.${field}`, message: `The file has no column "${column}"` });
    }
  }
  if (issues.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      `The columns are not mapped: ${issues[0]!.message}.`,
      issues,
    );
  }
}

/**
 * Reads every row into what would be written, collecting every problem as
 * `{path: "row.<line>.<field>", message}`: the file is imported whole or not at all.
 */
export function readRows(
  csv: ParsedCsv,
  options: Pick<ImportOptions, 'mapping' | 'timeZone' | 'dateOrder'> & { defaultCurrency: string },
): { rows: ImportRow[]; issues: ApiErrorIssue[] } {
  const column = Object.fromEntries(
    Object.entries(options.mapping).map(([field, header]) => [field, csv.headers.indexOf(header!)]),
  ) as Partial<Record<ImportField, number>>;
  const rows: ImportRow[] = [];
  const issues: ApiErrorIssue[] = [];
  csv.rows.forEach((cells, index) => {
    const line = index + 2;
    const problems: ApiErrorIssue[] = [];
    const raw = (field: ImportField) =>
      column[field] === undefined ? '' : (cells[column[field]!] ?? '');
    // An export's formula guard (a leading `'`) is undone: the export imports back as it was.
    const cell = (field: ImportField) => unguardCell(raw(field).trim());
    // Free text keeps its spaces and line breaks as written (a caption ending in a new line).
    const text = (field: ImportField) => unguardCell(raw(field));
    const check = <T>(field: ImportField, schema: z.ZodType<T>, value: unknown): T | undefined => {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      problems.push({
        path: `row.${line}.${field}`,
        message: result.error.issues[0]?.message ?? 'Invalid',
      });
      return undefined;
    };
    /** A value from a fixed list, with the list in the message when it is not one of them. */
    const oneOf = <T extends string>(
      field: ImportField,
      schema: z.ZodEnum<Record<string, T>>,
      value: string,
      written: string,
    ): T | undefined => {
      const result = schema.safeParse(value);
      if (result.success) return result.data as T;
      problems.push({
        path: `row.${line}.${field}`,
        message:
          written === ''
            ? `Required: one of ${schema.options.join(', ')}`
            : `"${written.slice(0, 40)}" is not one of ${schema.options.join(', ')}`,
      });
      return undefined;
    };
    const optional = <T>(field: ImportField, schema: z.ZodType<T>, value: string): T | undefined =>
      value === '' ? undefined : check(field, schema, value);
    const when = (field: 'draftDueAt' | 'publishAt'): string | null => {
      const value = cell(field);
      if (value === '') return null;
      const instant = parseWhen(value, options.timeZone, options.dateOrder);
      if (instant === null) {
        problems.push({
          path: `row.${line}.${field}`,
          message: `"${value.slice(0, 40)}" is not a date (e.g. 2026-03-05 17:00, ${options.dateOrder === 'MDY' ? '03/05/2026' : '05/03/2026'} 5:00 PM)`,
        });
      }
      return instant;
    };

    const brand = check('brand', nameSchema(200), cell('brand'));
    const deal = check('deal', nameSchema(200), cell('deal'));
    const title = check('title', nameSchema(200), cell('title'));
    const platform = oneOf(
      'platform',
      platformSchema,
      enumValue(cell('platform')),
      cell('platform'),
    );
    const format =
      cell('format') === ''
        ? undefined
        : oneOf('format', formatSchema, enumValue(cell('format'), {}), cell('format'));
    const status =
      cell('status') === ''
        ? undefined
        : oneOf('status', deliverableStatusSchema, enumValue(cell('status'), {}), cell('status'));
    const currency = optional('currency', currencySchema, cell('currency').toUpperCase());
    let feeCents: number | undefined;
    if (cell('fee') !== '') {
      feeCents = parseMoney(cell('fee'), currency ?? options.defaultCurrency) ?? undefined;
      if (feeCents === undefined) {
        problems.push({
          path: `row.${line}.fee`,
          message: /^[^\d]*[-\u2212]/.test(cell('fee'))
            ? NOT_NEGATIVE_MESSAGE
            : `"${cell('fee').slice(0, 40)}" is not an amount (e.g. 1500 or 1,500.00)`,
        });
      }
    }
    const draftDueAt = when('draftDueAt');
    const publishAt = when('publishAt');
    const caption = check('caption', textSchema(10_000), text('caption'));
    const brief = check('brief', textSchema(20_000), text('brief'));
    const liveUrl = optional('liveUrl', urlSchema, cell('liveUrl'));
    if (
      status === 'published' &&
      !liveUrl &&
      !problems.some((p) => p.path === `row.${line}.liveUrl`)
    ) {
      problems.push({
        path: `row.${line}.liveUrl`,
        message: 'A published post needs its live URL (proof of post)',
      });
    }

    const yesNo = (field: ImportField): boolean | undefined => {
      const value = cell(field);
      if (value === '') return undefined;
      const answer = parseYesNo(value);
      if (answer === null) {
        problems.push({
          path: `row.${line}.${field}`,
          message: `"${value.slice(0, 40)}" is not yes or no`,
        });
      }
      return answer ?? undefined;
    };
    const disclosureDone = yesNo('disclosureDone');
    const disclosure = Object.fromEntries(
      DISCLOSURE_KEYS.map((key) => [key, yesNo(key) ?? false]),
    ) as Record<DisclosureKey, boolean>;
    const metrics: Partial<Record<MetricKey, number>> = {};
    for (const key of METRIC_KEYS) {
      const value = cell(key);
      if (value === '') continue;
      const count = parseCount(value);
      if (count === null) {
        problems.push({
          path: `row.${line}.${key}`,
          message: `"${value.slice(0, 40)}" is not a count (a whole number, must not be negative)`,
        });
      } else metrics[key] = count;
    }

    if (problems.length > 0) {
      issues.push(...problems);
      return;
    }
    rows.push({
      line,
      brand: brand!,
      deal: deal!,
      title: title!,
      platform: platform!,
      ...(format ? { format } : {}),
      ...(status ? { status } : {}),
      draftDueAt,
      publishAt,
      ...(feeCents !== undefined ? { feeCents } : {}),
      ...(currency ? { currency } : {}),
      caption: caption!,
      brief: brief!,
      liveUrl: liveUrl ?? null,
      ...(disclosureDone !== undefined ? { disclosureDone } : {}),
      disclosure,
      metrics,
    });
  });
  return { rows, issues };
}

/** 400 listing the rows' problems (the first ones, and how many in all). */
export function rowsInvalid(issues: ApiErrorIssue[]): AppError {
  const lines = new Set(issues.map((i) => i.path.split('.')[1]));
  return new AppError(
    400,
    'validation_failed',
    `${lines.size} row${lines.size === 1 ? ' has' : 's have'} problems; nothing was imported. First: ${issues[0]!.path.replace(/^row\.(\d+)\./, 'row $1, ')}: ${issues[0]!.message}.`,
    issues.slice(0, MAX_REPORTED),
  );
}

const key = (...parts: string[]) => parts.map((p) => p.trim().toLowerCase()).join('\u0000');

/**
 * Writes the rows in one transaction — brands and deals found by name (any
 * case) or created, then every deliverable — or, on a dry run, only counts
 * what would be created. Inserts go in batches: 10,000 rows take seconds.
 */
export async function importRows(
  db: Kysely<Database>,
  rows: ImportRow[],
  options: { dryRun: boolean; defaultCurrency: string; now: Date },
): Promise<ImportResult> {
  const at = options.now.toISOString();
  return inTransaction(db, async (trx) => {
    const brands = new Map(
      (await trx.selectFrom('brands').select(['id', 'name']).execute()).map((b) => [
        key(b.name),
        b.id,
      ]),
    );
    const deals = new Map(
      (await trx.selectFrom('deals').select(['id', 'brandId', 'title']).execute()).map((d) => [
        key(d.brandId, d.title),
        d.id,
      ]),
    );
    const existingBrands = brands.size;
    const newBrands: NewBrand[] = [];
    const newDeals: NewDeal[] = [];
    const newDeliverables: NewDeliverable[] = [];
    for (const row of rows) {
      let brandId = brands.get(key(row.brand));
      if (!brandId) {
        brandId = newId();
        brands.set(key(row.brand), brandId);
        newBrands.push({
          id: brandId,
          name: row.brand,
          website: null,
          category: null,
          stage: 'partner',
          nextFollowUpOn: null,
          notes: '',
          color: BRAND_PALETTE[(existingBrands + newBrands.length) % BRAND_PALETTE.length]!,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
      }
      let dealId = deals.get(key(brandId, row.deal));
      if (!dealId) {
        dealId = newId();
        deals.set(key(brandId, row.deal), dealId);
        newDeals.push({
          id: dealId,
          brandId,
          title: row.deal,
          status: 'contracted',
          feeCents: row.feeCents ?? 0,
          currency: row.currency ?? options.defaultCurrency,
          source: 'direct',
          contractSignedOn: null,
          exclusivityCategory: null,
          exclusivityUntil: null,
          usageRightsUntil: null,
          notes: '',
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
      }
      newDeliverables.push({
        id: newId(),
        dealId,
        brandId,
        title: row.title,
        platform: row.platform,
        format: row.format ?? 'post',
        status: row.status ?? (row.liveUrl ? 'published' : 'planned'),
        draftDueAt: row.draftDueAt,
        publishAt: row.publishAt,
        assigneeId: null,
        caption: row.caption,
        brief: row.brief,
        disclosureDone: row.disclosureDone ?? Object.values(row.disclosure).some(Boolean),
        disclosureLabel: row.disclosure.paidPartnershipLabel,
        disclosureHashtag: row.disclosure.adInCaption,
        disclosureToggle: row.disclosure.brandedContentToggle,
        metricsViews: row.metrics.views ?? null,
        metricsLikes: row.metrics.likes ?? null,
        metricsComments: row.metrics.comments ?? null,
        metricsShares: row.metrics.shares ?? null,
        metricsSaves: row.metrics.saves ?? null,
        metricsClicks: row.metrics.clicks ?? null,
        liveUrl: row.liveUrl,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
    if (!options.dryRun) {
      for (const [table, values] of [
        ['brands', newBrands],
        ['deals', newDeals],
        ['deliverables', newDeliverables],
      ] as const) {
        for (let i = 0; i < values.length; i += BATCH) {
          await trx
            .insertInto(table)
            .values(values.slice(i, i + BATCH) as never)
            .execute();
        }
      }
    }
    return {
      dryRun: options.dryRun,
      rowCount: rows.length,
      created: {
        brands: newBrands.length,
        deals: newDeals.length,
        deliverables: newDeliverables.length,
      },
    };
  });
}
