import { Hono } from 'hono';
import { auditActor, recordAudit } from '../audit/record';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { seedSampleWorkspace } from '../seed/sample';
import { z } from 'zod';
import { declare } from './declare';

const count = z.number().int();
const route = declare({
  access: 'editor',
  summary: 'Load sample data into an empty workspace',
  answers: {
    201: z.object({
      brands: count,
      deals: count,
      deliverables: count,
      invoices: count,
      pitches: count,
    }),
  },
  errors: [409],
});

/** `POST /api/seed`: the "load sample data" button on an empty calendar. */
export function seedRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().post('/', route, async (c) => {
    const now = clock.now();
    const settings = await getSettings(db, now);
    const counts = await inTransaction(db, async (trx) => {
      const counts = await seedSampleWorkspace(trx, {
        now,
        timeZone: settings.timeZone,
        currency: settings.currency,
      });
      await recordAudit(
        trx,
        auditActor(c),
        {
          action: 'create',
          entityType: 'workspace',
          entityId: 'sample',
          summary: 'Sample data loaded',
          after: counts,
        },
        now,
      );
      return counts;
    });
    return c.json(counts, 201);
  });
}
