import { Hono } from 'hono';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { seedSampleWorkspace } from '../seed/sample';

/** `POST /api/seed`: the "load sample data" button on an empty calendar. */
export function seedRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const now = clock.now();
    const settings = await getSettings(db, now);
    const counts = await seedSampleWorkspace(db, {
      now,
      timeZone: settings.timeZone,
      currency: settings.currency,
    });
    return c.json(counts, 201);
  });
}
