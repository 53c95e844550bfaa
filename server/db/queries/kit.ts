import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { ApiErrorIssue } from '../../../shared/schemas/common';
import { engagementRate } from '../../../shared/schemas/deliverable';
import {
  KIT_SLUG_PATTERN,
  audienceSchema,
  rateCardItemSchema,
  type CaseStudy,
  type MediaKit,
  type RateCardItem,
  type mediaKitPatchSchema,
} from '../../../shared/schemas/kit';
import {
  DEFAULT_REQUEST_FORM,
  requestFormSettingsSchema,
  type RequestFormSettings,
} from '../../../shared/schemas/request';
import { versionConflict } from '../../errors';
import { validationError } from '../../validate';
import type { Database, MediaKitTable } from '../schema';
import { inTransaction } from '../transaction';

export type MediaKitPatchInput = z.output<typeof mediaKitPatchSchema>;
type MediaKitRow = Selectable<MediaKitTable>;

/** How many published deliverables the case-study picker offers. */
export const CASE_STUDY_CANDIDATE_LIMIT = 200;

const EMPTY_AUDIENCE: MediaKit['audience'] = { platforms: [], demographics: '', topLocations: '' };

export interface MediaKitOptions {
  /** The public URL of the install, for the kit's `url`. */
  appUrl: string;
  /** `updatedAt` of the defaults answered before the first save. */
  now: Date;
}

/** The kit's JSON documents were checked on the way in; a damaged one reads as empty, never as a 500. */
function parseJson<T>(json: string, parse: (value: unknown) => T | undefined, fallback: T): T {
  try {
    return parse(JSON.parse(json)) ?? fallback;
  } catch {
    return fallback;
  }
}

function parseAudience(json: string): MediaKit['audience'] {
  const audience = parseJson(json, (v) => audienceSchema.safeParse(v).data, EMPTY_AUDIENCE);
  return {
    ...audience,
    platforms: audience.platforms.map((p) => ({ ...p, averageViews: p.averageViews ?? null })),
  };
}

function parseRateCard(json: string): RateCardItem[] {
  const items = parseJson(json, (v) => rateCardItemSchema.array().safeParse(v).data, []);
  return items.map((item) => ({ ...item, note: item.note ?? '' }));
}

function parseRequestForm(json: string | null): RequestFormSettings {
  if (json === null) return DEFAULT_REQUEST_FORM;
  return parseJson(json, (v) => requestFormSettingsSchema.safeParse(v).data, DEFAULT_REQUEST_FORM);
}

function parseIds(json: string): string[] {
  return parseJson(
    json,
    (v) => (Array.isArray(v) ? v.filter((id): id is string => typeof id === 'string') : undefined),
    [],
  );
}

type KitFields = Omit<MediaKit, 'url' | 'caseStudies'>;

function defaultFields(now: Date): KitFields {
  return {
    slug: null,
    displayName: '',
    headline: '',
    bio: '',
    contactEmail: null,
    audience: EMPTY_AUDIENCE,
    rateCard: [],
    caseStudyIds: [],
    published: false,
    requestForm: DEFAULT_REQUEST_FORM,
    version: 1,
    updatedAt: now.toISOString(),
  };
}

/** The stored fields of a kit as answered (without what is computed from them). */
function kitFields({ url: _url, caseStudies: _caseStudies, ...fields }: MediaKit): KitFields {
  return fields;
}

