import { Hono } from 'hono';
import {
  preferencesSchema,
  type Preferences,
  preferencesResponseSchema,
} from '../../shared/schemas/channel';
import {
  feedTokenCreateSchema,
  type FeedCreated,
  feedCreatedSchema,
  feedSchema,
} from '../../shared/schemas/feed';
import type { ApiTokenCreated, SessionInfo } from '../../shared/schemas/team';
import {
  apiTokenCreateSchema,
  passwordChangeSchema,
  profilePatchSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  sessionInfoSchema,
} from '../../shared/schemas/team';
import { auditActor, recordAudit } from '../audit/record';
import { hashPassword, verifyPassword } from '../auth/password';
import { currentUser, endSession, rotateSession } from '../auth/session';
import {
  accountKey,
  beginLoginAttempt,
  MAX_FAILURES_PER_ACCOUNT,
  withdrawLoginAttempt,
} from '../auth/throttle';
import { createToken, hashToken } from '../auth/tokens';
import { deleteApiToken, insertApiToken, listApiTokens } from '../db/queries/api-tokens';
import {
  deleteFeedOfUser,
  findFeedOfUser,
  replaceFeed,
  toFeed,
} from '../db/queries/calendar-feeds';
import { deleteSession, deleteUserSessions, listUserSessions } from '../db/queries/sessions';
import { getSettings } from '../db/queries/settings';
import {
  auditedUser,
  findUserByEmail,
  findUserById,
  toUser,
  updateUser,
} from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { validate } from '../validate';
import { declare, list } from './declare';
import { userSchema } from '../../shared/schemas/auth';

/** API tokens start with this, so a leaked one is recognisable (and scannable) as ours. */
export const API_TOKEN_PREFIX = 'spc_';

/** The signed-in user's own account: profile, password, sessions, API tokens, preferences. */
/** Credential management (password, sessions, tokens, feed link) is `sessionOnly`: a leaked token cannot mint more. */
const route = {
  me: declare({ access: 'viewer', summary: 'The signed-in user', answers: { 200: userSchema } }),
  update: declare({
    access: 'viewer',
    summary: 'Change your own profile (with its version)',
    body: profilePatchSchema,
    answers: { 200: userSchema },
    errors: [409],
  }),
  password: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Change your password (ends your other sessions)',
    body: passwordChangeSchema,
    answers: { 204: null },
    errors: [429],
  }),
  sessions: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Your signed-in sessions',
    answers: { 200: list(sessionInfoSchema) },
  }),
  endOtherSessions: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Sign out everywhere else',
    answers: { 204: null },
  }),
  endSession: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'End one of your sessions',
    answers: { 204: null },
  }),
  tokens: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Your API tokens',
    answers: { 200: list(apiTokenSchema) },
  }),
  createToken: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Create an API token (its secret is shown once)',
    body: apiTokenCreateSchema,
    answers: { 201: apiTokenCreatedSchema },
  }),
  revokeToken: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Revoke an API token',
    answers: { 204: null },
  }),
  feed: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Your calendar feed, if you have one',
    answers: { 200: feedSchema },
  }),
  createFeed: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Create your calendar feed link (a new link ends the old one)',
    body: feedTokenCreateSchema,
    answers: { 201: feedCreatedSchema },
  }),
  revokeFeed: declare({
    access: 'viewer',
    sessionOnly: true,
    summary: 'Revoke your calendar feed',
    answers: { 204: null },
  }),
  preferences: declare({
    access: 'viewer',
    summary: 'Your own settings',
    answers: { 200: preferencesResponseSchema },
  }),
  setPreferences: declare({
    access: 'viewer',
    summary: 'Change your own settings',
    body: preferencesSchema,
    answers: { 200: preferencesResponseSchema },
  }),
};

