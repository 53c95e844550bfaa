import { sql, type Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import {
  BOARD_MAX_ITEMS,
  type BoardAnswer,
  type BulkAction,
  type bulkTargetSchema,
  type restoreItemSchema,
} from '../../../shared/schemas/bulk';
import type { CalendarDeliverable, Deliverable } from '../../../shared/schemas/deliverable';
import { AppError, invalidField } from '../../errors';
import type { Database, DeliverableUpdate } from '../schema';
import { CALENDAR_COLUMNS, toDeliverable } from './deliverables';

export type BulkTarget = z.output<typeof bulkTargetSchema>;
export type RestoreItem = z.output<typeof restoreItemSchema>;

/** What the board reads: a window (default: from 30 days before now) and the calendar's filters. */
export interface BoardFilter {
  from?: string | undefined;
  to?: string | undefined;
  brandId?: string[] | undefined;
  platform?: string[] | undefined;
}

const BOARD_LOOKBACK_DAYS = 30;

/**
 * The board's deliverables: those with a go-live or draft due in the window,
 * and the undated ones (still to plan), at most {@link BOARD_MAX_ITEMS} in
 * go-live order, in the calendar's lean shape.
 */
export async function listBoardDeliverables(
  db: Kysely<Database>,
  filter: BoardFilter,
  now: Date,
): Promise<BoardAnswer> {
  const from =
    filter.from ?? new Date(now.getTime() - BOARD_LOOKBACK_DAYS * 86_400_000).toISOString();
  const to = filter.to ?? null;
  let query = db
    .selectFrom('deliverables')
    .select(CALENDAR_COLUMNS)
    .where((eb) => {
      const inWindow = (column: 'publishAt' | 'draftDueAt') =>
        eb.and([eb(column, '>=', from), ...(to !== null ? [eb(column, '<', to)] : [])]);
      return eb.or([
        inWindow('publishAt'),
        inWindow('draftDueAt'),
        eb.and([eb('publishAt', 'is', null), eb('draftDueAt', 'is', null)]),
      ]);
    });
  if (filter.brandId?.length) query = query.where('brandId', 'in', filter.brandId);
  if (filter.platform?.length)
    query = query.where('platform', 'in', filter.platform as CalendarDeliverable['platform'][]);
  const rows = await query
    .orderBy(sql`publish_at is null`)
    .orderBy('publishAt')
    .orderBy('id')
    .limit(BOARD_MAX_ITEMS + 1)
    .execute();
  const items = rows.slice(0, BOARD_MAX_ITEMS).map((row) => ({
    ...row,
    disclosureDone: Boolean(row.disclosureDone),
  }));
  return { items, from, to, truncated: rows.length > BOARD_MAX_ITEMS };
}

/** A 409 naming the deliverables that changed or went since the client read them. */
function staleTargets(stale: Array<{ index: number; title: string; gone: boolean }>): AppError {
  const names = stale.map((s) => `"${s.title}"`).join(', ');
  return new AppError(
    409,
    'version_conflict',
    `Changed or deleted by someone else since you loaded them: ${names}. Nothing was changed; reload and try again.`,
    stale.map((s) => ({
      path: `ids.${s.index}.version`,
      message: s.gone ? 'Deleted since you loaded it' : 'Changed since you loaded it',
    })),
  );
}

/** The targets as they are now, in request order; 409 naming every stale or missing one. */
async function loadTargets(db: Kysely<Database>, targets: BulkTarget[]): Promise<Deliverable[]> {
  const rows = await db
    .selectFrom('deliverables')
    .selectAll()
    .where(
      'id',
      'in',
      targets.map((t) => t.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toDeliverable(row)]));
  const stale = targets.flatMap((t, index) => {
    const current = byId.get(t.id);
    if (current && current.version === t.version) return [];
    return [{ index, title: current?.title ?? t.id, gone: !current }];
  });
  if (stale.length > 0) throw staleTargets(stale);
  return targets.map((t) => byId.get(t.id)!);
}

/** An instant moved by whole days in the zone: the wall-clock time stays across DST. */
export function shiftInstant(iso: string | null, days: number, timeZone: string): string | null {
  if (iso === null) return null;
  const moved = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).add({ days });
  return new Date(moved.epochMilliseconds).toISOString();
}

