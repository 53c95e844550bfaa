/**
 * The test client's types, derived from the app's own (`ExtractSchema<AppType>`, which the
 * web's `hc<AppType>` client reads too): which URLs a method routes (`RoutedUrl`, which the
 * client's methods take), and for a URL what its route answers (`Answer`, `AnswerBody`) and
 * takes (`RequestBody`). A renamed route, answer field or body field fails the typecheck.
 */
import type { ExtractSchema } from 'hono/types';
import type { AppType } from '../../server/app';
import type { buildOpenApiDocument } from '../../server/openapi';
import type { ApiErrorBody } from '../../shared/schemas/common';

/** The app's API routes as its type declares them. */
type ApiSchema = ExtractSchema<AppType>;

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The paths outside the chained API routes, listed once with what they answer: the
 * OpenAPI document (registered after the chain), the public media kit page and the
 * web app's fallback (HTML), which answers every other path.
 */
interface OtherPaths {
  '/api/openapi.json': ReturnType<typeof buildOpenApiDocument>;
  '/kit/:slug': string;
  '/': string;
}

/** A route pattern as a URL: each `:param` segment becomes any text. */
type Filled<P extends string> = P extends `${infer Head}/:${infer _Param}/${infer Tail}`
  ? `${Head}/${string}/${Filled<Tail>}`
  : P extends `${infer Head}/:${infer _Param}`
    ? `${Head}/${string}`
    : P;

/** Hono's key for a method's routes (HEAD is answered by GET's). */
type MethodKey<M extends Method> = M extends 'HEAD' ? '$get' : `$${Lowercase<M>}`;

/** The route patterns that answer a method (or any of a union of methods). */
type PatternOf<M extends Method> = M extends Method
  ? | {
        [P in keyof ApiSchema & string]: MethodKey<M> extends keyof ApiSchema[P] ? P : never;
      }[keyof ApiSchema & string]
    | (MethodKey<M> extends '$get' ? keyof OtherPaths : never)
  : never;

/**
 * A URL the app routes for the method, optionally with a query: a renamed or
 * misspelt route does not compile. `raw` takes any method and string.
 */
export type RoutedUrl<M extends Method> =
  Filled<PatternOf<M>> | `${Filled<PatternOf<M>>}?${string}`;

type PathOf<U extends string> = U extends `${infer Path}?${string}` ? Path : U;

/**
 * The first segment of a path and the rest (`''` once the path is used up), with every
 * `:param` segment read as `:` so that `/api/invites/:id` and `/:token` share one branch.
 */
type Step<R extends string> = R extends `/${infer Head}/${infer Tail}`
  ? [Head extends `:${string}` ? ':' : Head, `/${Tail}`]
  : R extends `/${infer Head}`
    ? [Head extends `:${string}` ? ':' : Head, '']
    : never;

/** A route pattern with the part of it still to walk. */
type Entry = [rest: string, pattern: string];

/**
 * The method's patterns as a tree of segments, built once per method: a URL is looked up
 * segment by segment (O(depth)) instead of being matched against every pattern.
 */
interface Node<E extends Entry> {
  /** The pattern that ends here. */
  end: E extends ['', infer P] ? P : never;
  next: { [S in Heads<E>]: Node<Below<E, S>> };
}

type Heads<E extends Entry> = E extends [infer R extends string, string] ? Step<R>[0] : never;

/** The entries under the segment, with it walked. */
type Below<E extends Entry, S extends string> = E extends [
  infer R extends string,
  infer P extends string,
]
  ? Step<R> extends [S, infer Rest extends string]
    ? [Rest, P]
    : never
  : never;

/** Each pattern as an entry with all of it still to walk. */
type Entries<P extends string> = P extends string ? [P, P] : never;

type Tree<M extends Method> = Node<Entries<PatternOf<M>>>;

/**
 * The pattern a path reaches in the tree: a literal segment first (`/api/invoices/next-number`
 * over `/api/invoices/:id`), else the `:param` branch, as the router does. A template segment
 * (`${string}`) is never a literal, so it takes the `:param` branch.
 */
type Walk<N, R extends string> = N extends { end: infer End; next: infer Next }
  ? R extends ''
    ? End
    : Step<R> extends [infer S, infer Rest extends string]
      ? (S extends keyof Next ? Walk<Next[S], Rest> : never) extends infer Found
        ? [Found] extends [never]
          ? ':' extends keyof Next
            ? Walk<Next[':'], Rest>
            : never
          : Found
        : never
      : never
  : never;

/** The pattern a URL names. */
type PatternFor<M extends Method, U extends string> = Walk<Tree<M>, PathOf<U>>;

type Endpoint<M extends Method, P> = P extends keyof ApiSchema
  ? MethodKey<M> extends keyof ApiSchema[P]
    ? ApiSchema[P][MethodKey<M>]
    : never
  : never;

/** A 4xx or 5xx status: an answer a route declares for it is not a success. */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/**
 * What one endpoint's success answers read as: JSON as declared, a text body as its
 * text (the client keeps what does not parse as JSON), nothing as `null`.
 */
type SuccessBody<E> = E extends { status: ErrorStatus }
  ? never
  : E extends { outputFormat: 'json'; output: infer Output }
    ? Output
    : E extends { output: infer Output }
      ? Output extends null | string
        ? Output
        : unknown
      : never;

/** What a route answers on success (HEAD: no body). */
export type Answer<M extends Method, U extends string> = M extends 'HEAD'
  ? null
  : PatternFor<M, U> extends infer P
    ? P extends keyof OtherPaths
      ? OtherPaths[P]
      : SuccessBody<Endpoint<M, P>>
    : never;

/**
 * The body of an answer: the route's on success, and the one error shape (`error.code`,
 * `error.issues`) on a 4xx or 5xx; which of the two a test reads, its status assertion says.
 * A 204 has nothing to read but the error.
 */
export type AnswerBody<A> = [A] extends [null]
  ? ApiErrorBody
  : A extends { error: unknown }
    ? A
    : A & ApiErrorBody;

/** The JSON a route takes, from its validator (never: the route declares none). */
export type RequestBody<M extends Method, U extends string> =
  Endpoint<M, PatternFor<M, U>> extends { input: { json: infer Json } } ? Json : never;

declare const uncheckedBody: unique symbol;

/** A body sent as it is, whatever the route takes (see `unchecked`). */
export interface Unchecked {
  readonly [uncheckedBody]: true;
}

/**
 * What the client's `post`, `patch` and `put` take for a URL: the route's JSON, a
 * `FormData` where it reads a form, or an `unchecked(...)` body (bad-input tests).
 */
export type SentBody<M extends Method, U extends string> =
  | RequestBody<M, U>
  | (Endpoint<M, PatternFor<M, U>> extends { input: { form: unknown } } ? FormData : never)
  | Unchecked;
