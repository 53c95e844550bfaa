import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { inTransaction } from '../transaction';
import type { z } from 'zod';
import type { Warning } from '../../../shared/schemas/common';
import {
  engagementRate,
  type CalendarDeliverable,
  type Deliverable,
  type DraftLink,
  type deliverableCreateSchema,
  type deliverableListQuerySchema,
  type deliverablePatchSchema,
} from '../../../shared/schemas/deliverable';
import { todayIn } from '../../../shared/days';
import { exclusivityWarnings } from './exclusivity';
import { keepDaySnapshot } from './metric-snapshots';
import { getSettings } from './settings';
import { invalidField, notFound } from '../../errors';
import { newId } from '../../ids';
import { preparedQuery, type PreparedValue } from '../prepared';
import { assertVersionedRow } from './versioned';
import type { Database, DeliverableRow, DeliverableUpdate } from '../schema';

export type DeliverableCreateInput = z.output<typeof deliverableCreateSchema>;
export type DeliverablePatchInput = z.output<typeof deliverablePatchSchema>;
export type DeliverableListFilter = z.output<typeof deliverableListQuerySchema>;

function parseDraftLinks(json: string): DraftLink[] {
  // Most deliverables have none; a month of the calendar need not parse "[]" thousands of times.
  if (json === '[]') return [];
  try {
    const links: unknown = JSON.parse(json);
    return Array.isArray(links) ? (links as DraftLink[]) : [];
  } catch {
    return [];
  }
}

