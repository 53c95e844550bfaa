import { Hono } from 'hono';
import { auditedUpdate } from '../audit/audited';
import { settingsPatchSchema, settingsSchema } from '../../shared/schemas/settings';
import { getSettings, updateSettings } from '../db/queries/settings';
import { listUsers } from '../db/queries/users';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { z } from 'zod';
import { declare } from './declare';
import { teamMemberSchema } from '../../shared/schemas/team';

const route = {
  settings: declare({
    access: 'viewer',
    summary: 'Workspace settings',
    answers: { 200: settingsSchema },
  }),
  update: declare({
    access: 'owner',
    summary: 'Change the workspace settings (with its version)',
    body: settingsPatchSchema,
    answers: { 200: settingsSchema },
    errors: [409],
  }),
  team: declare({
    access: 'viewer',
    summary: 'The active teammates, for assigning work',
    answers: {
      200: z.object({
        items: z.array(teamMemberSchema.pick({ id: true, name: true, email: true, role: true })),
      }),
    },
  }),
};

export function settingsRoutes({ db, clock, emailConfigured }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', route.settings, async (c) =>
      c.json({ ...(await getSettings(db, clock.now())), emailEnabled: emailConfigured }, 200),
    )
    .patch('/', route.update, validate('json', settingsPatchSchema), async (c) => {
      const now = clock.now();
      const settings = await auditedUpdate(
        { c, db, now, entityType: 'settings', summary: () => 'Workspace settings' },
        async (trx) => ({ id: 'workspace', ...(await getSettings(trx, now)) }),
        async (trx, before) => ({
          id: 'workspace',
          ...(await updateSettings(trx, c.req.valid('json'), now, before)),
        }),
      );
      const { id: _id, ...body } = settings;
      return c.json({ ...body, emailEnabled: emailConfigured }, 200);
    });
}

/** Teammates as everyone may see them: for assigning work and showing who did what. */
export function teamRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', route.team, async (c) => {
    const users = await listUsers(db);
    return c.json(
      {
        items: users
          .filter((u) => !u.disabled)
          .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
      },
      200,
    );
  });
}
