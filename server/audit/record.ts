import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditEntityType } from '../../shared/schemas/team';
import type { AuditVia, Database } from '../db/schema';
import type { AppEnv } from '../env';

export interface AuditActor {
  id: string | null;
  name: string | null;
  via: AuditVia;
}

export interface AuditChange {
  from?: unknown;
  to?: unknown;
}

export interface AuditInput {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  summary: string;
  /** The entity as it was (update, delete). */
  before?: object;
  /** The entity as it is now (create, update). */
  after?: object;
}

/** Bookkeeping fields every change touches; they say nothing about what changed. */
const NOT_CHANGES = new Set(['id', 'version', 'createdAt', 'updatedAt', 'warnings']);
/** Field names whose values never enter the trail: only the fact that they changed. */
const SECRET_FIELD = /password|secret|token|hash/i;
export const REDACTED = '[redacted]';

/** The signed-in caller as the trail names them. */
export function auditActor(c: Context<AppEnv>): AuditActor {
  const user = c.get('user');
  return user
    ? { id: user.id, name: user.name, via: c.get('apiTokenId') ? 'token' : 'session' }
    : { id: null, name: null, via: 'public' };
}

function redact(field: string, value: unknown): unknown {
  return SECRET_FIELD.test(field) && value !== null && value !== undefined && value !== false
    ? REDACTED
    : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changed fields between two versions of an entity: `{field: {from, to}}`,
 * bookkeeping left out and secrets redacted. On create (`before` absent) every
 * field that has a value; on delete (`after` absent) every field it had.
 */
export function changedFields(before?: object, after?: object): Record<string, AuditChange> {
  const was = (before ?? {}) as Record<string, unknown>;
  const is = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, AuditChange> = {};
  for (const field of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (NOT_CHANGES.has(field)) continue;
    const from = was[field];
    const to = is[field];
    if (before && after) {
      if (same(from, to)) continue;
      changes[field] = { from: redact(field, from), to: redact(field, to) };
    } else if (after) {
      if (to === null || to === undefined || to === '') continue;
      changes[field] = { to: redact(field, to) };
    } else {
      if (from === null || from === undefined || from === '') continue;
      changes[field] = { from: redact(field, from) };
    }
  }
  return changes;
}

let lastMs = 0;
let sequence = 0;

/**
 * A sortable id: the time in base 36, fixed width, a counter for entries of
 * the same millisecond in this process, then randomness (instances never
 * collide). Sorting by id sorts by time, so newest-first paging walks the key.
 */
export function auditId(now: Date): string {
  const ms = Math.max(now.getTime(), lastMs);
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(10, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}

/**
 * Writes one entry of the audit trail. Call it with the transaction that made
 * the change, so the change and its entry commit together. An update that
 * changed nothing is not recorded.
 */
export async function recordAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  input: AuditInput,
  now: Date,
): Promise<void> {
  const changes = changedFields(input.before, input.after);
  if (input.action === 'update' && Object.keys(changes).length === 0) return;
  await db
    .insertInto('auditLog')
    .values({
      id: auditId(now),
      at: now.toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      via: actor.via,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      summary: input.summary.slice(0, 300),
      changes: JSON.stringify(changes),
    })
    .execute();
}