export function meRoutes(deps: AppDeps) {
  const { db, clock, emailConfigured } = deps;
  return new Hono<AppEnv>()
    .get('/', route.me, async (c) => {
      const settings = await getSettings(db, clock.now());
      return c.json(toUser(currentUser(c), settings.timeZone), 200);
    })
    .patch('/', route.update, validate('json', profilePatchSchema), async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const user = currentUser(c);
      const now = clock.now();
      if (changes.email !== undefined && changes.email !== user.email) {
        const other = await findUserByEmail(db, changes.email);
        if (other && other.id !== user.id) {
          throw new AppError(409, 'duplicate', 'Another account already uses this e-mail.', [
            { path: 'email', message: 'Already used by another account' },
          ]);
        }
      }
      const updated = await inTransaction(db, async (trx) => {
        const updated = await updateUser(trx, user.id, version, changes, now);
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'update',
            entityType: 'user',
            entityId: user.id,
            summary: `User ${updated.name} (own profile)`,
            before: auditedUser(user),
            after: auditedUser(updated),
          },
          now,
        );
        return updated;
      });
      const settings = await getSettings(db, now);
      return c.json(toUser(updated, settings.timeZone), 200);
    })
    .post('/password', route.password, validate('json', passwordChangeSchema), async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const user = currentUser(c);
      const now = clock.now();
      // The same per-account limit as sign-in: a borrowed session cannot guess the password.
      const key = accountKey(user.email);
      // Counted before the check, so a burst of guesses cannot all pass the limit.
      const counted = await beginLoginAttempt(db, [{ key, max: MAX_FAILURES_PER_ACCOUNT }], now);
      if (!counted.allowed) {
        throw new AppError(
          429,
          'too_many_requests',
          'Too many wrong passwords. Try again later.',
          undefined,
          {
            'Retry-After': String(counted.retryAfter),
          },
        );
      }
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new AppError(400, 'validation_failed', 'Your current password is not right.', [
          { path: 'currentPassword', message: 'Not your current password' },
        ]);
      }
      await withdrawLoginAttempt(db, counted.attempt);
      const passwordHash = await hashPassword(newPassword, deps.passwordCost);
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable('users')
          .set({ passwordHash, updatedAt: now.toISOString() })
          .where('id', '=', user.id)
          .execute();
        // Whoever knew the old password is signed out everywhere.
        await deleteUserSessions(
          trx,
          user.id,
          c.get('sessionId') ? { keep: c.get('sessionId')! } : {},
        );
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'update',
            entityType: 'user',
            entityId: user.id,
            summary: `User ${user.name} changed their password`,
            before: { passwordHash: true },
            after: { passwordHash: 'new' },
          },
          now,
        );
      });
      await rotateSession(c, deps, user.id);
      return c.body(null, 204);
    })
    .get('/sessions', route.sessions, async (c) => {
      const user = currentUser(c);
      const current = c.get('sessionId');
      const rows = await listUserSessions(db, user.id, clock.now());
      const items: SessionInfo[] = rows.map((row) => ({
        id: row.id,
        createdAt: new Date(row.createdAt).toISOString(),
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
        expiresAt: new Date(row.expiresAt).toISOString(),
        userAgent: row.userAgent,
        current: row.id === current,
      }));
      return c.json({ items }, 200);
    })
    .delete('/sessions', route.endOtherSessions, async (c) => {
      const user = currentUser(c);
      const current = c.get('sessionId');
      await deleteUserSessions(db, user.id, current ? { keep: current } : {});
      return c.body(null, 204);
    })
    .delete('/sessions/:id', route.endSession, async (c) => {
      const user = currentUser(c);
      const id = c.req.param('id');
      const own = (await listUserSessions(db, user.id, clock.now())).some((s) => s.id === id);
      if (!own) throw notFound('Session');
      if (id === c.get('sessionId')) {
        await endSession(c, deps);
      } else {
        await deleteSession(db, id);
      }
      return c.body(null, 204);
    })
    .get('/tokens', route.tokens, async (c) =>
      c.json({ items: await listApiTokens(db, currentUser(c).id) }, 200),
    )
    .post('/tokens', route.createToken, validate('json', apiTokenCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const user = currentUser(c);
      const now = clock.now();
      if (input.expiresAt && Date.parse(input.expiresAt) <= now.getTime()) {
        throw new AppError(400, 'validation_failed', 'The expiry must be in the future.', [
          { path: 'expiresAt', message: 'Must be in the future' },
        ]);
      }
      const token = `${API_TOKEN_PREFIX}${createToken()}`;
      const created = await inTransaction(db, async (trx) => {
        const created = await insertApiToken(
          trx,
          {
            id: newId(),
            userId: user.id,
            name: input.name,
            scope: input.scope,
            tokenHash: hashToken(token),
            prefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
            expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
          },
          now,
        );
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'create',
            entityType: 'api_token',
            entityId: created.id,
            summary: `API token "${created.name}" (${created.scope})`,
            after: {
              name: created.name,
              scope: created.scope,
              prefix: created.prefix,
              expiresAt: created.expiresAt,
            },
          },
          now,
        );
        return created;
      });
      return c.json({ ...created, token } satisfies ApiTokenCreated, 201);
    })
    .delete('/tokens/:id', route.revokeToken, async (c) => {
      const user = currentUser(c);
      const now = clock.now();
      await inTransaction(db, async (trx) => {
        const removed = await deleteApiToken(trx, user.id, c.req.param('id'));
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'delete',
            entityType: 'api_token',
            entityId: removed.id,
            summary: `API token "${removed.name}" (${removed.scope})`,
            before: { name: removed.name, scope: removed.scope, prefix: removed.prefix },
          },
          now,
        );
      });
      return c.body(null, 204);
    })
    .get('/feed-token', route.feed, async (c) => {
      return c.json(toFeed(await findFeedOfUser(db, currentUser(c).id)), 200);
    })
    .post('/feed-token', route.createFeed, validate('json', feedTokenCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const user = currentUser(c);
      const now = clock.now();
      const token = createToken();
      const row = await inTransaction(db, async (trx) => {
        const row = await replaceFeed(
          trx,
          {
            userId: user.id,
            tokenHash: hashToken(token),
            drafts: input.drafts ?? true,
            goLives: input.goLives ?? true,
            invoices: input.invoices ?? true,
          },
          now,
        );
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'create',
            entityType: 'calendar_feed',
            entityId: user.id,
            summary: `Calendar feed of ${user.name} (a new URL; any earlier one stopped working)`,
            after: {
              drafts: row.includeDrafts,
              goLives: row.includeGoLives,
              invoices: row.includeInvoices,
            },
          },
          now,
        );
        return row;
      });
      const url = `${deps.config.APP_URL.replace(/\/+$/, '')}/api/calendar.ics?token=${token}`;
      return c.json({ ...toFeed(row), url } satisfies FeedCreated, 201);
    })
    .delete('/feed-token', route.revokeFeed, async (c) => {
      const user = currentUser(c);
      const now = clock.now();
      await inTransaction(db, async (trx) => {
        if (!(await deleteFeedOfUser(trx, user.id))) throw notFound('Calendar feed');
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'delete',
            entityType: 'calendar_feed',
            entityId: user.id,
            summary: `Calendar feed of ${user.name}`,
            before: { active: true },
          },
          now,
        );
      });
      return c.body(null, 204);
    })
    .get('/preferences', route.preferences, async (c) => {
      const user = currentUser(c);
      return c.json(
        {
          emailAlerts: Boolean(user.emailAlerts),
          timeZone: user.timeZone,
          emailConfigured,
        } satisfies Preferences,
        200,
      );
    })
    .put('/preferences', route.setPreferences, validate('json', preferencesSchema), async (c) => {
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
        {
          emailAlerts: Boolean(updated.emailAlerts),
          timeZone: updated.timeZone,
          emailConfigured,
        } satisfies Preferences,
        200,
      );
    });
}
