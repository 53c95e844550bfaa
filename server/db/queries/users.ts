import type { Kysely } from 'kysely';
import type { Role, User } from '../../../shared/schemas/auth';
import { assertVersionedUpdate } from './versioned';
import type { Database, UserRow } from '../schema';

export function toUser(row: UserRow, workspaceTimeZone: string): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    timeZone: row.timeZone,
    effectiveTimeZone: row.timeZone ?? workspaceTimeZone,
    disabled: Boolean(row.disabled),
    version: row.version,
    createdAt: row.createdAt,
  };
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface InsertUserInput {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  timeZone: string | null;
}

export async function insertUser(
  db: Kysely<Database>,
  input: InsertUserInput,
  now: Date,
): Promise<UserRow> {
  const at = now.toISOString();
  await db
    .insertInto('users')
    .values({
      ...input,
      email: input.email.toLowerCase(),
      disabled: false,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  const row = await findUserById(db, input.id);
  if (!row) throw new Error('user vanished after insert');
  return row;
}

export function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('createdAt').orderBy('id').execute();
}

/** Owners who can still sign in: the workspace must always keep one. */
export async function countEnabledOwners(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('role', '=', 'owner')
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface UserChanges {
  role?: Role;
  disabled?: boolean;
  name?: string;
  email?: string;
  timeZone?: string | null;
  passwordHash?: string;
}

/** Applies changes when the user is still at `version`; 404 or 409 otherwise. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: UserChanges,
  now: Date,
): Promise<UserRow> {
  const result = await db
    .updateTable('users')
    .set({
      ...changes,
      ...(changes.email !== undefined ? { email: changes.email.toLowerCase() } : {}),
      version: version + 1,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  await assertVersionedUpdate(db, result, 'users', id, 'User');
  return (await findUserById(db, id))!;
}

/** What the audit trail records of a user: never the password hash. */
export function auditedUser(row: UserRow) {
  return {
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: Boolean(row.disabled),
    timeZone: row.timeZone,
  };
}
