import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AuditEntityType } from '../../shared/schemas/team';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { AppEnv } from '../env';
import { auditActor, recordAudit } from './record';

/**
 * What a route changes and how the trail names it. Each helper runs the change
 * and its audit entry in one transaction: both are written, or neither.
 */
export interface AuditedTarget<T> {
  c: Context<AppEnv>;
  db: Kysely<Database>;
  now: Date;
  entityType: AuditEntityType;
  /** e.g. `Deliverable "Unboxing reel"`. */
  summary: (entity: T) => string;
}

export function auditedCreate<T extends { id: string }>(
  { c, db, now, entityType, summary }: AuditedTarget<T>,
  create: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const after = await create(trx);
    await recordAudit(
      trx,
      auditActor(c),
      { action: 'create', entityType, entityId: after.id, summary: summary(after), after },
      now,
    );
    return after;
  });
}

/**
 * Reads the entity once (`load`, the trail's "before"), hands it to `update`,
 * which changes it and answers the entity after (from the update's own
 * `RETURNING`, not a second read of the row), and records both.
 */
export function auditedUpdate<T extends { id: string }>(
  { c, db, now, entityType, summary }: AuditedTarget<T>,
  load: (trx: Kysely<Database>) => Promise<T>,
  update: (trx: Kysely<Database>, before: T) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const before = await load(trx);
    const after = await update(trx, before);
    await recordAudit(
      trx,
      auditActor(c),
      { action: 'update', entityType, entityId: after.id, summary: summary(after), before, after },
      now,
    );
    return after;
  });
}

export function auditedDelete<T extends { id: string }>(
  { c, db, now, entityType, summary }: AuditedTarget<T>,
  load: (trx: Kysely<Database>) => Promise<T>,
  remove: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await load(trx);
    await remove(trx);
    await recordAudit(
      trx,
      auditActor(c),
      { action: 'delete', entityType, entityId: before.id, summary: summary(before), before },
      now,
    );
  });
}
