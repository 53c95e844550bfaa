import { z } from 'zod';
import * as sharedSchemas from '../shared/schemas';
import * as gettingPaidSchemas from '../shared/schemas/getting-paid';
import * as moneyFeesSchemas from '../shared/schemas/money-fees';
import { SESSION_COOKIE } from './auth/session';
import { formTypesOf, type Answer, type DeclaredRoute, type RouteFacts } from './routes/declare';

/** JSON Schema of a zod schema as a client sends it (`input`) or reads it (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return rest;
}

/** The shared schemas by name (`invoiceSchema` → `Invoice`): answers of these are `$ref`s to one copy. */
const SHARED_NAMES = new Map<unknown, string>(
  Object.entries({ ...sharedSchemas, ...gettingPaidSchemas, ...moneyFeesSchemas })
    .filter(([name, value]) => name.endsWith('Schema') && value instanceof z.ZodType)
    .map(([name, value]) => [
      value,
      name.charAt(0).toUpperCase() + name.slice(1, -'Schema'.length),
    ]),
);

/** `components.schemas`, filled as the operations name shared answers. */
type Components = Record<string, unknown>;

function answerSchema(schema: z.ZodType, components: Components): Record<string, unknown> {
  const name = SHARED_NAMES.get(schema);
  if (!name) return jsonSchema(schema, 'output');
  components[name] ??= jsonSchema(schema, 'output');
  return { $ref: `#/components/schemas/${name}` };
}

/** Every error answer is the one error shape. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const ERROR_WORDS: Record<number, string> = {
  400: 'Bad input: `issues` names each field',
  401: 'Not signed in (or the API token is not valid)',
  403: 'The role may not do this (or an API token may not)',
  404: 'Not found',
  409: 'Conflict: stale version, or the state does not allow it',
  413: 'The body is too large',
  422: 'Cannot be done as asked',
  429: 'Too many attempts: wait (see Retry-After)',
  503: 'Not available now',
};

const errorAnswer = (status: number | 'default') => ({
  description:
    status === 'default'
      ? 'Error: `{"error": {"code", "message", "issues": [{"path", "message"}]}}`'
      : (ERROR_WORDS[status] ?? 'Error'),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

function successAnswer(status: number, answer: Answer, components: Components) {
  const description =
    status === 204
      ? 'No content'
      : status === 201
        ? 'Created'
        : status === 304
          ? 'Not modified: the version the request names (If-None-Match, If-Modified-Since) is current'
          : 'Success';
  if (answer === null) return { description };
  if ('kind' in answer && answer.kind === 'list') {
    return {
      description,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: answerSchema(answer.item, components) } },
          },
        },
      },
    };
  }
  if ('kind' in answer && answer.kind === 'file') {
    const schema = answer.schema
      ? answerSchema(answer.schema, components)
      : answer.contentType.startsWith('text/')
        ? { type: 'string' }
        : { type: 'string', format: 'binary' };
    return {
      description: `A ${answer.contentType} file`,
      content: { [answer.contentType]: { schema } },
    };
  }
  return {
    description,
    content: { 'application/json': { schema: answerSchema(answer, components) } },
  };
}

const PARAM = /:([A-Za-z_]\w*)/g;

/** `DELETE /api/brands/:id/pitches/:pitchId` → `deleteBrandsByIdPitchesByPitchId`. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((word) => (word.startsWith(':') ? `by-${word.slice(1)}` : word))
    .flatMap((word) => word.split('-'));
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function operationOf(
  method: string,
  path: string,
  names: readonly string[],
  facts: RouteFacts,
  components: Components,
) {
  const own = [...path.matchAll(PARAM)].map((m) => m[1]!);
  const params = own.map((name, i) => ({
    name: names[i]!,
    in: 'path',
    required: true,
    ...(facts.params?.[name] ? { description: facts.params[name] } : {}),
    schema: { type: 'string' },
  }));
  const querySchema = facts.query ? jsonSchema(facts.query, 'input') : undefined;
  const required = new Set((querySchema?.required as string[] | undefined) ?? []);
  const query = Object.entries(
    (querySchema?.properties as Record<string, unknown> | undefined) ?? {},
  ).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }));
  const requestBody = facts.body
    ? {
        required: true,
        content: { 'application/json': { schema: jsonSchema(facts.body, 'input') } },
      }
    : facts.form
      ? {
          required: true,
          content: Object.fromEntries(
            formTypesOf(facts).map((type) => [type, { schema: jsonSchema(facts.form!, 'input') }]),
          ),
        }
      : undefined;

  const errors = new Set<number>(facts.errors ?? []);
  if (requestBody || query.length > 0) errors.add(400);
  if (facts.access !== 'public') errors.add(401).add(403);
  if (params.length > 0) errors.add(404);
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(facts.answers)) {
    responses[status] = successAnswer(Number(status), answer, components);
  }
  for (const status of [...errors].sort()) responses[String(status)] ??= errorAnswer(status);
  responses.default = errorAnswer('default');

  return {
    operationId: operationId(method, path),
    summary: facts.summary,
    'x-access': facts.access,
    ...(facts.sessionOnly ? { 'x-session-only': true } : {}),
    ...(facts.access === 'public' ? { security: [] } : {}),
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of every `/api` route, built from the routes'
 * declarations: who may call each, its query and body (the same zod schemas
 * the server validates with), and each answer.
 *
 * Two Hono paths that differ only in a parameter's name (`/api/invites/:id` for the
 * owner's DELETE, `/api/invites/:token` for the public GET) are one path in
 * OpenAPI: the document names the parameter as the first route registered does,
 * and each operation says what it holds.
 */
export function buildOpenApiDocument(routes: readonly DeclaredRoute[], appUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const namesOfTemplate = new Map<string, string[]>();
  const schemas: Components = { ApiError: ERROR_SCHEMA };
  for (const { method, path, facts } of routes) {
    const template = path.replace(PARAM, ':');
    const names = namesOfTemplate.get(template) ?? [...path.matchAll(PARAM)].map((m) => m[1]!);
    namesOfTemplate.set(template, names);
    let i = 0;
    const openPath = path.replace(PARAM, () => `{${names[i++]}}`);
    paths[openPath] = {
      ...paths[openPath],
      [method.toLowerCase()]: operationOf(method, path, names, facts, schemas),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sponsorcal API',
      version: '1',
      description:
        'JSON over HTTP; camelCase fields; ids are strings; instants are ISO 8601 UTC, days YYYY-MM-DD. ' +
        'Sign in with the session cookie (POST /api/auth/login) or `Authorization: Bearer spc_…` API tokens. ' +
        '`x-access` says who may call each operation; `x-session-only` operations refuse API tokens.',
    },
    servers: [{ url: appUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas,
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