function toFields(row: MediaKitRow): KitFields {
  return {
    slug: row.slug,
    displayName: row.displayName,
    headline: row.headline,
    bio: row.bio,
    contactEmail: row.contactEmail,
    audience: parseAudience(row.audience),
    rateCard: parseRateCard(row.rateCard),
    caseStudyIds: parseIds(row.caseStudyIds),
    published: Boolean(row.published),
    requestForm: parseRequestForm(row.requestForm),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function selectKitRow(db: Kysely<Database>) {
  return db.selectFrom('mediaKit').selectAll().where('id', '=', 1).executeTakeFirst();
}

function caseStudyQuery(db: Kysely<Database>) {
  return db
    .selectFrom('deliverables')
    .innerJoin('brands', 'brands.id', 'deliverables.brandId')
    .select([
      'deliverables.id',
      'deliverables.title',
      'deliverables.platform',
      'deliverables.format',
      'deliverables.publishAt',
      'deliverables.metricsViews',
      'deliverables.metricsLikes',
      'deliverables.metricsComments',
      'deliverables.metricsShares',
      'deliverables.metricsSaves',
      'deliverables.metricsClicks',
      'brands.name as brandName',
    ])
    .where('deliverables.status', '=', 'published');
}

type CaseStudyRow = Awaited<ReturnType<ReturnType<typeof caseStudyQuery>['execute']>>[number];

const count = (value: number | null) => (value === null ? null : Number(value));

function toCaseStudy(row: CaseStudyRow): CaseStudy {
  const metrics = {
    views: count(row.metricsViews),
    likes: count(row.metricsLikes),
    comments: count(row.metricsComments),
    shares: count(row.metricsShares),
    saves: count(row.metricsSaves),
    clicks: count(row.metricsClicks),
  };
  return {
    id: row.id,
    title: row.title,
    brandName: row.brandName,
    platform: row.platform,
    format: row.format,
    publishAt: row.publishAt,
    metrics,
    engagementRate: engagementRate(metrics),
  };
}

/** The picked deliverables that are still published, in the order they were picked. */
async function listPickedCaseStudies(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<CaseStudy[]> {
  if (ids.length === 0) return [];
  const rows = await caseStudyQuery(db).where('deliverables.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, toCaseStudy(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function kitUrl(slug: string | null, appUrl: string): string | null {
  return slug === null ? null : `${appUrl.replace(/\/+$/, '')}/kit/${slug}`;
}

async function withComputed(
  db: Kysely<Database>,
  fields: KitFields,
  appUrl: string,
): Promise<MediaKit> {
  return {
    ...fields,
    url: kitUrl(fields.slug, appUrl),
    caseStudies: await listPickedCaseStudies(db, fields.caseStudyIds),
  };
}

/** The media kit; its defaults (version 1) until the first save creates the row. */
export async function getMediaKit(
  db: Kysely<Database>,
  { appUrl, now }: MediaKitOptions,
): Promise<MediaKit> {
  const row = await selectKitRow(db);
  return withComputed(db, row ? toFields(row) : defaultFields(now), appUrl);
}

/**
 * The published kit at this address, or null: an unknown slug and an
 * unpublished kit look the same from outside.
 */
export async function getPublishedMediaKit(
  db: Kysely<Database>,
  slug: string,
  options: MediaKitOptions,
): Promise<MediaKit | null> {
  // Anything that could never be a slug is not looked up (PostgreSQL cannot even compare a NUL).
  if (!KIT_SLUG_PATTERN.test(slug)) return null;
  const row = await db
    .selectFrom('mediaKit')
    .selectAll()
    .where('id', '=', 1)
    .where('slug', '=', slug)
    .where('published', '=', true)
    .executeTakeFirst();
  return row ? withComputed(db, toFields(row), options.appUrl) : null;
}

/** Published deliverables with at least one metric, newest first: what the case-study picker offers. */
export async function listCaseStudyCandidates(db: Kysely<Database>): Promise<CaseStudy[]> {
  const rows = await caseStudyQuery(db)
    .where((eb) =>
      eb.or([
        eb('deliverables.metricsViews', 'is not', null),
        eb('deliverables.metricsLikes', 'is not', null),
        eb('deliverables.metricsComments', 'is not', null),
        eb('deliverables.metricsShares', 'is not', null),
        eb('deliverables.metricsSaves', 'is not', null),
        eb('deliverables.metricsClicks', 'is not', null),
      ]),
    )
    // Undated ones last on both engines (PostgreSQL would put NULLs first in a descending sort).
    .orderBy((eb) => eb.case().when('deliverables.publishAt', 'is', null).then(1).else(0).end())
    .orderBy('deliverables.publishAt', 'desc')
    .orderBy('deliverables.id', 'desc')
    .limit(CASE_STUDY_CANDIDATE_LIMIT)
    .execute();
  return rows.map(toCaseStudy);
}

/** Every picked id must name a published deliverable: `caseStudyIds.N` for each that does not. */
async function caseStudyIssues(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ApiErrorIssue[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('deliverables')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute();
  const status = new Map(found.map((row) => [row.id, row.status]));
  return ids.flatMap((id, index) => {
    const current = status.get(id);
    if (current === 'published') return [];
    return [
      {
        path: `caseStudyIds.${index}`,
        message:
          current === undefined
            ? 'No deliverable with this id'
            : 'Only published deliverables can be case studies',
      },
    ];
  });
}

/**
 * Saves the changed fields when `version` is the one stored (409 otherwise).
 * Publishing needs an address and a name; a refused save writes nothing.
 */
export function updateMediaKit(
  db: Kysely<Database>,
  patch: MediaKitPatchInput,
  options: MediaKitOptions,
  /** The kit as read before the change (the audited PATCH has it): not read again. */
  before?: MediaKit,
): Promise<MediaKit> {
  const { now } = options;
  return inTransaction(db, async (trx) => {
    const { version, ...changes } = patch;
    const current = before ?? (await getMediaKit(trx, options));
    if (current.version !== version) throw versionConflict('media kit');

    const next: KitFields = {
      ...kitFields(current),
      ...changes,
      audience: changes.audience
        ? {
            ...changes.audience,
            platforms: changes.audience.platforms.map((p) => ({
              ...p,
              averageViews: p.averageViews ?? null,
            })),
          }
        : current.audience,
      rateCard: changes.rateCard
        ? changes.rateCard.map((item) => ({ ...item, note: item.note ?? '' }))
        : current.rateCard,
      version: version + 1,
      updatedAt: now.toISOString(),
    };

    const issues: ApiErrorIssue[] = [];
    if (next.published && next.slug === null) {
      issues.push({
        path: 'slug',
        message: 'Choose the address of the public page before publishing',
      });
    }
    if (next.published && next.displayName === '') {
      issues.push({ path: 'displayName', message: 'Required to publish the kit' });
    }
    if (changes.caseStudyIds) issues.push(...(await caseStudyIssues(trx, changes.caseStudyIds)));
    if (issues.length > 0) throw validationError(issues);

    const values = {
      published: next.published,
      slug: next.slug,
      displayName: next.displayName,
      headline: next.headline,
      bio: next.bio,
      contactEmail: next.contactEmail,
      audience: JSON.stringify(next.audience),
      rateCard: JSON.stringify(next.rateCard),
      caseStudyIds: JSON.stringify(next.caseStudyIds),
      requestForm: JSON.stringify(next.requestForm),
      version: next.version,
      updatedAt: next.updatedAt,
    };
    const row = await trx
      .updateTable('mediaKit')
      .set(values)
      .where('id', '=', 1)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    // No row matched: the kit was never saved (its defaults are version 1), or it changed meanwhile.
    if (!row && version !== 1) throw versionConflict('media kit');
    // Two first saves at once: the second one's insert is a unique violation, answered as 409.
    const saved =
      row ??
      (await trx
        .insertInto('mediaKit')
        .values({ id: 1, ...values })
        .returningAll()
        .executeTakeFirstOrThrow());
    const fields = toFields(saved);
    // The picked case studies are read again only when the pick changed.
    const caseStudies =
      changes.caseStudyIds === undefined
        ? current.caseStudies
        : await listPickedCaseStudies(trx, fields.caseStudyIds);
    return { ...fields, url: kitUrl(fields.slug, options.appUrl), caseStudies };
  });
}

/** The workspace's zone, read without creating the settings row (the public page never writes). */
export async function getKitTimeZone(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('workspaceSettings')
    .select('timeZone')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.timeZone ?? 'UTC';
}
