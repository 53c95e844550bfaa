import { Hono } from 'hono';
import { preferencesSchema, type Preferences } from '../../shared/schemas/channel';
import { currentUser } from '../auth/session';
import { findUserById } from '../db/queries/users';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

/** The signed-in user's own preferences: alert e-mails and time zone. */
export function meRoutes({ db, clock, emailConfigured }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/preferences', async (c) => {
      const user = currentUser(c);
      return c.json(
        { emailAlerts: Boolean(user.emailAlerts), timeZone: user.timeZone, emailConfigured } satisfies Preferences,
        200,
      );
    })
    .put('/preferences', validate('json', preferencesSchema), async (c) => {
      const input = c.req.valid('json');
      const user = currentUser(c);
      await db
        .updateTable('users')
        .set({
          ...(input.emailAlerts !== undefined ? { emailAlerts: input.emailAlerts } : {}),
          ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
          updatedAt: clock.now().toISOString(),
        })
        .where('id', '=', user.id)
        .execute();
      const updated = (await findUserById(db, user.id))!;
      return c.json(
        { emailAlerts: Boolean(updated.emailAlerts), timeZone: updated.timeZone, emailConfigured } satisfies Preferences,
        200,
      );
    });
}