/** The columns an action sets on one deliverable (delete aside). */
function changesOf(
  action: Exclude<BulkAction, { type: 'delete' }>,
  d: Deliverable,
  timeZone: string,
): DeliverableUpdate {
  switch (action.type) {
    case 'status':
      return { status: action.status };
    case 'assignee':
      return { assigneeId: action.assigneeId };
    case 'shift':
      return {
        publishAt: shiftInstant(d.publishAt, action.days, timeZone),
        draftDueAt: shiftInstant(d.draftDueAt, action.days, timeZone),
      };
  }
}

/** Refuses an action some target cannot take, naming the first (nothing is written yet). */
async function assertActionAllowed(
  db: Kysely<Database>,
  action: BulkAction,
  current: Deliverable[],
): Promise<void> {
  if (action.type === 'status' && action.status === 'published') {
    const index = current.findIndex((d) => !d.liveUrl);
    if (index >= 0) {
      throw invalidField(
        `ids.${index}`,
        `"${current[index]!.title}" has no live URL: add it before marking it published (proof of post)`,
      );
    }
  }
  if (action.type === 'assignee' && action.assigneeId !== null) {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', action.assigneeId)
      .executeTakeFirst();
    if (!user) throw invalidField('action.assigneeId', 'No team member with this id');
  }
}

export interface BulkResult {
  before: Deliverable;
  after: Deliverable | null;
}

/**
 * Applies one action to every target at the version it was read, inside the
 * caller's transaction: one stale target (409) or one that cannot take the
 * action (400) and nothing is written.
 */
export async function applyBulkAction(
  trx: Kysely<Database>,
  targets: BulkTarget[],
  action: BulkAction,
  now: Date,
  timeZone: string,
): Promise<BulkResult[]> {
  const current = await loadTargets(trx, targets);
  await assertActionAllowed(trx, action, current);
  const results: BulkResult[] = [];
  for (const before of current) {
    const guarded = { id: before.id, version: before.version };
    if (action.type === 'delete') {
      const result = await trx
        .deleteFrom('deliverables')
        .where('id', '=', guarded.id)
        .where('version', '=', guarded.version)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw staleAt(targets, before);
      results.push({ before, after: null });
      continue;
    }
    const row = await trx
      .updateTable('deliverables')
      .set({
        ...changesOf(action, before, timeZone),
        version: before.version + 1,
        updatedAt: now.toISOString(),
      })
      .where('id', '=', guarded.id)
      .where('version', '=', guarded.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw staleAt(targets, before);
    results.push({ before, after: toDeliverable(row) });
  }
  return results;
}

/** Changed between the read and the write (another instance's write got in between). */
function staleAt(targets: BulkTarget[], d: Deliverable): AppError {
  const index = targets.findIndex((t) => t.id === d.id);
  return staleTargets([{ index, title: d.title, gone: false }]);
}

/** A restored deliverable: as it was before the undo (null when it came back from a delete) and now. */
export interface RestoreResult {
  before: Deliverable | null;
  after: Deliverable;
}

/**
 * Puts deliverables back as their snapshots say (see `restoreItemSchema`),
 * inside the caller's transaction: one that changed since, or came back
 * already, and nothing is restored (409 naming it). Answers each as it now is.
 */
export async function restoreDeliverables(
  trx: Kysely<Database>,
  items: RestoreItem[],
  now: Date,
): Promise<RestoreResult[]> {
  const rows = await trx
    .selectFrom('deliverables')
    .selectAll()
    .where(
      'id',
      'in',
      items.map((i) => i.snapshot.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toDeliverable(row)]));
  const stale = items.flatMap((item, index) => {
    const current = byId.get(item.snapshot.id);
    const ok = item.version === null ? !current : current?.version === item.version;
    return ok ? [] : [{ index, title: current?.title ?? item.snapshot.title, gone: !current }];
  });
  if (stale.length > 0) throw restoreRefused(stale);
  const results: RestoreResult[] = [];
  for (const item of items) {
    const current = byId.get(item.snapshot.id);
    results.push(
      current
        ? { before: current, after: await restorePlanning(trx, current, item.snapshot, now) }
        : { before: null, after: await reinsert(trx, item.snapshot, now) },
    );
  }
  return results;
}

function restoreRefused(stale: Array<{ index: number; title: string; gone: boolean }>): AppError {
  const names = stale.map((s) => `"${s.title}"`).join(', ');
  return new AppError(
    409,
    'version_conflict',
    `Not undone: ${names} changed since. Nothing was overwritten.`,
    stale.map((s) => ({
      path: `items.${s.index}.version`,
      message: s.gone ? 'Deleted since' : 'Changed since (or already restored)',
    })),
  );
}