export function toDeliverable(row: DeliverableRow): Deliverable {
  const metrics = {
    views: row.metricsViews === null ? null : Number(row.metricsViews),
    likes: row.metricsLikes === null ? null : Number(row.metricsLikes),
    comments: row.metricsComments === null ? null : Number(row.metricsComments),
    shares: row.metricsShares === null ? null : Number(row.metricsShares),
    saves: row.metricsSaves === null ? null : Number(row.metricsSaves),
    clicks: row.metricsClicks === null ? null : Number(row.metricsClicks),
  };
  return {
    id: row.id,
    dealId: row.dealId,
    brandId: row.brandId,
    title: row.title,
    platform: row.platform,
    format: row.format,
    status: row.status,
    draftDueAt: row.draftDueAt,
    publishAt: row.publishAt,
    assigneeId: row.assigneeId,
    caption: row.caption,
    brief: row.brief,
    disclosureDone: Boolean(row.disclosureDone),
    disclosure: {
      paidPartnershipLabel: Boolean(row.disclosureLabel),
      adInCaption: Boolean(row.disclosureHashtag),
      brandedContentToggle: Boolean(row.disclosureToggle),
    },
    draftLinks: parseDraftLinks(row.draftLinks),
    liveUrl: row.liveUrl,
    metrics,
    engagementRate: engagementRate(metrics),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Deliverables matching the filter. With `from`/`to`, a deliverable is in
 * range when its `publishAt` or its `draftDueAt` lies in `[from, to)`.
 */
export async function listDeliverables(
  db: Kysely<Database>,
  filter: DeliverableListFilter = {},
): Promise<Deliverable[]> {
  const query = filtered(db.selectFrom('deliverables').selectAll(), filter);
  // Undated ones last on both engines (SQLite sorts NULL first, PostgreSQL last).
  const rows = await query
    .orderBy(sql`publish_at is null`)
    .orderBy('publishAt')
    .orderBy('id')
    .execute();
  return rows.map(toDeliverable);
}

/** Narrows a query on deliverables by the list's filters (see `listDeliverables`). */
function filtered<O>(
  query: SelectQueryBuilder<Database, 'deliverables', O>,
  filter: DeliverableListFilter,
): SelectQueryBuilder<Database, 'deliverables', O> {
  const { from, to } = filter;
  if (from !== undefined || to !== undefined) {
    query = query.where((eb) => {
      const inRange = (column: 'publishAt' | 'draftDueAt') =>
        eb.and([
          ...(from !== undefined ? [eb(column, '>=', from)] : []),
          ...(to !== undefined ? [eb(column, '<', to)] : []),
        ]);
      return eb.or([inRange('publishAt'), inRange('draftDueAt')]);
    });
  }
  if (filter.dealId?.length) query = query.where('dealId', 'in', filter.dealId);
  if (filter.brandId?.length) query = query.where('brandId', 'in', filter.brandId);
  if (filter.platform?.length) query = query.where('platform', 'in', filter.platform);
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.assigneeId?.length) query = query.where('assigneeId', 'in', filter.assigneeId);
  return query;
}

/** The lean columns the calendar and the status board read: enough to draw and move an item. */
export const CALENDAR_COLUMNS = [
  'id',
  'dealId',
  'brandId',
  'title',
  'platform',
  'format',
  'status',
  'draftDueAt',
  'publishAt',
  'assigneeId',
  'disclosureDone',
  'version',
] as const;

/** Deliverables per part of the calendar: a step of about a millisecond. */
export const CALENDAR_PART_ROWS = 250;

type CalendarFilter = DeliverableListFilter & { from: string; to: string };

/**
 * The calendar's deliverables between `from` and `to` (a go-live or a draft
 * due inside), in parts, in the order of one query (by go-live, undated last,
 * then id): those with a draft due inside and a go-live before, then the
 * go-lives inside, `partRows` at a time (after the last one read, by go-live
 * and id), then drafts due inside going live after or undated. Only the
 * columns the covering indexes hold (migration 0009) are read, so each read is
 * a range of one index; no part is longer than `partRows`. Between parts the
 * caller can let other requests go first (a month of a busy workspace is tens
 * of milliseconds of reading). Parts are read one after another, not in one
 * snapshot: a deliverable moved meanwhile can show up twice (dropped here)
 * or not at all, until the calendar reads it again.
 */
export async function* calendarDeliverableParts(
  db: Kysely<Database>,
  filter: CalendarFilter,
  { partRows = CALENDAR_PART_ROWS }: { partRows?: number } = {},
): AsyncGenerator<CalendarDeliverable[]> {
  const { from, to } = filter;
  const seen = new Set<string>();
  const fresh = (rows: CalendarDeliverable[]) =>
    rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
  const params: Record<string, PreparedValue> = { from, to, rows: partRows };
  for (const name of LIST_FILTERS) {
    filter[name]?.forEach((value, i) => (params[`${name}.${i}`] = value));
  }
  const read = async (part: CalendarPart) => {
    const rows = await calendarQuery(part, filter)(db, params);
    for (const row of rows) row.disclosureDone = Boolean(row.disclosureDone);
    return rows as CalendarDeliverable[];
  };

  const draftsOnly = await read('draftsOnly');
  const goneLiveBefore = draftsOnly.findIndex(
    (row) => row.publishAt === null || row.publishAt >= from,
  );
  /** `rows` in parts of at most `partRows`, each without the ones already given. */
  function* inParts(rows: CalendarDeliverable[]) {
    for (let at = 0; at < rows.length; at += partRows) yield fresh(rows.slice(at, at + partRows));
  }
  const before = goneLiveBefore === -1 ? draftsOnly : draftsOnly.slice(0, goneLiveBefore);
  yield* inParts(before);

  for (let part = await read('goLives'); ; part = await read('goLivesAfter')) {
    yield fresh(part);
    if (part.length < partRows) break;
    const { publishAt, id } = part.at(-1)!;
    params.afterPublishAt = publishAt;
    params.afterId = id;
  }
  if (goneLiveBefore !== -1) yield* inParts(draftsOnly.slice(goneLiveBefore));
}

/** The list filters the calendar takes beside its range: lists of values, any length. */
const LIST_FILTERS = ['dealId', 'brandId', 'platform', 'status', 'assigneeId'] as const;

/**
 * The calendar's three reads: drafts due inside whose go-live is not (before `from`, after
 * `to`, or none); the first `rows` go-lives inside; the next `rows` after the last one read
 * (`afterPublishAt`, `afterId`).
 */
type CalendarPart = 'draftsOnly' | 'goLives' | 'goLivesAfter';

type CalendarRow = Pick<DeliverableRow, (typeof CALENDAR_COLUMNS)[number]>;

/** Prepared calendar reads by part and filter shape (how many values each list filter has). */
const calendarQueries = new Map<
  string,
  (db: Kysely<Database>, params: Record<string, PreparedValue>) => Promise<CalendarRow[]>
>();

/**
 * The calendar's read of `part` for filters of `filter`'s shape, prepared once (prepared.ts):
 * a month is a handful of reads, and building and compiling each, then mapping its rows
 * through Kysely's plugins, cost more than SQLite took to answer it. Its values are bound
 * by name: `from`, `to`, `rows`, `afterPublishAt`, `afterId` and `<filter>.<i>`.
 */
function calendarQuery(part: CalendarPart, filter: CalendarFilter) {
  const shape = [part, ...LIST_FILTERS.map((name) => filter[name]?.length ?? 0)].join(':');
  let query = calendarQueries.get(shape);
  if (query) return query;
  query = preparedQuery<Record<string, PreparedValue>, CalendarRow>((db, param) => {
    const placeholders: DeliverableListFilter = {};
    for (const name of LIST_FILTERS) {
      placeholders[name] = filter[name]?.map((_, i) => param(`${name}.${i}`));
    }
    const from = param('from');
    const to = param('to');
    const lean = filtered(db.selectFrom('deliverables').select(CALENDAR_COLUMNS), placeholders);
    const inRange =
      part === 'draftsOnly'
        ? lean
            .where('draftDueAt', '>=', from)
            .where('draftDueAt', '<', to)
            .where((eb) =>
              eb.or([
                eb('publishAt', 'is', null),
                eb('publishAt', '<', from),
                eb('publishAt', '>=', to),
              ]),
            )
        : part === 'goLives'
          ? lean.where('publishAt', '>=', from).where('publishAt', '<', to).limit(param('rows'))
          : lean
              .where('publishAt', '>=', param('afterPublishAt'))
              .where('publishAt', '<', to)
              .where((eb) =>
                eb.or([
                  eb('publishAt', '>', param('afterPublishAt')),
                  eb('id', '>', param('afterId')),
                ]),
              )
              .limit(param('rows'));
    return inRange
      .orderBy(sql`publish_at is null`)
      .orderBy('publishAt')
      .orderBy('id');
  });
  // Shapes are few (the calendar's filters are short lists); a flood of odd ones starts over.
  if (calendarQueries.size >= 100) calendarQueries.clear();
  calendarQueries.set(shape, query);
  return query;
}

const deliverableById = preparedQuery<{ id: string }, DeliverableRow>((db, param) =>
  db.selectFrom('deliverables').selectAll().where('id', '=', param('id')),
);

export async function getDeliverable(db: Kysely<Database>, id: string): Promise<Deliverable> {
  const [row] = await deliverableById(db, { id });
  if (!row) throw notFound('Deliverable');
  return toDeliverable(row);
}

async function brandOfDeal(db: Kysely<Database>, dealId: string): Promise<string> {
  const deal = await db
    .selectFrom('deals')
    .select('brandId')
    .where('id', '=', dealId)
    .executeTakeFirst();
  if (!deal) throw invalidField('dealId', 'No deal with this id');
  return deal.brandId;
}

async function assertAssignee(
  db: Kysely<Database>,
  assigneeId: string | null | undefined,
): Promise<void> {
  if (!assigneeId) return;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', assigneeId)
    .executeTakeFirst();
  if (!user) throw invalidField('assigneeId', 'No team member with this id');
}

/** Advice about the deliverable alone that does not block saving. */
/** What the warnings are worked out from: the calendar's shape has it too. */
type WarnedOf = Pick<
  Deliverable,
  'id' | 'brandId' | 'draftDueAt' | 'publishAt' | 'status' | 'disclosureDone'
>;

function ownWarnings(d: WarnedOf): Warning[] {
  const warnings: Warning[] = [];
  if (d.draftDueAt && d.publishAt && d.draftDueAt > d.publishAt) {
    warnings.push({
      code: 'draft_after_publish',
      message: 'The draft is due after the go-live; the brand will not see it in time.',
    });
  }
  if (d.status === 'published' && !d.disclosureDone) {
    warnings.push({
      code: 'published_without_disclosure',
      message:
        'Published without disclosure: tick the paid-partnership label, #ad or the branded-content toggle once the post says it is paid.',
    });
  }
  return warnings;
}

/**
 * Advice that does not block saving, answered beside each deliverable: its own
 * (draft after go-live, published without disclosure) and another brand's
 * exclusivity covering its go-live.
 */
export async function withWarnings<T extends WarnedOf>(
  db: Kysely<Database>,
  deliverables: T[],
  now: Date,
): Promise<Array<T & { warnings: Warning[] }>> {
  const exclusivity = await exclusivityWarnings(db, deliverables, now);
  // Added in place, not copied: a month of the calendar is thousands of fresh objects.
  return deliverables.map((d) => {
    const warnings = ownWarnings(d);
    const clashes = exclusivity.get(d.id);
    if (clashes) warnings.push(...clashes);
    return Object.assign(d, { warnings });
  });
}

export async function deliverableWarnings(
  db: Kysely<Database>,
  deliverable: Deliverable,
  now: Date,
): Promise<Warning[]> {
  const [withThem] = await withWarnings(db, [{ ...deliverable }], now);
  return withThem!.warnings;
}

/** Proof of post: nothing is `published` without the URL where it went live. */
function assertProofOfPost(status: string, liveUrl: string | null): void {
  if (status === 'published' && !liveUrl) {
    throw invalidField(
      'liveUrl',
      'Add the live URL of the post to mark it published (proof of post)',
    );
  }
}

/**
 * The checklist items a PATCH sets; unless it also says `disclosureDone`, that
 * follows the checklist (done when any item is ticked).
 */
function checklistColumns(
  current: Deliverable,
  disclosure: DeliverablePatchInput['disclosure'],
  disclosureDone: boolean | undefined,
): DeliverableUpdate {
  if (!disclosure) return {};
  const merged = { ...current.disclosure, ...disclosure };
  return {
    disclosureLabel: merged.paidPartnershipLabel,
    disclosureHashtag: merged.adInCaption,
    disclosureToggle: merged.brandedContentToggle,
    ...(disclosureDone === undefined
      ? { disclosureDone: Object.values(merged).some(Boolean) }
      : {}),
  };
}

type MetricsInput = DeliverableCreateInput['metrics'];

function metricColumns(metrics: MetricsInput): DeliverableUpdate {
  if (!metrics) return {};
  const columns: DeliverableUpdate = {};
  if (metrics.views !== undefined) columns.metricsViews = metrics.views;
  if (metrics.likes !== undefined) columns.metricsLikes = metrics.likes;
  if (metrics.comments !== undefined) columns.metricsComments = metrics.comments;
  if (metrics.shares !== undefined) columns.metricsShares = metrics.shares;
  if (metrics.saves !== undefined) columns.metricsSaves = metrics.saves;
  if (metrics.clicks !== undefined) columns.metricsClicks = metrics.clicks;
  return columns;
}

export async function insertDeliverable(
  db: Kysely<Database>,
  input: DeliverableCreateInput,
  now: Date,
): Promise<Deliverable> {
  const id = newId();
  const at = now.toISOString();
  const status = input.status ?? 'planned';
  assertProofOfPost(status, input.liveUrl ?? null);
  const checklist = {
    disclosureLabel: input.disclosure?.paidPartnershipLabel ?? false,
    disclosureHashtag: input.disclosure?.adInCaption ?? false,
    disclosureToggle: input.disclosure?.brandedContentToggle ?? false,
  };
  await inTransaction(db, async (trx) => {
    const brandId = await brandOfDeal(trx, input.dealId);
    await assertAssignee(trx, input.assigneeId);
    await trx
      .insertInto('deliverables')
      .values({
        id,
        dealId: input.dealId,
        brandId,
        title: input.title,
        platform: input.platform,
        format: input.format ?? 'post',
        status,
        draftDueAt: input.draftDueAt ?? null,
        publishAt: input.publishAt ?? null,
        assigneeId: input.assigneeId ?? null,
        caption: input.caption ?? '',
        brief: input.brief ?? '',
        disclosureDone: input.disclosureDone ?? Object.values(checklist).some(Boolean),
        ...checklist,
        draftLinks: JSON.stringify(input.draftLinks ?? []),
        liveUrl: input.liveUrl ?? null,
        metricsViews: input.metrics?.views ?? null,
        metricsLikes: input.metrics?.likes ?? null,
        metricsComments: input.metrics?.comments ?? null,
        metricsShares: input.metrics?.shares ?? null,
        metricsSaves: input.metrics?.saves ?? null,
        metricsClicks: input.metrics?.clicks ?? null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
  });
  return getDeliverable(db, id);
}

export async function updateDeliverable(
  db: Kysely<Database>,
  id: string,
  patch: DeliverablePatchInput,
  now: Date,
  /** The deliverable as read before the change (the audited PATCH has it): not read again. */
  before?: Deliverable,
): Promise<Deliverable> {
  const { version, metrics, disclosure, draftLinks, ...changes } = patch;
  return inTransaction(db, async (trx) => {
    const current = before ?? (await getDeliverable(trx, id));
    assertProofOfPost(
      changes.status ?? current.status,
      changes.liveUrl !== undefined ? changes.liveUrl : current.liveUrl,
    );
    const brandId =
      changes.dealId !== undefined ? await brandOfDeal(trx, changes.dealId) : undefined;
    await assertAssignee(trx, changes.assigneeId);
    const row = await trx
      .updateTable('deliverables')
      .set({
        ...changes,
        ...(brandId !== undefined ? { brandId } : {}),
        ...checklistColumns(current, disclosure, changes.disclosureDone),
        ...(draftLinks !== undefined ? { draftLinks: JSON.stringify(draftLinks) } : {}),
        ...metricColumns(metrics),
        version: version + 1,
        updatedAt: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    const after = toDeliverable(
      await assertVersionedRow(trx, row, 'deliverables', id, 'Deliverable'),
    );
    // New counts on a live post are kept as today's measurement too, so the campaign
    // report's history and growth hold every update, however it was typed in.
    if (
      metrics &&
      after.status === 'published' &&
      JSON.stringify(after.metrics) !== JSON.stringify(current.metrics)
    ) {
      const { timeZone } = await getSettings(trx, now);
      await keepDaySnapshot(trx, id, todayIn(now, timeZone), after.metrics, null, now);
    }
    return after;
  });
}

export async function deleteDeliverable(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom('deliverables').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Deliverable');
}
