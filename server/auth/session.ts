import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { deleteSession, findLiveSession, insertSession, SESSION_TTL_MS } from '../db/queries/sessions';
import { hasAccess, requiredAccess } from '../permissions';
import { createToken, hashToken } from './tokens';

export const SESSION_COOKIE = 'sponsorcal_session';

function cookieOptions(appUrl: string) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: appUrl.startsWith('https://'),
  };
}

/** Starts a session for the user and sets its cookie; only the token's hash is stored. */
export async function startSession(c: Context<AppEnv>, deps: AppDeps, userId: string): Promise<void> {
  const token = createToken();
  await insertSession(
    deps.db,
    { id: hashToken(token), userId, userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null },
    deps.clock.now(),
  );
  setCookie(c, SESSION_COOKIE, token, {
    ...cookieOptions(deps.config.APP_URL),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** Ends the request's session server-side and clears its cookie (unless a new one follows). */
export async function endSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  options: { keepCookie?: boolean } = {},
): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deleteSession(deps.db, hashToken(token));
  if (!options.keepCookie) deleteCookie(c, SESSION_COOKIE, cookieOptions(deps.config.APP_URL));
}

/**
 * Resolves the session cookie to a user, then enforces the route's access
 * rule from `permissions.ts`: 401 without a session, 403 without the role.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionId', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const live = await findLiveSession(deps.db, hashToken(token), deps.clock.now());
      if (live) {
        c.set('user', live.user);
        c.set('sessionId', live.session.id);
      }
    }
    const access = requiredAccess(c.req.method, c.req.path);
    const user = c.get('user');
    if (access !== 'public') {
      if (!user) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
      if (!hasAccess(user.role, access)) {
        throw new AppError(
          403,
          'forbidden',
          access === 'owner'
            ? 'Only the workspace owner can do this.'
            : 'Your role can view but not change this. Ask the owner for editor access.',
        );
      }
    }
    await next();
  };
}

/** The signed-in user; only call behind `authenticate` on a non-public route. */
export function currentUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
  return user;
}
