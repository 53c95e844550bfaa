import { Hono } from 'hono';
import type { InviteCreated, InvitePreview } from '../../shared/schemas/team';
import {
  inviteAcceptSchema,
  inviteCreateSchema,
  inviteCreatedSchema,
  inviteSchema,
  invitePreviewSchema,
} from '../../shared/schemas/team';
import { auditActor, recordAudit } from '../audit/record';
import { hashPassword } from '../auth/password';
import { currentUser, rotateSession } from '../auth/session';
import { createToken, hashToken } from '../auth/tokens';
import {
  claimInvite,
  findOpenInvite,
  insertInvite,
  listInvites,
  revokeInvite,
} from '../db/queries/invites';
import { getSettings } from '../db/queries/settings';
import { auditedUser, findUserByEmail, insertUser, toUser } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { newId } from '../ids';
import { validate } from '../validate';
import { declare, list } from './declare';
import { userSchema } from '../../shared/schemas/auth';

const DEFAULT_HOURS = 7 * 24;

const invalidLink = () =>
  new AppError(
    404,
    'not_found',
    'This invite link is not valid any more: it was used, revoked or has expired. Ask for a new one.',
  );

/**
 * Invite links: the owner makes one per teammate (role, expiry, single use);
 * the teammate opens it signed out, sets a name and password, and is in.
 */
const route = {
  list: declare({
    access: 'owner',
    summary: 'Pending invites',
    answers: { 200: list(inviteSchema) },
  }),
  create: declare({
    access: 'owner',
    summary: 'Create an invite link',
    body: inviteCreateSchema,
    answers: { 201: inviteCreatedSchema },
  }),
  revoke: declare({
    access: 'owner',
    summary: 'Revoke an invite',
    params: { id: "The invite's id" },
    answers: { 204: null },
  }),
  preview: declare({
    access: 'public',
    summary: 'Public: what an invite link offers',
    params: { token: "The invite link's token" },
    answers: { 200: invitePreviewSchema },
  }),
  accept: declare({
    access: 'public',
    summary: 'Public: accept an invite',
    body: inviteAcceptSchema,
    answers: { 201: userSchema },
    errors: [409],
  }),
};

export function inviteRoutes(deps: AppDeps) {
  const { db, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/', route.list, async (c) => c.json({ items: await listInvites(db, clock.now()) }, 200))
    .post('/', route.create, validate('json', inviteCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const now = clock.now();
      const token = createToken();
      const invite = await inTransaction(db, async (trx) => {
        const invite = await insertInvite(
          trx,
          {
            id: newId(),
            tokenHash: hashToken(token),
            role: input.role,
            email: input.email ?? null,
            createdBy: currentUser(c).id,
            expiresAt: new Date(
              now.getTime() + (input.expiresInHours ?? DEFAULT_HOURS) * 3_600_000,
            ).toISOString(),
          },
          now,
        );
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'create',
            entityType: 'invite',
            entityId: invite.id,
            summary: `Invite as ${invite.role}${invite.email ? ` for ${invite.email}` : ''}`,
            after: { role: invite.role, email: invite.email, expiresAt: invite.expiresAt },
          },
          now,
        );
        return invite;
      });
      const created: InviteCreated = {
        ...invite,
        token,
        url: `${config.APP_URL.replace(/\/+$/, '')}/invite/${token}`,
      };
      return c.json(created, 201);
    })
    .delete('/:id', route.revoke, async (c) => {
      const now = clock.now();
      await inTransaction(db, async (trx) => {
        const { before, after } = await revokeInvite(trx, c.req.param('id'), now);
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'update',
            entityType: 'invite',
            entityId: before.id,
            summary: `Invite as ${before.role}${before.email ? ` for ${before.email}` : ''} revoked`,
            before: { state: before.state },
            after: { state: after.state },
          },
          now,
        );
      });
      return c.body(null, 204);
    })
    .get('/:token', route.preview, async (c) => {
      const now = clock.now();
      const invite = await findOpenInvite(db, hashToken(c.req.param('token')), now);
      if (!invite) throw invalidLink();
      const settings = await getSettings(db, now);
      const preview: InvitePreview = {
        role: invite.role,
        email: invite.email,
        workspaceName: settings.name,
        invitedBy: invite.creatorName,
        expiresAt: invite.expiresAt,
      };
      return c.json(preview, 200);
    })
    .post('/:token/accept', route.accept, validate('json', inviteAcceptSchema), async (c) => {
      const input = c.req.valid('json');
      const now = clock.now();
      const invite = await findOpenInvite(db, hashToken(c.req.param('token')), now);
      if (!invite) throw invalidLink();
      if (invite.email && invite.email !== input.email) {
        throw new AppError(400, 'validation_failed', `This invite is for ${invite.email}.`, [
          { path: 'email', message: `This invite is for ${invite.email}` },
        ]);
      }
      const taken = () =>
        new AppError(
          409,
          'duplicate',
          'There is already an account with this e-mail. Sign in instead.',
          [{ path: 'email', message: 'Already has an account' }],
        );
      if (await findUserByEmail(db, input.email)) throw taken();
      const passwordHash = await hashPassword(input.password, deps.passwordCost);
      const user = await inTransaction(db, async (trx) => {
        const user = await insertUser(
          trx,
          {
            id: newId(),
            email: input.email,
            name: input.name,
            role: invite.role,
            passwordHash,
            timeZone: input.timeZone ?? null,
          },
          now,
        );
        // Of two accepts at once, one claims the link; the other's user is rolled back.
        if (!(await claimInvite(trx, invite.id, user.id, now))) throw invalidLink();
        await recordAudit(
          trx,
          { id: user.id, name: user.name, via: 'public' },
          {
            action: 'create',
            entityType: 'user',
            entityId: user.id,
            summary: `User ${user.name} joined by invite`,
            after: auditedUser(user),
          },
          now,
        );
        return user;
      });
      await rotateSession(c, deps, user.id);
      const settings = await getSettings(db, now);
      return c.json(toUser(user, settings.timeZone), 201);
    });
}
