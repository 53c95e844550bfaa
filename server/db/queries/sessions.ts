import type { Kysely } from 'kysely';
import { preparedQuery } from '../prepared';
import type { Database, SessionRow, UserRow } from '../schema';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60 * 60 * 1000;

/** Records a sign of life of the user (shown to the owner as "last active"). */
export async function touchUser(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ lastActiveAt: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Kysely<Database>,
  input: { id: string; userId: string; userAgent: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      ...input,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
  await touchUser(db, input.userId, now);
}

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
}

const liveSessionQuery = preparedQuery<{ id: string }, SessionJoinRow>((db, param) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select([
      'sessions.id as sessionId',
      'sessions.createdAt as sessionCreatedAt',
      'sessions.lastSeenAt as sessionLastSeenAt',
      'sessions.expiresAt as sessionExpiresAt',
      'sessions.userAgent as sessionUserAgent',
    ])
    .where('sessions.id', '=', param('id')),
);

type SessionJoinRow = UserRow & {
  sessionId: SessionRow['id'];
  sessionCreatedAt: SessionRow['createdAt'];
  sessionLastSeenAt: SessionRow['lastSeenAt'];
  sessionExpiresAt: SessionRow['expiresAt'];
  sessionUserAgent: SessionRow['userAgent'];
};

/** The live session for a token hash, with its user; expired sessions and disabled users yield nothing. */
export async function findLiveSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<SessionWithUser | undefined> {
  // One query for both, prepared: this runs before every signed-in request. Never kept in
  // memory: a session ended or a user disabled on one instance must end on all at once.
  const [row] = await liveSessionQuery(db, { id });
  if (!row || Date.parse(row.sessionExpiresAt) <= now.getTime()) return undefined;
  const {
    sessionId,
    sessionCreatedAt,
    sessionLastSeenAt,
    sessionExpiresAt,
    sessionUserAgent,
    ...user
  } = row;
  const session: SessionRow = {
    id: sessionId,
    userId: user.id,
    createdAt: sessionCreatedAt,
    lastSeenAt: sessionLastSeenAt,
    expiresAt: sessionExpiresAt,
    userAgent: sessionUserAgent,
  };
  if (user.disabled) return undefined;
  if (now.getTime() - Date.parse(session.lastSeenAt) > SESSION_TOUCH_MS) {
    await db
      .updateTable('sessions')
      .set({
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await touchUser(db, user.id, now);
  }
  return { session, user };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes the sessions that no longer sign anyone in (see `findLiveSession`); answers how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expiresAt', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function listUserSessions(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('userId', '=', userId)
    .where('expiresAt', '>', now.toISOString())
    .orderBy('lastSeenAt', 'desc')
    .execute();
}

/** Ends a user's sessions, all of them or all but `keep`; answers how many ended. */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
  options: { keep?: string } = {},
): Promise<number> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (options.keep) query = query.where('id', '<>', options.keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
