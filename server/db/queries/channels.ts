import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Channel,
  channelCreateSchema,
  channelPatchSchema,
} from '../../../shared/schemas/channel';
import { notFound, versionConflict } from '../../errors';
import { newId } from '../../ids';
import type { ChannelRow, Database } from '../schema';

export type ChannelCreateInput = z.output<typeof channelCreateSchema>;
export type ChannelPatchInput = z.output<typeof channelPatchSchema>;

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** The secret is shown once, when created or rotated; never in lists. */
export function toChannel(row: ChannelRow, revealSecret = false): Channel {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    url: row.url,
    enabled: Boolean(row.enabled),
    secret: revealSecret ? row.secret : null,
    hasSecret: row.secret !== null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listChannels(db: Kysely<Database>): Promise<Channel[]> {
  const rows = await db
    .selectFrom('channels')
    .selectAll()
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => toChannel(r));
}

export async function getChannelRow(db: Kysely<Database>, id: string): Promise<ChannelRow> {
  const row = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Channel');
  return row;
}

export async function insertChannel(
  db: Kysely<Database>,
  input: ChannelCreateInput,
  now: Date,
): Promise<Channel> {
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('channels')
    .values({
      id,
      type: input.type,
      name: input.name,
      url: input.url,
      secret: input.type === 'json' ? newSecret() : null,
      enabled: input.enabled ?? true,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  return toChannel(await getChannelRow(db, id), true);
}

/** Changes a channel checked against `current` (its row as read in this transaction), answering the row the UPDATE returned. */
export async function updateChannel(
  db: Kysely<Database>,
  current: ChannelRow,
  patch: ChannelPatchInput,
  now: Date,
): Promise<Channel> {
  const { version, rotateSecret, ...changes } = patch;
  const rotate = rotateSecret === true && current.type === 'json';
  const updated = await db
    .updateTable('channels')
    .set({
      ...changes,
      ...(rotate ? { secret: newSecret() } : {}),
      version: version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', current.id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict('channel');
  return toChannel(updated, rotate);
}

export async function deleteChannel(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.deleteFrom('channels').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Channel');
}
