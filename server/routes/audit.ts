import { Hono } from 'hono';
import { auditQuerySchema, auditPageSchema } from '../../shared/schemas/team';
import { listAuditEntries } from '../db/queries/audit';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { declare } from './declare';

/** The audit trail (the owner's): who changed what, newest first. */
const route = declare({
  access: 'owner',
  summary: 'The audit trail, newest first (a page; `nextBefore` asks for the next)',
  query: auditQuerySchema,
  answers: { 200: auditPageSchema },
});

export function auditRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', route, validate('query', auditQuerySchema), async (c) => {
    return c.json(await listAuditEntries(db, c.req.valid('query')), 200);
  });
}
