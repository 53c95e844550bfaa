import type { Kysely, Selectable } from 'kysely';
import type { Invite } from '../../../shared/schemas/team';
import { notFound } from '../../errors';
import type { Database, InvitesTable } from '../schema';

type InviteRow = Selectable<InvitesTable>;

function stateOf(row: InviteRow, now: Date): Invite['state'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (Date.parse(row.expiresAt) <= now.getTime()) return 'expired';
  return 'pending';
}

function toInvite(row: InviteRow & { creatorName: string | null }, now: Date): Invite {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    revokedAt: row.revokedAt,
    createdBy:
      row.createdBy && row.creatorName ? { id: row.createdBy, name: row.creatorName } : null,
    state: stateOf(row, now),
  };
}

function selectInvites(db: Kysely<Database>) {
  return db
    .selectFrom('invites')
    .leftJoin('users', 'users.id', 'invites.createdBy')
    .selectAll('invites')
    .select('users.name as creatorName');
}

export async function insertInvite(
  db: Kysely<Database>,
  input: Pick<InviteRow, 'id' | 'tokenHash' | 'role' | 'email' | 'createdBy' | 'expiresAt'>,
  now: Date,
): Promise<Invite> {
  await db
    .insertInto('invites')
    .values({
      ...input,
      createdAt: now.toISOString(),
      acceptedAt: null,
      acceptedUserId: null,
      revokedAt: null,
    })
    .execute();
  return getInvite(db, input.id, now);
}

export async function getInvite(db: Kysely<Database>, id: string, now: Date): Promise<Invite> {
  const row = await selectInvites(db).where('invites.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Invite');
  return toInvite(row, now);
}

export async function listInvites(db: Kysely<Database>, now: Date): Promise<Invite[]> {
  const rows = await selectInvites(db)
    .orderBy('invites.createdAt', 'desc')
    .orderBy('invites.id')
    .execute();
  return rows.map((row) => toInvite(row, now));
}

export async function revokeInvite(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<{ before: Invite; after: Invite }> {
  const before = await getInvite(db, id, now);
  if (before.state === 'pending') {
    await db
      .updateTable('invites')
      .set({ revokedAt: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return { before, after: await getInvite(db, id, now) };
}

/** A link that still works: not accepted, not revoked, not expired. */
export async function findOpenInvite(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<(InviteRow & { creatorName: string | null }) | undefined> {
  return selectInvites(db)
    .where('invites.tokenHash', '=', tokenHash)
    .where('invites.acceptedAt', 'is', null)
    .where('invites.revokedAt', 'is', null)
    .where('invites.expiresAt', '>', now.toISOString())
    .executeTakeFirst();
}

/**
 * Marks the invite used, only if it still is open: of two accepts at once,
 * exactly one gets `true`.
 */
export async function claimInvite(
  db: Kysely<Database>,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ acceptedAt: now.toISOString(), acceptedUserId: userId })
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes invites that expired unused before `expiredBefore`; answers how many.
 * Accepted and revoked invites stay: the Team page shows who invited whom and
 * which links were withdrawn.
 */
export async function deleteExpiredInvites(
  db: Kysely<Database>,
  expiredBefore: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('invites')
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '<=', expiredBefore.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
