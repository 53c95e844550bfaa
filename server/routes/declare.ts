import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { accessTable, type Access, type AccessLookup } from '../permissions';

/**
 * What one answer of a route carries:
 * - a zod schema: JSON of that shape;
 * - `list(schema)`: JSON `{ items: [...] }` of it;
 * - `file(type)`: a file of that media type (CSV, iCalendar, PDF, a JSON download);
 * - `null`: no body (204, 202 without a payload).
 */
export type Answer = z.ZodType | ListAnswer | FileAnswer | null;

export interface ListAnswer {
  readonly kind: 'list';
  readonly item: z.ZodType;
}

export interface FileAnswer {
  readonly kind: 'file';
  readonly contentType: string;
  /** What the file holds, when it is JSON of a known shape. */
  readonly schema?: z.ZodType;
}

/** Who may call a route and what it documents: written once, at the route. */
export interface RouteFacts {
  /** The least role allowed, or `public`. */
  access: Access;
  /** Credential management: a signed-in session only, never an API token. */
  sessionOnly?: boolean;
  summary: string;
  /** What a path parameter holds, by its name in the route's path (`id: "The invite's id"`). */
  params?: Readonly<Record<string, string>>;
  /** The query string's fields (validated by the same schema). */
  query?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  /** A form body instead of JSON: its fields (`z.file()` for files). */
  form?: z.ZodObject;
  /**
   * The media types the form may come in: `multipart/form-data` unless said otherwise
   * (an HTML form posts `application/x-www-form-urlencoded`).
   */
  formTypes?: readonly FormType[];
  /**
   * The address carries its own credential (a signed token) and the route reads no
   * session: requests from other sites are taken, such as a mail provider's one-click
   * unsubscribe, where the same-origin check would refuse them.
   */
  crossSite?: true;
  /** Each success answer by status; the error answers follow from the rest (see openapi.ts). */
  answers: Readonly<Record<number, Answer>>;
  /** Error answers beyond 400 (bad input), 401/403 (access) and 404 (a path id): 409, 413, … */
  errors?: readonly number[];
}

export type FormType = 'multipart/form-data' | 'application/x-www-form-urlencoded';

/** The media types a route's declared form may come in. */
export function formTypesOf(facts: RouteFacts): readonly FormType[] {
  return facts.form ? (facts.formTypes ?? ['multipart/form-data']) : [];
}

/** Where a route's facts ride on its first middleware. */
export const ROUTE_FACTS = Symbol('route facts');

type Declared = MiddlewareHandler<AppEnv> & { [ROUTE_FACTS]: RouteFacts };

/** `list(brandSchema)`: the answer is `{ items: Brand[] }`. */
export const list = (item: z.ZodType): ListAnswer => ({ kind: 'list', item });

/** `file('text/csv')`: the answer is a file of that type. */
export const file = (contentType: string, schema?: z.ZodType): FileAnswer => ({
  kind: 'file',
  contentType,
  ...(schema ? { schema } : {}),
});

/**
 * The first handler of every API route: passes straight on, and carries the
 * route's facts for createApp, which builds the permission guard's table and
 * the OpenAPI document from them (and refuses to start if a route has none).
 *
 *     .get('/:id', declare({ access: 'viewer', summary: 'One brand', answers: { 200: brandSchema } }), handler)
 */
export function declare(facts: RouteFacts): MiddlewareHandler<AppEnv> {
  const passOn: MiddlewareHandler<AppEnv> = (_c, next) => next();
  return Object.assign(passOn, { [ROUTE_FACTS]: facts });
}

function factsOf(handler: unknown): RouteFacts | undefined {
  return typeof handler === 'function' ? (handler as Partial<Declared>)[ROUTE_FACTS] : undefined;
}

export interface DeclaredRoute {
  method: string;
  /** Hono's path, with `:param` segments. */
  path: string;
  facts: RouteFacts;
}

/**
 * The API's routes, each method and path once in the order Hono matches them,
 * with their declared facts. Throws, naming the route, when one has none, or
 * when a route that needs a signed-in user declares `crossSite`.
 */
export function declaredRoutes(
  routes: ReadonlyArray<{ method: string; path: string; handler: unknown }>,
): DeclaredRoute[] {
  const byKey = new Map<string, { method: string; path: string; facts?: RouteFacts }>();
  for (const { method, path, handler } of routes) {
    // Middleware (`app.use`) is method ALL; the web app lives outside /api.
    if (method === 'ALL' || (path !== '/api' && !path.startsWith('/api/'))) continue;
    const key = `${method} ${path}`;
    const route = byKey.get(key) ?? { method, path };
    route.facts ??= factsOf(handler);
    byKey.set(key, route);
  }
  const undeclared = [...byKey.keys()].filter((key) => !byKey.get(key)!.facts);
  if (undeclared.length > 0) {
    throw new Error(
      `Every API route declares who may call it: ${undeclared.join(', ')} ` +
        `has no declare({ access, summary, answers }) as its first handler (server/routes/declare.ts).`,
    );
  }
  // Taking other sites' requests is safe only where no session counts.
  const crossSiteSignedIn = [...byKey.entries()]
    .filter(([, route]) => route.facts!.crossSite && route.facts!.access !== 'public')
    .map(([key]) => key);
  if (crossSiteSignedIn.length > 0) {
    throw new Error(
      `${crossSiteSignedIn.join(', ')} takes requests from other sites (crossSite) but needs a signed-in user: ` +
        'a session cookie would let any site act for its user. Only public routes may declare crossSite.',
    );
  }
  return [...byKey.values()].map(({ method, path, facts }) => ({ method, path, facts: facts! }));
}

/** The permission guard's table, from the declarations: who may call what, and which routes refuse API tokens. */
export function guardTable(routes: readonly DeclaredRoute[]): AccessLookup {
  return accessTable(
    routes.map(({ method, path, facts }) => ({
      method,
      path,
      access: facts.access,
      sessionOnly: facts.sessionOnly ?? false,
      ...(facts.form ? { formTypes: formTypesOf(facts) } : {}),
      ...(facts.crossSite ? { crossSite: true } : {}),
    })),
  );
}
