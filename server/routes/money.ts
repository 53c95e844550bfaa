import { Hono } from 'hono';
import { moneyQuerySchema } from '../../shared/schemas/invoice';
import { moneySummary } from '../db/queries/money';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function moneyRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().get('/summary', validate('query', moneyQuerySchema), async (c) => {
    const now = clock.now();
    const settings = await getSettings(db, now);
    const { months } = c.req.valid('query');
    return c.json(await moneySummary(db, { now, timeZone: settings.timeZone, months: months ?? 12 }), 200);
  });
}
