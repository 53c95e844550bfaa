import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { Pitch, PitchChannel, pitchCreateSchema } from '../../../shared/schemas/brand';
import { notFound } from '../../errors';
import { newId } from '../../ids';
import type { BrandPitchesTable, Database } from '../schema';

export type PitchCreateInput = z.output<typeof pitchCreateSchema>;

function toPitch(row: Selectable<BrandPitchesTable>): Pitch {
  return {
    id: row.id,
    brandId: row.brandId,
    pitchedOn: row.pitchedOn,
    // Only the schema's channels are ever written.
    channel: row.channel as PitchChannel,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/** Throws 404 unless the brand exists (a pitch log belongs to one). */
export async function assertBrandExists(db: Kysely<Database>, brandId: string): Promise<void> {
  const brand = await db
    .selectFrom('brands')
    .select('id')
    .where('id', '=', brandId)
    .executeTakeFirst();
  if (!brand) throw notFound('Brand');
}

/** A brand's pitch log, newest first (by day, then by when it was logged). */
export async function listPitches(db: Kysely<Database>, brandId: string): Promise<Pitch[]> {
  await assertBrandExists(db, brandId);
  const rows = await db
    .selectFrom('brandPitches')
    .selectAll()
    .where('brandId', '=', brandId)
    .orderBy('pitchedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toPitch);
}

/** One entry of one brand's log: 404 when it does not exist or belongs to another brand. */
export async function getPitch(
  db: Kysely<Database>,
  brandId: string,
  pitchId: string,
): Promise<Pitch> {
  const row = await db
    .selectFrom('brandPitches')
    .selectAll()
    .where('id', '=', pitchId)
    .where('brandId', '=', brandId)
    .executeTakeFirst();
  if (!row) throw notFound('Pitch');
  return toPitch(row);
}

export async function insertPitch(
  db: Kysely<Database>,
  brandId: string,
  input: PitchCreateInput,
  createdBy: string | null,
  now: Date,
): Promise<Pitch> {
  await assertBrandExists(db, brandId);
  const id = newId();
  await db
    .insertInto('brandPitches')
    .values({
      id,
      brandId,
      pitchedOn: input.pitchedOn,
      channel: input.channel,
      note: input.note ?? '',
      createdBy,
      createdAt: now.toISOString(),
    })
    .execute();
  return getPitch(db, brandId, id);
}

export async function deletePitch(
  db: Kysely<Database>,
  brandId: string,
  pitchId: string,
): Promise<void> {
  const result = await db
    .deleteFrom('brandPitches')
    .where('id', '=', pitchId)
    .where('brandId', '=', brandId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Pitch');
}
