import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_BODY_BYTES } from '../../../server/app';
import * as schemas from '../../../shared/schemas';
import type { TestResponse } from '../../support/app';
import {
  fillPath,
  listApiRoutes,
  prepareWorkspace,
  caseOf,
  type ApiRoute,
  type CallValues,
  type IdKey,
  type PreparedWorkspace,
} from '../../support/routes';

/**
 * Every API route, fed generated bad input as the owner (so authorization
 * hides no handler) and anonymously: whatever comes in, the answer is below
 * 500, and an error is exactly the one error shape with nothing internal in it.
 *
 * FUZZ_SEED and FUZZ_RUNS override the seed and the runs per route (fast-check
 * prints the seed and the counterexample's path when a property fails).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 75);

const ROUTES = await listApiRoutes();

/** The one error shape, and nothing else in it. */
const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** A stack frame, a source position, or a path of this machine. */
const INTERNALS = [
  /^\s+at /m,
  /\bat \S+ \(/,
  /\bat (file:|node:)/,
  /\.[cm]?[jt]sx?:\d+:\d+/,
  /node_modules/,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
];

// ---------------------------------------------------------------------------
// What the schemas know: field names and enum values, to break them near the mark
// ---------------------------------------------------------------------------

const FIELD_NAMES = new Set<string>();
const ENUM_VALUES = new Set<string>();
for (const value of Object.values(schemas)) {
  if (value instanceof z.ZodObject)
    for (const key of Object.keys(value.shape)) FIELD_NAMES.add(key);
  if (value instanceof z.ZodEnum)
    for (const option of value.options) ENUM_VALUES.add(String(option));
}
const QUERY_KEYS = [
  'from',
  'to',
  'q',
  'stage',
  'status',
  'platform',
  'dealId',
  'brandId',
  'assigneeId',
  'overdue',
  'dueFrom',
  'dueTo',
  'issuedOn',
  'months',
  'state',
  'rule',
  'subjectId',
  'limit',
  'before',
  'entityType',
  'entityId',
  'actorId',
  'action',
  'token',
];

const ID_KEYS = [
  'ownerId',
  'viewerId',
  'editorId',
  'teammateId',
  'brandId',
  'spareBrandId',
  'dealId',
  'deliverableId',
  'channelId',
  'invoiceId',
  'paidInvoiceId',
  'paymentId',
  'alertId',
  'spareInviteId',
  'inviteToken',
  'spareSessionId',
  'tokenId',
  'feedToken',
] as const satisfies readonly IdKey[];

/**
 * A piece of the request: text as sent, a real id of the workspace, or (for a path
 * parameter) the id the route's valid case uses; ids are known only at run time.
 */
type Piece = string | { id: IdKey } | { valid: true };

const idRef: fc.Arbitrary<Piece> = fc.constantFrom(...ID_KEYS).map((id) => ({ id }));

const BAD_DATES = [
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01T10:00:00+25:00',
  '2026-03-01 10:00',
  '0000-01-01T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '275760-09-13T00:00:01Z',
  '99999-01-01',
  '1e9',
  'yesterday',
  'Invalid Date',
  '2026-W09',
  '',
];

/** Valid, but at the ends of what the schemas take. */
const EXTREME_DATES = [
  '9999-12-31',
  '0100-01-01',
  '9999-12-31T23:59:59.999Z',
  '0100-01-01T00:00:00Z',
  '2026-03-01T12:00:00.000000001+14:00',
  '2026-03-29T01:30:00+01:00',
];

/** Where integer columns and JavaScript numbers end. */
const INTEGER_EDGES = [
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 63,
  1e21,
];

/** Enum values a little wrong: another case, padded, unknown. */
const NEAR_ENUMS = [
  ...[...ENUM_VALUES].flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u0000`, `${v}s`]),
  'admin',
  'superuser',
  'root',
  'unknown',
];

const string = (maxLength: number) => fc.string({ unit: 'binary', maxLength });

/** A JSON text nested `depth` deep. */
const deepNested = fc
  .tuple(fc.integer({ min: 20, max: 4000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const HUGE_STRINGS = [
  JSON.stringify('x'.repeat(20_000)),
  JSON.stringify('€'.repeat(100_000)),
  JSON.stringify('a\u0000'.repeat(5_000)),
  JSON.stringify('y'.repeat(MAX_BODY_BYTES + 10)),
];

/** A JSON value of a wrong kind, as text (so 1e400 and deep nesting survive). */
const hostileValue: fc.Arbitrary<Piece> = fc.oneof(
  fc.constantFrom(
    'null',
    'true',
    'false',
    '0',
    '-0',
    '-1',
    '1.5',
    '-0.001',
    '1e400',
    '-1e400',
    '1e-400',
    '9007199254740993',
    '-9007199254740993',
    '""',
    '"   "',
    '"\\u0000"',
    '"a\\u0000b"',
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\u202e\u200b"',
    '"../../etc/passwd"',
    '"\'; drop table brands; --"',
    '"=HYPERLINK(\\"x\\")"',
    '"javascript:alert(1)"',
    '[]',
    '[null]',
    '{}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }).map(String),
  fc.integer({ min: 2 ** 31 - 2, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.constantFrom(...INTEGER_EDGES).map(String),
  fc.constantFrom(...EXTREME_DATES).map((s) => JSON.stringify(s)),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((d) => !Number.isInteger(d))
    .map(String),
  fc.constantFrom(...NEAR_ENUMS).map((s) => JSON.stringify(s)),
  fc.constantFrom(...BAD_DATES).map((s) => JSON.stringify(s)),
  string(40).map((s) => JSON.stringify(s)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(...HUGE_STRINGS),
  deepNested,
  idRef,
);

/** Every value a call may fill in, as a placeholder: to learn which fields a valid body has. */
const PLACEHOLDERS = new Proxy({} as CallValues, { get: () => 'placeholder' });

/** Values at the edges of a field's own type (JSON texts): where columns, numbers and text end. */
const EDGES: Record<'number' | 'string' | 'boolean' | 'other', string[]> = {
  number: [
    ...INTEGER_EDGES.map(String),
    '9223372036854775808',
    '-1',
    '0',
    '0.5',
    '1e400',
    '"1"',
    'null',
  ],
  string: [
    '""',
    '"   "',
    '"a\\u0000b"',
    '"\\ud800"',
    HUGE_STRINGS[0]!,
    ...EXTREME_DATES.map((d) => JSON.stringify(d)),
    '123',
    'null',
  ],
  boolean: ['"true"', '1', '0', 'null'],
  other: ['null', '[]', '{}', '"x"'],
};

function kindOf(value: unknown): keyof typeof EDGES {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

/** The route's valid body with placeholders for ids: its fields and their types. */
const validFields = (route: ApiRoute): Record<string, unknown> =>
  caseOf(route).body?.(PLACEHOLDERS) ?? {};

/**
 * Field names: mostly the route's own (one broken field in an otherwise valid body reaches
 * the handler), any schema's, odd ones, random ones.
 */
function fieldName(route: ApiRoute): fc.Arbitrary<string> {
  const declared =
    route.facts.body instanceof z.ZodObject ? Object.keys(route.facts.body.shape) : [];
  const own = [...new Set([...Object.keys(validFields(route)), ...declared])];
  const any = [
    { weight: 3, arbitrary: fc.constantFrom(...FIELD_NAMES) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        '',
        'id',
        'createdAt',
      ),
    },
    { weight: 1, arbitrary: string(12) },
  ];
  return own.length > 0
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, ...any)
    : fc.oneof(...any);
}

/** A field and a value for it: mostly one of the route's own fields with a value at the edge of its type. */
function fieldValue(route: ApiRoute): fc.Arbitrary<[string, Piece]> {
  const valid = Object.entries(validFields(route));
  const any = fc.tuple(fieldName(route), hostileValue);
  if (valid.length === 0) return any;
  const own = fc
    .constantFrom(...valid)
    .chain(([key, value]) =>
      fc.tuple(fc.constant(key), fc.oneof(fc.constantFrom(...EDGES[kindOf(value)]), hostileValue)),
    );
  return fc.oneof({ weight: 3, arbitrary: own }, { weight: 2, arbitrary: any });
}

type BodyRecipe =
  | { kind: 'none' }
  /** The route's valid body (or `{}`) with fields dropped, replaced and added. */
  | { kind: 'fields'; fromValid: boolean; drop: string[]; set: Array<[string, Piece]> }
  /** A JSON text of any kind. */
  | { kind: 'text'; text: string; contentType?: string }
  /** The valid body's JSON cut short. */
  | { kind: 'truncated'; fraction: number };

const MALFORMED_JSON = [
  '{',
  '{"name": ',
  "{'name': 'x'}",
  '{"name": "x",}',
  '[1,]',
  '{"a":1}}',
  'NaN',
  'undefined',
  '\uFEFF{}',
  '{"a":"\u0000"}',
  '{"a":"\\x41"}',
  '"',
  ' ',
  '\u0000',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/vnd.sponsorcal+json',
  'APPLICATION/JSON',
];

const bodyRecipe = (route: ApiRoute): fc.Arbitrary<BodyRecipe> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('fields' as const),
        fromValid: fc.boolean(),
        drop: fc.array(fieldName(route), { maxLength: 2 }),
        set: fc.array(fieldValue(route), { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.constantFrom(...MALFORMED_JSON),
          string(60),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        contentType: fc.constantFrom(...CONTENT_TYPES),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('truncated' as const),
        fraction: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    },
  );

/** Path segments as sent: odd spellings raw, any text percent-encoded. */
const RAW_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fsettings',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%',
  '%zz',
  '%2F',
  '%20',
  '~',
  "'%20OR%201=1",
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
  'x'.repeat(5_000),
  '%C3%A9'.repeat(1_000),
];

const encode = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

const pathSegment: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ valid: true as const }) },
  { weight: 2, arbitrary: idRef },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encode),
  },
  { weight: 1, arbitrary: fc.constantFrom(...NEAR_ENUMS, ...BAD_DATES).map(encode) },
);

/** A query string: known keys and random ones, repeated, `key[]`, bad dates, odd numbers. */
const queryString: fc.Arbitrary<Array<[string, Piece]>> = fc.array(
  fc.tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) },
      { weight: 1, arbitrary: fc.constantFrom(...QUERY_KEYS).map((k) => `${k}%5B%5D`) },
      { weight: 1, arbitrary: fc.constantFrom(...QUERY_KEYS).map((k) => `${k}[0]`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('__proto__', 'constructor', '', '%00'),
      },
      { weight: 1, arbitrary: string(10).map(encode) },
    ),
    fc.oneof(
      fc.constantFrom(...BAD_DATES).map(encode),
      fc.constantFrom(...NEAR_ENUMS, ...ENUM_VALUES).map(encode),
      fc.constantFrom(
        '-1',
        '0',
        '1.5',
        '1e400',
        '999999999999',
        '-0',
        'true',
        '%00',
        '%E0%A4%A',
        '',
        ','.repeat(3_000),
      ),
      fc.constantFrom('x'.repeat(5_000), 'é'.repeat(2_000)).map(encode),
      string(20).map(encode),
      idRef,
    ),
  ),
  { maxLength: 6 },
);

interface RequestRecipe {
  params: Piece[];
  /** Start from the valid case's query string (random pairs follow it). */
  validQuery?: boolean;
  query: Array<[string, Piece]>;
  body: BodyRecipe;
}

const requestRecipe = (route: ApiRoute): fc.Arbitrary<RequestRecipe> =>
  fc.record({
    params: fc.array(pathSegment, {
      minLength: route.params.length,
      maxLength: route.params.length,
    }),
    validQuery: fc.boolean(),
    query: queryString,
    body:
      route.method === 'GET' || route.method === 'HEAD'
        ? fc.constant({ kind: 'none' as const })
        : bodyRecipe(route),
  });

// ---------------------------------------------------------------------------
// Turning a recipe into a request, and judging the answer
// ---------------------------------------------------------------------------

interface BuiltRequest {
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
}

function build(route: ApiRoute, recipe: RequestRecipe, ids: CallValues): BuiltRequest {
  const rule = caseOf(route);
  const idOf = (piece: Exclude<Piece, string>, param?: string): string =>
    ids['id' in piece ? piece.id : (param && rule.params?.[param]) || 'brandId'];
  const text = (piece: Piece, param?: string): string =>
    typeof piece === 'string' ? piece : encodeURIComponent(idOf(piece, param));
  const values = Object.fromEntries(
    route.params.map((name, i) => [name, text(recipe.params[i]!, name)]),
  );
  const given = typeof rule.query === 'function' ? rule.query(ids) : (rule.query ?? '');
  const query = [
    ...(recipe.validQuery && given ? [given.replace(/^\?/, '')] : []),
    ...recipe.query.map(([key, value]) => `${key}=${text(value)}`),
  ].join('&');
  const url = fillPath(route.path, values) + (query ? `?${query}` : '');
  const valid = rule.body?.(ids) ?? {};
  const body = recipe.body;
  switch (body.kind) {
    case 'none':
      return { url, body: undefined, headers: {} };
    case 'text':
      return {
        url,
        body: body.text,
        headers: body.contentType ? { 'content-type': body.contentType } : {},
      };
    case 'truncated': {
      const json = JSON.stringify(valid);
      return { url, body: json.slice(0, Math.floor(json.length * body.fraction)), headers: {} };
    }
    case 'fields': {
      const fields = new Map<string, string>();
      if (body.fromValid)
        for (const [key, value] of Object.entries(valid)) fields.set(key, JSON.stringify(value));
      for (const key of body.drop) fields.delete(key);
      // Duplicate keys stay duplicates in the text: JSON.parse keeps the last.
      const parts = [...fields].map(([key, value]) => `${JSON.stringify(key)}:${value}`);
      for (const [key, value] of body.set) {
        parts.push(
          `${JSON.stringify(key)}:${typeof value === 'string' ? value : JSON.stringify(idOf(value))}`,
        );
      }
      return { url, body: `{${parts.join(',')}}`, headers: {} };
    }
  }
}

const clip = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

function judge(route: ApiRoute, who: string, request: BuiltRequest, res: TestResponse): void {
  const what = `${who}: ${route.method} ${clip(request.url, 200)} ${request.body === undefined ? '' : clip(request.body, 200)} → ${res.status} ${clip(res.text)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get('content-type') ?? '', what).toMatch(/^application\/json/);
  const shape = apiErrorSchema.safeParse(res.body);
  expect(shape.success, `not the error shape: ${what}`).toBe(true);
  for (const pattern of INTERNALS) expect(res.text, `internals in: ${what}`).not.toMatch(pattern);
}

/** A stable number per route, so each route gets its own fixed seed. */
function seedFor(route: ApiRoute): number {
  let hash = SEED | 0;
  for (const char of route.key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * Run first, before the random ones: the valid call with one field (or one query
 * parameter) at each edge of its type, so the plain boundary cases never depend on luck.
 */
function edgeExamples(route: ApiRoute): Array<[RequestRecipe]> {
  const params: Piece[] = route.params.map(() => ({ valid: true }));
  const body = Object.entries(validFields(route)).flatMap(([key, value]) =>
    EDGES[kindOf(value)].map((edge): RequestRecipe => ({
      params,
      query: [],
      body: { kind: 'fields', fromValid: true, drop: [], set: [[key, edge]] },
    })),
  );
  const given = caseOf(route).query ?? '';
  const text = typeof given === 'function' ? given(PLACEHOLDERS) : given;
  const query = [...new URLSearchParams(text).keys()].flatMap((key) =>
    ['-1', '0', '2147483648', '1e400', '', '%00', encode('x'.repeat(5_000))].map(
      (edge): RequestRecipe => ({ params, query: [[key, edge]], body: { kind: 'none' } }),
    ),
  );
  return [...body, ...query].map((recipe) => [recipe]);
}

async function fuzz(route: ApiRoute, w: PreparedWorkspace): Promise<void> {
  const examples = edgeExamples(route);
  await fc.assert(
    fc.asyncProperty(requestRecipe(route), async (recipe) => {
      // The owner stays an enabled owner whatever an earlier run did (transfer, demotion), and
      // gets a session of its own each time: a sign-out or a password change stays in its run.
      await w.db
        .updateTable('users')
        .set({ role: 'owner', disabled: false })
        .where('id', '=', w.ids.ownerId)
        .execute();
      const logged = w.unexpectedErrors.length;
      const owner = await w.callAs('owner');
      const request = build(route, recipe, owner.values);
      for (const [who, client] of [
        ['owner', owner.client],
        ['anonymous', await w.clientAs('anonymous')],
      ] as const) {
        const res = await client.raw(route.method, request.url, request.body, request.headers);
        judge(route, who, request, res);
      }
      const errors = w.unexpectedErrors.slice(logged).map(String);
      expect(
        errors,
        `the app logged unexpected errors for ${route.method} ${clip(request.url, 200)}`,
      ).toEqual([]);
    }),
    // Examples count as runs: NUM_RUNS random ones follow them.
    { seed: seedFor(route), numRuns: examples.length + NUM_RUNS, examples },
  );
}

/** Routes by resource (`/api/brands/...`): each resource gets a workspace of its own. */
const GROUPS = [...new Set(ROUTES.map((route) => route.path.split('/')[2] ?? ''))].map(
  (resource) =>
    [resource, ROUTES.filter((route) => route.path.split('/')[2] === resource)] as const,
);

it('finds the API routes in app.routes', () => {
  expect(ROUTES.length).toBeGreaterThan(40);
});

describe.each(GROUPS)('/api/%s, fed bad input', (_, routes) => {
  let w: PreparedWorkspace;
  beforeAll(async () => {
    w = await prepareWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  it.each(routes.map((route) => [route.key, route] as const))(
    '%s never answers 5xx or a malformed error',
    async (_, route) => {
      await fuzz(route, w);
    },
  );
});