async function restorePlanning(
  trx: Kysely<Database>,
  current: Deliverable,
  snapshot: RestoreItem['snapshot'],
  now: Date,
): Promise<Deliverable> {
  const row = await trx
    .updateTable('deliverables')
    .set({
      status: snapshot.status ?? current.status,
      assigneeId: snapshot.assigneeId ?? null,
      publishAt: snapshot.publishAt ?? null,
      draftDueAt: snapshot.draftDueAt ?? null,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw restoreRefused([{ index: 0, title: current.title, gone: false }]);
  return toDeliverable(row);
}

/** A deleted deliverable back with its id and every field; its deal must still be there. */
async function reinsert(
  trx: Kysely<Database>,
  s: RestoreItem['snapshot'],
  now: Date,
): Promise<Deliverable> {
  const deal = await trx
    .selectFrom('deals')
    .select('brandId')
    .where('id', '=', s.dealId)
    .executeTakeFirst();
  if (!deal) {
    throw new AppError(409, 'conflict', `Not undone: the deal of "${s.title}" was deleted since.`);
  }
  const assignee = s.assigneeId
    ? await trx.selectFrom('users').select('id').where('id', '=', s.assigneeId).executeTakeFirst()
    : undefined;
  const row = await trx
    .insertInto('deliverables')
    .values({
      id: s.id,
      dealId: s.dealId,
      brandId: deal.brandId,
      title: s.title,
      platform: s.platform,
      format: s.format ?? 'post',
      status: s.status ?? 'planned',
      draftDueAt: s.draftDueAt ?? null,
      publishAt: s.publishAt ?? null,
      // A teammate removed meanwhile leaves it unassigned rather than refusing the undo.
      assigneeId: assignee ? assignee.id : null,
      caption: s.caption ?? '',
      brief: s.brief ?? '',
      disclosureDone: s.disclosureDone ?? false,
      disclosureLabel: s.disclosure?.paidPartnershipLabel ?? false,
      disclosureHashtag: s.disclosure?.adInCaption ?? false,
      disclosureToggle: s.disclosure?.brandedContentToggle ?? false,
      draftLinks: JSON.stringify(s.draftLinks ?? []),
      liveUrl: s.liveUrl ?? null,
      metricsViews: s.metrics?.views ?? null,
      metricsLikes: s.metrics?.likes ?? null,
      metricsComments: s.metrics?.comments ?? null,
      metricsShares: s.metrics?.shares ?? null,
      metricsSaves: s.metrics?.saves ?? null,
      metricsClicks: s.metrics?.clicks ?? null,
      version: 1,
      createdAt: s.createdAt,
      updatedAt: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDeliverable(row);
}

/** An alert acknowledged by a bulk request: what the audit trail records of it. */
export interface AcknowledgedAlert {
  id: string;
  message: string;
  acknowledgedAt: string;
  acknowledgedBy: string;
}

/**
 * Acknowledges the listed alerts, or every open one (not snoozed into the
 * future, not resolved): those acknowledged already keep who did it first.
 * Unknown ids are a 400 naming them, before anything is written.
 */
export async function acknowledgeAlerts(
  trx: Kysely<Database>,
  which: { ids?: string[] | undefined; all?: true | undefined },
  userId: string,
  now: Date,
): Promise<AcknowledgedAlert[]> {
  const nowIso = now.toISOString();
  if (which.ids) {
    const found = new Set(
      (await trx.selectFrom('alerts').select('id').where('id', 'in', which.ids).execute()).map(
        (r) => r.id,
      ),
    );
    const index = which.ids.findIndex((id) => !found.has(id));
    if (index >= 0) throw invalidField(`ids.${index}`, 'No alert with this id');
  }
  let query = trx
    .updateTable('alerts')
    .set({ acknowledgedAt: nowIso, acknowledgedBy: userId })
    .where('acknowledgedAt', 'is', null);
  query = which.ids
    ? query.where('id', 'in', which.ids)
    : query
        .where('resolvedAt', 'is', null)
        .where((eb) => eb.or([eb('snoozedUntil', 'is', null), eb('snoozedUntil', '<=', nowIso)]));
  const rows = await query.returning(['id', 'message']).execute();
  return rows.map((r) => ({ ...r, acknowledgedAt: nowIso, acknowledgedBy: userId }));
}
