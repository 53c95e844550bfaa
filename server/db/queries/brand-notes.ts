import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { PitchChannel } from '../../../shared/schemas/brand';
import type { Note, noteCreateSchema } from '../../../shared/schemas/timeline';
import { startOfDay, todayIn } from '../../../shared/days';
import { notFound } from '../../errors';
import { newId } from '../../ids';
import type { BrandNotesTable, Database } from '../schema';
import { assertBrandExists } from './pitches';

export type NoteCreateInput = z.output<typeof noteCreateSchema>;

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

function toNote(row: Selectable<BrandNotesTable>): Note {
  return {
    id: row.id,
    brandId: row.brandId,
    happenedOn: row.happenedOn,
    // Only the schema's channels are ever written.
    channel: row.channel as PitchChannel,
    text: row.text,
    at: row.at,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/**
 * Where a note sorts on the timeline: written on the day it tells of (in the
 * workspace's zone), when it was written; written later (a call last Tuesday)
 * or ahead, noon of that day, so it sits among that day's other touches.
 */
export function noteInstant(happenedOn: string, now: Date, timeZone: string): Date {
  if (happenedOn === todayIn(now, timeZone)) return now;
  return new Date(startOfDay(happenedOn, timeZone).getTime() + HALF_DAY_MS);
}

/** One note of one brand: 404 when it does not exist or belongs to another brand. */
export async function getNote(
  db: Kysely<Database>,
  brandId: string,
  noteId: string,
): Promise<Note> {
  const row = await db
    .selectFrom('brandNotes')
    .selectAll()
    .where('id', '=', noteId)
    .where('brandId', '=', brandId)
    .executeTakeFirst();
  if (!row) throw notFound('Note');
  return toNote(row);
}

export async function insertNote(
  db: Kysely<Database>,
  brandId: string,
  input: NoteCreateInput,
  createdBy: string | null,
  now: Date,
  timeZone: string,
): Promise<Note> {
  await assertBrandExists(db, brandId);
  const id = newId();
  await db
    .insertInto('brandNotes')
    .values({
      id,
      brandId,
      happenedOn: input.happenedOn,
      channel: input.channel,
      text: input.text,
      at: noteInstant(input.happenedOn, now, timeZone).toISOString(),
      createdBy,
      createdAt: now.toISOString(),
    })
    .execute();
  return getNote(db, brandId, id);
}

export async function deleteNote(
  db: Kysely<Database>,
  brandId: string,
  noteId: string,
): Promise<void> {
  const result = await db
    .deleteFrom('brandNotes')
    .where('id', '=', noteId)
    .where('brandId', '=', brandId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Note');
}
