import type { Role } from '../shared/schemas/auth';

/** Who may call a route: anybody, or a signed-in user of at least this role. */
export type Access = 'public' | 'viewer' | 'editor' | 'owner';

/** What the guard needs of a request's route. */
export interface RouteRule {
  access: Access;
  /** Credential management: an API token is refused. */
  sessionOnly: boolean;
  /** Media types the body may come in instead of JSON (a declared form's). */
  formTypes?: readonly string[];
  /** A signed token in the address is the credential: requests from other sites are taken. */
  crossSite?: boolean;
}

/** A route as the guard matches it: Hono's method and path (`:param` segments), and its rule. */
export interface RuleRoute extends RouteRule {
  method: string;
  path: string;
}

/**
 * Who may call each route comes from its declaration (server/routes/declare.ts);
 * a path no route serves needs a viewer to read and an editor to change, so
 * what is not there answers 401 signed out and 404 (or 403) signed in.
 */
const READ_UNKNOWN: RouteRule = { access: 'viewer', sessionOnly: false };
const WRITE_UNKNOWN: RouteRule = { access: 'editor', sessionOnly: false };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** A path's segments, trailing slashes ignored: `/api/me/` → `['', 'api', 'me']`. */
function segmentsOf(path: string): string[] {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  return path.slice(0, end).split('/');
}

/** A route's path split once, for a check that runs before every request. */
function pattern(path: string): (got: readonly string[]) => boolean {
  const want = path.split('/');
  return (got) => {
    if (got.length !== want.length) return false;
    for (let i = 0; i < want.length; i++) {
      const segment = want[i]!;
      if (segment.startsWith(':')) {
        if (got[i] === '') return false;
        continue;
      }
      if (segment !== got[i]) return false;
    }
    return true;
  };
}

export type AccessLookup = (method: string, path: string) => RouteRule;

/**
 * The guard's table: the first route (in the order Hono matches them) whose
 * method and path fit the request; HEAD is answered by GET routes.
 */
export function accessTable(routes: readonly RuleRoute[]): AccessLookup {
  const byMethod = new Map<string, Array<RouteRule & { matches: ReturnType<typeof pattern> }>>();
  for (const route of routes) {
    const list = byMethod.get(route.method) ?? [];
    list.push({
      access: route.access,
      sessionOnly: route.sessionOnly,
      ...(route.formTypes ? { formTypes: route.formTypes } : {}),
      ...(route.crossSite ? { crossSite: true } : {}),
      matches: pattern(route.path),
    });
    byMethod.set(route.method, list);
  }
  return (method, path) => {
    const got = segmentsOf(path);
    const candidates = byMethod.get(method === 'HEAD' ? 'GET' : method);
    const rule = candidates?.find((r) => r.matches(got));
    if (rule) return rule;
    return method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
      ? READ_UNKNOWN
      : WRITE_UNKNOWN;
  };
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
