import { Hono } from 'hono';
import { moneyQuerySchema, moneySummarySchema } from '../../shared/schemas/invoice';
import { moneyFeesQuerySchema, moneyFeesSchema } from '../../shared/schemas/money-fees';
import { moneyForecastSchema } from '../../shared/schemas/money-forecast';
import { moneySummary } from '../db/queries/money';
import { moneyFees } from '../db/queries/money-fees';
import { moneyForecast } from '../db/queries/money-forecast';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { todayIn } from '../../shared/days';
import { validate } from '../validate';
import { declare } from './declare';

const route = {
  summary: declare({
    access: 'viewer',
    summary: 'Earned, invoiced, paid and outstanding by month',
    query: moneyQuerySchema,
    answers: { 200: moneySummarySchema },
  }),
  fees: declare({
    access: 'viewer',
    summary: 'Deal fees and what became of them, over [from, to]',
    query: moneyFeesQuerySchema,
    answers: { 200: moneyFeesSchema },
  }),
  forecast: declare({
    access: 'viewer',
    summary:
      'Contracted but not invoiced, invoiced not yet due, and overdue, by currency and month',
    answers: { 200: moneyForecastSchema },
  }),
};

export function moneyRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/summary', route.summary, validate('query', moneyQuerySchema), async (c) => {
      const now = clock.now();
      const settings = await getSettings(db, now);
      const { months } = c.req.valid('query');
      return c.json(
        await moneySummary(db, { now, timeZone: settings.timeZone, months: months ?? 12 }),
        200,
      );
    })
    .get('/fees', route.fees, validate('query', moneyFeesQuerySchema), async (c) => {
      const now = clock.now();
      const { timeZone } = await getSettings(db, now);
      return c.json(await moneyFees(db, c.req.valid('query'), todayIn(now, timeZone)), 200);
    })
    .get('/forecast', route.forecast, async (c) =>
      c.json(await moneyForecast(db, { now: clock.now() }), 200),
    );
}
