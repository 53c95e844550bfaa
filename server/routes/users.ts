import { Hono, type Context } from 'hono';
import type { TeamMember } from '../../shared/schemas/team';
import { userPatchSchema, teamMemberSchema } from '../../shared/schemas/team';
import { auditActor, recordAudit } from '../audit/record';
import { currentUser, startSession } from '../auth/session';
import { lockTransaction } from '../db/dialect';
import { deleteUserSessions } from '../db/queries/sessions';
import { getSettings } from '../db/queries/settings';
import {
  auditedUser,
  countEnabledOwners,
  findUserById,
  listUsers,
  toUser,
  updateUser,
} from '../db/queries/users';
import type { UserRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError, notFound } from '../errors';
import { validate } from '../validate';
import { z } from 'zod';
import { declare, list } from './declare';

const lastOwner = () =>
  new AppError(
    409,
    'last_owner',
    'The workspace needs at least one owner who can sign in. Make someone else owner first.',
  );

/** The team, as the owner manages it: roles, disabling, ownership. */
const route = {
  list: declare({ access: 'owner', summary: 'The team', answers: { 200: list(teamMemberSchema) } }),
  update: declare({
    access: 'owner',
    summary: "Change a member's role or access (with its version)",
    body: userPatchSchema,
    answers: { 200: teamMemberSchema },
    errors: [409],
  }),
  transferOwnership: declare({
    access: 'owner',
    summary: 'Make a member the owner (the caller becomes an editor)',
    answers: { 200: z.object({ owner: teamMemberSchema, previousOwner: teamMemberSchema }) },
    errors: [409],
  }),
};

export function userRoutes(deps: AppDeps) {
  const { db, clock } = deps;

  const view = async (rows: UserRow[]): Promise<TeamMember[]> => {
    const settings = await getSettings(db, clock.now());
    return rows.map((row) => ({
      ...toUser(row, settings.timeZone),
      lastActiveAt: row.lastActiveAt ? new Date(row.lastActiveAt).toISOString() : null,
    }));
  };

  /** After the caller's own role changed their sessions ended; this request gets a fresh one. */
  const renewOwnSession = async (c: Context<AppEnv>, userId: string) => {
    if (c.get('sessionId')) await startSession(c, deps, userId);
  };

  return new Hono<AppEnv>()
    .get('/', route.list, async (c) => c.json({ items: await view(await listUsers(db)) }, 200))
    .patch('/:id', route.update, validate('json', userPatchSchema), async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const caller = currentUser(c);
      const id = c.req.param('id');
      const now = clock.now();
      if (changes.disabled === true && id === caller.id) {
        throw new AppError(
          409,
          'conflict',
          'You cannot disable your own account. Make someone else owner first.',
        );
      }
      const { before, after } = await inTransaction(db, async (trx) => {
        // Two owners demoting each other at once must not leave the workspace with none.
        await lockTransaction(trx, 'owners');
        const before = await findUserById(trx, id);
        if (!before) throw notFound('User');
        const after = await updateUser(trx, id, version, changes, now);
        if ((await countEnabledOwners(trx)) === 0) throw lastOwner();
        // A change of privilege ends the user's sessions: they sign in again, with a new one.
        if (before.role !== after.role || Boolean(after.disabled) !== Boolean(before.disabled)) {
          await deleteUserSessions(trx, id);
        }
        await recordAudit(
          trx,
          auditActor(c),
          {
            action: 'update',
            entityType: 'user',
            entityId: id,
            summary: `User ${after.name}`,
            before: auditedUser(before),
            after: auditedUser(after),
          },
          now,
        );
        return { before, after };
      });
      if (id === caller.id && before.role !== after.role) await renewOwnSession(c, id);
      return c.json((await view([after]))[0]!, 200);
    })
    .post('/:id/transfer-ownership', route.transferOwnership, async (c) => {
      const caller = currentUser(c);
      const id = c.req.param('id');
      const now = clock.now();
      if (id === caller.id) throw new AppError(409, 'conflict', 'You already own this workspace.');
      const { owner, previousOwner } = await inTransaction(db, async (trx) => {
        await lockTransaction(trx, 'owners');
        const target = await findUserById(trx, id);
        if (!target) throw notFound('User');
        if (target.disabled) {
          throw new AppError(
            409,
            'conflict',
            `${target.name} is disabled; enable their account first.`,
          );
        }
        const self = (await findUserById(trx, caller.id))!;
        const owner =
          target.role === 'owner'
            ? target
            : await updateUser(trx, id, target.version, { role: 'owner' }, now);
        const previousOwner = await updateUser(trx, self.id, self.version, { role: 'editor' }, now);
        await deleteUserSessions(trx, id);
        await deleteUserSessions(trx, self.id);
        const actor = auditActor(c);
        for (const [was, is] of [
          [target, owner],
          [self, previousOwner],
        ] as const) {
          await recordAudit(
            trx,
            actor,
            {
              action: 'update',
              entityType: 'user',
              entityId: is.id,
              summary: `User ${is.name} (ownership transferred)`,
              before: auditedUser(was),
              after: auditedUser(is),
            },
            now,
          );
        }
        return { owner, previousOwner };
      });
      await renewOwnSession(c, caller.id);
      const [ownerView, previousView] = await view([owner, previousOwner]);
      return c.json({ owner: ownerView!, previousOwner: previousView! }, 200);
    });
}
