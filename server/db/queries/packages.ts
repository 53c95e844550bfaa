import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { addDays, zonedInstant } from '../../../shared/days';
import type {
  DealPackage,
  PackageItem,
  packageInputSchema,
  packagePatchSchema,
} from '../../../shared/schemas/package';
import { notFound } from '../../errors';
import { newId } from '../../ids';
import type { Database, DealPackageRow } from '../schema';
import type { DeliverableCreateInput } from './deliverables';
import { assertVersionedRow } from './versioned';

export type PackageInputValues = z.output<typeof packageInputSchema>;
export type PackagePatchValues = z.output<typeof packagePatchSchema>;

function parseItems(json: string): PackageItem[] {
  try {
    const items: unknown = JSON.parse(json);
    return Array.isArray(items) ? (items as PackageItem[]) : [];
  } catch {
    return [];
  }
}

function toPackage(row: DealPackageRow): DealPackage {
  return {
    id: row.id,
    name: row.name,
    publishTime: row.publishTime,
    usageRightsDays: row.usageRightsDays === null ? null : Number(row.usageRightsDays),
    items: parseItems(row.items),
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every package, by name. */
export async function listPackages(db: Kysely<Database>): Promise<DealPackage[]> {
  const rows = await db
    .selectFrom('dealPackages')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toPackage);
}

export async function getPackage(db: Kysely<Database>, id: string): Promise<DealPackage> {
  const row = await db
    .selectFrom('dealPackages')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Package');
  return toPackage(row);
}

export async function insertPackage(
  db: Kysely<Database>,
  input: PackageInputValues,
  now: Date,
): Promise<DealPackage> {
  const at = now.toISOString();
  const row = await db
    .insertInto('dealPackages')
    .values({
      id: newId(),
      name: input.name,
      publishTime: input.publishTime,
      usageRightsDays: input.usageRightsDays,
      items: JSON.stringify(input.items),
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPackage(row);
}

/** Replaces a package's name, time, usage and lines; 409 when `version` is stale. */
export async function updatePackage(
  db: Kysely<Database>,
  id: string,
  patch: PackagePatchValues,
  now: Date,
): Promise<DealPackage> {
  const { version, ...input } = patch;
  const row = await db
    .updateTable('dealPackages')
    .set({
      name: input.name,
      publishTime: input.publishTime,
      usageRightsDays: input.usageRightsDays,
      items: JSON.stringify(input.items),
      version: version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return toPackage(await assertVersionedRow(db, row, 'dealPackages', id, 'Package'));
}

export async function deletePackage(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom('dealPackages').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Package');
}

export interface PackagePlan {
  deliverables: Array<Omit<DeliverableCreateInput, 'dealId'>>;
  /** The day of the last go-live (the usage period runs from it). */
  lastDay: string;
}

/**
 * What applying a package from `startDay` creates: each line's deliverables
 * (one per day of its `count`), at the package's time of day in `timeZone`.
 */
export function planPackage(pkg: DealPackage, startDay: string, timeZone: string): PackagePlan {
  const deliverables: PackagePlan['deliverables'] = [];
  let lastDay = startDay;
  for (const item of pkg.items) {
    for (let i = 0; i < item.count; i++) {
      const day = addDays(startDay, item.day + i);
      if (day > lastDay) lastDay = day;
      deliverables.push({
        title: item.title,
        platform: item.platform,
        format: item.format,
        brief: item.brief,
        publishAt: zonedInstant(day, pkg.publishTime, timeZone),
        draftDueAt:
          item.draftDaysBefore === null
            ? null
            : zonedInstant(addDays(day, -item.draftDaysBefore), pkg.publishTime, timeZone),
      });
    }
  }
  return { deliverables, lastDay };
}
