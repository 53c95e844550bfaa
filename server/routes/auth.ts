import { Hono } from 'hono';
import { loginSchema, setupSchema, userSchema } from '../../shared/schemas/auth';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { currentUser, endSession, rotateSession, startSession } from '../auth/session';
import { clientAddress } from '../auth/client-address';
import {
  accountKey,
  beginLoginAttempt,
  clearLoginAttempt,
  ipKey,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
} from '../auth/throttle';
import { lockTransaction } from '../db/dialect';
import { auditedUser, countUsers, findUserByEmail, insertUser, toUser } from '../db/queries/users';
import { recordAudit } from '../audit/record';
import { getSettings, updateSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { newId } from '../ids';
import { validate } from '../validate';
import { z } from 'zod';
import { declare } from './declare';

const route = {
  setupState: declare({
    access: 'public',
    summary: 'Whether the first owner is still to be created, and whether the caller is signed in',
    answers: { 200: z.object({ setupRequired: z.boolean(), signedIn: z.boolean() }) },
  }),
  setup: declare({
    access: 'public',
    summary: 'Create the first owner (409 once any user exists)',
    body: setupSchema,
    answers: { 201: userSchema },
    errors: [409],
  }),
  login: declare({
    access: 'public',
    summary: 'Sign in (sets the session cookie)',
    body: loginSchema,
    answers: { 200: userSchema },
    errors: [401, 429],
  }),
  logout: declare({ access: 'public', summary: 'Sign out', answers: { 204: null } }),
  me: declare({ access: 'viewer', summary: 'The signed-in user', answers: { 200: userSchema } }),
};

export function authRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .get('/setup', route.setupState, async (c) => {
      // `signedIn` lets the app skip asking /me (and a 401 in the console) for a visitor.
      return c.json(
        { setupRequired: (await countUsers(db)) === 0, signedIn: c.get('user') !== null },
        200,
      );
    })
    .post('/setup', route.setup, validate('json', setupSchema), async (c) => {
      const input = c.req.valid('json');
      if ((await countUsers(db)) > 0) {
        throw new AppError(
          409,
          'conflict',
          'This workspace already has an owner. Sign in instead.',
        );
      }
      const passwordHash = await hashPassword(input.password, deps.passwordCost);
      const now = clock.now();
      const user = await db.transaction().execute(async (trx) => {
        // Checked again under a lock: two set-up requests at once make one owner.
        await lockTransaction(trx, 'setup');
        if ((await countUsers(trx)) > 0) {
          throw new AppError(
            409,
            'conflict',
            'This workspace already has an owner. Sign in instead.',
          );
        }
        const settings = await getSettings(trx, now);
        if (input.timeZone || input.workspaceName) {
          await updateSettings(
            trx,
            {
              version: settings.version,
              ...(input.timeZone ? { timeZone: input.timeZone } : {}),
              ...(input.workspaceName ? { name: input.workspaceName } : {}),
            },
            now,
          );
        }
        const owner = await insertUser(
          trx,
          {
            id: newId(),
            email: input.email,
            name: input.name,
            role: 'owner',
            passwordHash,
            timeZone: null,
          },
          now,
        );
        await recordAudit(
          trx,
          { id: owner.id, name: owner.name, via: 'public' },
          {
            action: 'create',
            entityType: 'user',
            entityId: owner.id,
            summary: `User ${owner.name} set up the workspace`,
            after: auditedUser(owner),
          },
          now,
        );
        return owner;
      });
      await startSession(c, deps, user.id);
      const settings = await getSettings(db, now);
      return c.json(toUser(user, settings.timeZone), 201);
    })
    .post('/login', route.login, validate('json', loginSchema), async (c) => {
      const { email, password } = c.req.valid('json');
      const keys = { account: accountKey(email), ip: ipKey(clientAddress(c, deps.trustProxy)) };
      // Counted before the password is checked, so a burst of guesses cannot all pass the limit.
      const counted = await beginLoginAttempt(
        db,
        [
          { key: keys.account, max: MAX_FAILURES_PER_ACCOUNT },
          { key: keys.ip, max: MAX_FAILURES_PER_IP },
        ],
        clock.now(),
      );
      if (!counted.allowed) {
        const { retryAfter } = counted;
        throw new AppError(
          429,
          'too_many_requests',
          `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}.`,
          undefined,
          { 'Retry-After': String(retryAfter) },
        );
      }
      const user = await findUserByEmail(db, email);
      // Verify against a dummy hash when there is no such user, so timing tells nothing.
      const ok = await verifyPassword(
        password,
        user?.passwordHash ?? (await dummyPasswordHash(deps.passwordCost)),
      );
      if (!user || !ok || Boolean(user.disabled)) {
        // The attempt's rows stay: they are the record of this failure.
        throw new AppError(401, 'unauthorized', 'The e-mail or password is not right.');
      }
      await clearLoginAttempt(db, keys.account, counted.attempt);
      // A new session on every login (no fixation); the old one ends server-side.
      await rotateSession(c, deps, user.id);
      const settings = await getSettings(db, clock.now());
      return c.json(toUser(user, settings.timeZone), 200);
    })
    .post('/logout', route.logout, async (c) => {
      await endSession(c, deps);
      return c.body(null, 204);
    })
    .get('/me', route.me, async (c) => {
      const user = currentUser(c);
      const settings = await getSettings(db, clock.now());
      return c.json(toUser(user, settings.timeZone), 200);
    });
}
