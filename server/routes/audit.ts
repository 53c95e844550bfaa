import { Hono } from 'hono';
import { auditQuerySchema } from '../../shared/schemas/team';
import { listAuditEntries } from '../db/queries/audit';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

/** The audit trail (the owner's): who changed what, newest first. */
export function auditRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', validate('query', auditQuerySchema), async (c) => {
    return c.json(await listAuditEntries(db, c.req.valid('query')), 200);
  });
}
