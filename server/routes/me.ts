import { Hono } from 'hono';
import { preferencesSchema } from '../../shared/schemas/channel';
import { currentUser } from '../auth/session';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

/** The signed-in user's own preferences. */
export function meRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/preferences', async (c) => {
      return c.json({ emailAlerts: Boolean(currentUser(c).emailAlerts) }, 200);
    })
    .put('/preferences', validate('json', preferencesSchema), async (c) => {
      const { emailAlerts } = c.req.valid('json');
      await db
        .updateTable('users')
        .set({ emailAlerts, updatedAt: clock.now().toISOString() })
        .where('id', '=', currentUser(c).id)
        .execute();
      return c.json({ emailAlerts }, 200);
    });
}
