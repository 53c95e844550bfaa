import { Hono } from 'hono';
import { riskCountSchema } from '../../shared/schemas/risk';
import { countDeliverablesAtRisk } from '../db/queries/risk';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { declare } from './declare';

const route = {
  count: declare({
    access: 'viewer',
    summary:
      'How many deliverables of the workspace are overdue or due soon now (the lead times of the settings)',
    answers: { 200: riskCountSchema },
  }),
};

export function riskRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().get('/', route.count, async (c) => {
    const now = clock.now();
    const { leadTimes } = await getSettings(db, now);
    return c.json(await countDeliverablesAtRisk(db, now, leadTimes), 200);
  });
}
