import type { Role } from '../shared/schemas/auth';

/** Who may call a route: anybody, or a signed-in user of at least this role. */
export type Access = 'public' | 'viewer' | 'editor' | 'owner';

interface AccessRule {
  method: string | '*';
  /** Path with `:param` segments and an optional trailing `*`. */
  path: string;
  access: Access;
}

/**
 * The one place that says who may do what. Rules are checked in order; the
 * first match wins. Any other `/api` route falls back to: reads need a
 * viewer, mutations an editor.
 */
export const ACCESS_RULES: readonly AccessRule[] = [
  { method: 'GET', path: '/api/health', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', access: 'public' },
  { method: '*', path: '/api/auth/setup', access: 'public' },
  { method: 'POST', path: '/api/auth/login', access: 'public' },
  { method: 'POST', path: '/api/auth/logout', access: 'public' },
  { method: 'GET', path: '/api/calendar.ics', access: 'public' },
  { method: '*', path: '/api/review/*', access: 'public' },
  { method: '*', path: '/api/invoice-links/*', access: 'public' },
  { method: 'GET', path: '/api/invites/:token', access: 'public' },
  { method: 'POST', path: '/api/invites/:token/accept', access: 'public' },
  { method: '*', path: '/api/invites', access: 'owner' },
  { method: '*', path: '/api/invites/*', access: 'owner' },
  { method: '*', path: '/api/me', access: 'viewer' },
  { method: '*', path: '/api/me/*', access: 'viewer' },
  { method: '*', path: '/api/audit', access: 'owner' },
  { method: 'GET', path: '/api/transfer/export', access: 'owner' },
  // Only into a fresh install (no user yet): the handler refuses anything else with 409.
  { method: 'POST', path: '/api/transfer/import', access: 'public' },
  { method: 'PATCH', path: '/api/settings', access: 'owner' },
  { method: 'PATCH', path: '/api/kit', access: 'owner' },
  { method: '*', path: '/api/users', access: 'owner' },
  { method: '*', path: '/api/channels', access: 'owner' },
  { method: '*', path: '/api/channels/*', access: 'owner' },
  { method: '*', path: '/api/users/*', access: 'owner' },
];

/** Credential management: a session only, never an API token (a leaked token cannot mint more). */
const SESSION_ONLY = [
  '/api/me/password',
  '/api/me/feed-token',
  '/api/me/tokens',
  '/api/me/tokens/*',
  '/api/me/sessions',
  '/api/me/sessions/*',
];

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** A path's segments, trailing slashes ignored: `/api/me/` → `['', 'api', 'me']`. */
function segmentsOf(path: string): string[] {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return path.slice(0, end).split('/');
}

/** A pattern split once, for a check that runs before every request. */
function pattern(path: string): (got: readonly string[]) => boolean {
  const want = path.split('/');
  return (got) => {
    for (let i = 0; i < want.length; i++) {
      const segment = want[i]!;
      if (segment === '*') return got.length > i;
      if (got[i] === undefined) return false;
      if (segment.startsWith(':')) continue;
      if (segment !== got[i]) return false;
    }
    return got.length === want.length;
  };
}

const RULES = ACCESS_RULES.map((rule) => ({ ...rule, matches: pattern(rule.path) }));
const SESSION_ONLY_PATTERNS = SESSION_ONLY.map(pattern);

export function sessionOnly(path: string): boolean {
  const got = segmentsOf(path);
  return SESSION_ONLY_PATTERNS.some((matches) => matches(got));
}

export function requiredAccess(method: string, path: string): Access {
  const got = segmentsOf(path);
  const rule = RULES.find(
    (r) =>
      (r.method === '*' || r.method === method || (r.method === 'GET' && method === 'HEAD')) &&
      r.matches(got),
  );
  if (rule) return rule.access;
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'viewer' : 'editor';
}

export function hasAccess(role: Role | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return RANK[role] >= RANK[access];
}

export function canEdit(role: Role): boolean {
  return hasAccess(role, 'editor');
}

export function canManageWorkspace(role: Role): boolean {
  return hasAccess(role, 'owner');
}
