import type { Kysely, Selectable } from 'kysely';
import type { ApiToken, ApiTokenCreate } from '../../../shared/schemas/team';
import { notFound } from '../../errors';
import { touchUser } from './sessions';
import type { ApiTokensTable, Database, UserRow } from '../schema';

type ApiTokenRow = Selectable<ApiTokensTable>;

/** `last_used_at` is written at most this often, not on every request. */
const TOUCH_MS = 60 * 1000;

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  };
}

export async function insertApiToken(
  db: Kysely<Database>,
  input: { id: string; userId: string; tokenHash: string; prefix: string } & Omit<
    ApiTokenCreate,
    'expiresAt'
  > & {
      expiresAt: string | null;
    },
  now: Date,
): Promise<ApiToken> {
  const row: ApiTokenRow = {
    id: input.id,
    userId: input.userId,
    name: input.name,
    scope: input.scope,
    tokenHash: input.tokenHash,
    prefix: input.prefix,
    createdAt: now.toISOString(),
    lastUsedAt: null,
    expiresAt: input.expiresAt,
  };
  await db.insertInto('apiTokens').values(row).execute();
  return toApiToken(row);
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toApiToken);
}

/** Deletes one of the user's tokens; another user's token is as missing as none. */
export async function deleteApiToken(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<ApiToken> {
  const row = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('API token');
  await db.deleteFrom('apiTokens').where('id', '=', id).execute();
  return toApiToken(row);
}

/** The live token for a hash, with its enabled user; expired tokens and disabled users yield nothing. */
export async function findLiveApiToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const token = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!token) return undefined;
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return undefined;
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', token.userId)
    .executeTakeFirst();
  if (!user || Boolean(user.disabled)) return undefined;
  if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_MS) {
    await db
      .updateTable('apiTokens')
      .set({ lastUsedAt: now.toISOString() })
      .where('id', '=', token.id)
      .execute();
    await touchUser(db, user.id, now);
  }
  return { token, user };
}
