import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../env';
import { AppError } from '../errors';
import { findLiveApiToken } from '../db/queries/api-tokens';
import {
  deleteSession,
  findLiveSession,
  insertSession,
  SESSION_TTL_MS,
} from '../db/queries/sessions';
import { hasAccess, type RouteRule } from '../permissions';
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
export async function startSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  userId: string,
): Promise<void> {
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

/**
 * Replaces the request's session with a new one (new token, old one ended
 * server-side): after a sign-in, a password change or a change of role, a
 * token that may have leaked before is worth nothing.
 */
export async function rotateSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  userId: string,
): Promise<void> {
  await endSession(c, deps, { keepCookie: true });
  await startSession(c, deps, userId);
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

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller — an API token (`Authorization: Bearer`) or else the
 * session cookie — to a user, then enforces the route's rule (declared at the
 * route, see routes/declare.ts): 401 without a credential, 403 without the
 * role. A read token only reads, and no token manages credentials.
 */
export function authenticate(
  deps: AppDeps,
): (c: Context<AppEnv>, rule: RouteRule) => Promise<void> {
  return async (c, rule) => {
    c.set('user', null);
    c.set('sessionId', null);
    c.set('apiTokenId', null);
    const now = deps.clock.now();
    const authorization = c.req.header('authorization');
    let readOnly = false;
    if (authorization !== undefined) {
      const bearer = BEARER.exec(authorization)?.[1];
      const live = bearer ? await findLiveApiToken(deps.db, hashToken(bearer), now) : undefined;
      // A bad token is an error even on a public route: a script should learn its token is dead.
      if (!live)
        throw new AppError(
          401,
          'unauthorized',
          'The API token is not valid (revoked, expired or mistyped).',
        );
      c.set('user', live.user);
      c.set('apiTokenId', live.token.id);
      readOnly = live.token.scope === 'read';
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        const live = await findLiveSession(deps.db, hashToken(token), now);
        if (live) {
          c.set('user', live.user);
          c.set('sessionId', live.session.id);
        }
      }
    }
    const { access } = rule;
    const user = c.get('user');
    if (c.get('apiTokenId')) {
      if (rule.sessionOnly) {
        throw new AppError(
          403,
          'session_required',
          'API tokens cannot manage passwords, sessions or tokens; sign in to the app.',
        );
      }
      if (readOnly && !SAFE_METHODS.has(c.req.method)) {
        throw new AppError(
          403,
          'token_read_only',
          'This API token is read-only; create a read-write token to make changes.',
        );
      }
    }
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
  };
}

/** The signed-in user; only call behind `authenticate` on a non-public route. */
export function currentUser(c: Context<AppEnv>) {
  const user = c.get('user');
  if (!user) throw new AppError(401, 'unauthorized', 'Sign in to continue.');
  return user;
}
