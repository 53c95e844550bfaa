import type { Kysely, Selectable } from 'kysely';
import { engagementRate } from '../../../shared/schemas/deliverable';
import type {
  MetricSnapshot,
  MetricSnapshotCreate,
  MetricValues,
} from '../../../shared/schemas/report';
import { newId } from '../../ids';
import type { Database, MetricSnapshotsTable } from '../schema';

type SnapshotRow = Selectable<MetricSnapshotsTable>;

const count = (n: number | string | null): number | null => (n === null ? null : Number(n));

export function metricValuesOf(row: {
  views: number | string | null;
  likes: number | string | null;
  comments: number | string | null;
  shares: number | string | null;
  saves: number | string | null;
  clicks: number | string | null;
}): MetricValues {
  return {
    views: count(row.views),
    likes: count(row.likes),
    comments: count(row.comments),
    shares: count(row.shares),
    saves: count(row.saves),
    clicks: count(row.clicks),
  };
}

function toSnapshot(row: SnapshotRow): MetricSnapshot {
  const metrics = metricValuesOf(row);
  return {
    id: row.id,
    deliverableId: row.deliverableId,
    measuredOn: String(row.measuredOn).slice(0, 10),
    metrics,
    engagementRate: engagementRate(metrics),
    createdAt: row.createdAt,
  };
}

/** Keeps the counts measured on one day: a second measurement of the same day replaces the first. */
export async function keepDaySnapshot(
  trx: Kysely<Database>,
  deliverableId: string,
  measuredOn: string,
  counts: Partial<MetricValues>,
  createdBy: string | null,
  now: Date,
): Promise<void> {
  const values = {
    views: counts.views ?? null,
    likes: counts.likes ?? null,
    comments: counts.comments ?? null,
    shares: counts.shares ?? null,
    saves: counts.saves ?? null,
    clicks: counts.clicks ?? null,
  };
  await trx
    .insertInto('metricSnapshots')
    .values({
      id: newId(),
      deliverableId,
      measuredOn,
      ...values,
      createdBy,
      createdAt: now.toISOString(),
    })
    .onConflict((oc) =>
      oc
        .columns(['deliverableId', 'measuredOn'])
        .doUpdateSet({ ...values, createdBy, createdAt: now.toISOString() }),
    )
    .execute();
}

/**
 * Keeps the counts measured on one day and sets the deliverable's own metrics
 * to its latest snapshot, bumping its version: an open edit form learns of the change.
 */
export async function recordMetricSnapshot(
  trx: Kysely<Database>,
  deliverableId: string,
  input: MetricSnapshotCreate,
  createdBy: string | null,
  now: Date,
): Promise<MetricSnapshot> {
  await keepDaySnapshot(trx, deliverableId, input.measuredOn, input, createdBy, now);
  const history = await listMetricSnapshots(trx, deliverableId);
  const latest = history.at(-1)!;
  await trx
    .updateTable('deliverables')
    .set((eb) => ({
      metricsViews: latest.metrics.views,
      metricsLikes: latest.metrics.likes,
      metricsComments: latest.metrics.comments,
      metricsShares: latest.metrics.shares,
      metricsSaves: latest.metrics.saves,
      metricsClicks: latest.metrics.clicks,
      version: eb('version', '+', 1),
      updatedAt: now.toISOString(),
    }))
    .where('id', '=', deliverableId)
    .execute();
  return history.find((s) => s.measuredOn === input.measuredOn)!;
}

/** A deliverable's snapshots, oldest day first. */
export async function listMetricSnapshots(
  db: Kysely<Database>,
  deliverableId: string,
): Promise<MetricSnapshot[]> {
  const rows = await db
    .selectFrom('metricSnapshots')
    .selectAll()
    .where('deliverableId', '=', deliverableId)
    .orderBy('measuredOn')
    .execute();
  return rows.map(toSnapshot);
}

/** The snapshots of every deliverable of a deal, oldest day first, by deliverable. */
export async function snapshotsOfDeal(
  db: Kysely<Database>,
  dealId: string,
): Promise<Map<string, MetricSnapshot[]>> {
  const rows = await db
    .selectFrom('metricSnapshots')
    .innerJoin('deliverables', 'deliverables.id', 'metricSnapshots.deliverableId')
    .selectAll('metricSnapshots')
    .where('deliverables.dealId', '=', dealId)
    .orderBy('metricSnapshots.measuredOn')
    .execute();
  const byDeliverable = new Map<string, MetricSnapshot[]>();
  for (const row of rows) {
    const list = byDeliverable.get(row.deliverableId) ?? [];
    list.push(toSnapshot(row));
    byDeliverable.set(row.deliverableId, list);
  }
  return byDeliverable;
}
