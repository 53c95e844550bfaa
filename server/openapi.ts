import {
  invoiceEventSchema,
  invoiceSendPreviewSchema,
  invoiceSendSchema,
  invoiceSentSchema,
  publicInvoiceSchema,
  reminderPreviewQuerySchema,
  remittanceCreateSchema,
} from '../shared/schemas/getting-paid';
import { z } from 'zod';
import { loginSchema, setupSchema, userSchema } from '../shared/schemas/auth';
import { alertListQuerySchema, alertSchema, snoozeSchema } from '../shared/schemas/alert';
import {
  brandCreateSchema,
  brandListQuerySchema,
  brandPatchSchema,
  brandSchema,
  pitchCreateSchema,
  pitchSchema,
} from '../shared/schemas/brand';
import { channelCreateSchema, channelPatchSchema, channelSchema } from '../shared/schemas/channel';
import {
  dealCreateSchema,
  dealListQuerySchema,
  dealPatchSchema,
  dealSchema,
} from '../shared/schemas/deal';
import {
  deliverableCreateSchema,
  deliverableListQuerySchema,
  deliverablePatchSchema,
  deliverableSchema,
} from '../shared/schemas/deliverable';
import { feedCreatedSchema } from '../shared/schemas/feed';
import {
  invoiceCreateSchema,
  invoiceListQuerySchema,
  invoicePatchSchema,
  invoiceSchema,
  paymentCreateSchema,
} from '../shared/schemas/invoice';
import { mediaKitPatchSchema, mediaKitSchema } from '../shared/schemas/kit';
import {
  reviewDecisionBodySchema,
  reviewDecisionResultSchema,
  reviewLinkCreateSchema,
  reviewLinkCreatedSchema,
  reviewLinkSchema,
  reviewViewSchema,
} from '../shared/schemas/review';
import { settingsPatchSchema, settingsSchema } from '../shared/schemas/settings';
import {
  inviteAcceptSchema,
  inviteCreatedSchema,
  inviteCreateSchema,
  inviteSchema,
  teamMemberSchema,
  userPatchSchema,
} from '../shared/schemas/team';
import { SESSION_COOKIE } from './auth/session';
import { requiredAccess } from './permissions';

interface Operation {
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer: a resource, or `list` of them as `{items: [...]}`. */
  response?: z.ZodType;
  list?: boolean;
  status?: number;
}

/** The contract's routes with their shared zod schemas; every other route is listed from the app. */
const OPERATIONS: Record<string, Operation> = {
  'GET /api/health': { summary: 'Health: 200 when the database answers' },
  'POST /api/auth/setup': {
    summary: 'Create the first owner (409 once any user exists)',
    body: setupSchema,
    response: userSchema,
    status: 201,
  },
  'POST /api/auth/login': {
    summary: 'Sign in (sets the session cookie)',
    body: loginSchema,
    response: userSchema,
  },
  'POST /api/auth/logout': { summary: 'Sign out', status: 204 },
  'GET /api/auth/me': { summary: 'The signed-in user', response: userSchema },
  'GET /api/brands': {
    summary: 'Brands with their contacts',
    query: brandListQuerySchema,
    response: brandSchema,
    list: true,
  },
  'POST /api/brands': {
    summary: 'Create a brand',
    body: brandCreateSchema,
    response: brandSchema,
    status: 201,
  },
  'GET /api/brands/:id': { summary: 'One brand', response: brandSchema },
  'PATCH /api/brands/:id': {
    summary: 'Change a brand (with its version)',
    body: brandPatchSchema,
    response: brandSchema,
  },
  'DELETE /api/brands/:id': { summary: 'Delete a brand', status: 204 },
  'GET /api/brands/:id/pitches': {
    summary: "A brand's pitch log",
    response: pitchSchema,
    list: true,
  },
  'POST /api/brands/:id/pitches': {
    summary: 'Log a pitch (a prospect moves to pitched)',
    body: pitchCreateSchema,
    response: pitchSchema,
    status: 201,
  },
  'DELETE /api/brands/:id/pitches/:pitchId': {
    summary: 'Remove an entry from the pitch log',
    status: 204,
  },
  'GET /api/deals': {
    summary: 'Deals',
    query: dealListQuerySchema,
    response: dealSchema,
    list: true,
  },
  'POST /api/deals': {
    summary: 'Create a deal',
    body: dealCreateSchema,
    response: dealSchema,
    status: 201,
  },
  'GET /api/deals/:id': { summary: 'One deal', response: dealSchema },
  'PATCH /api/deals/:id': {
    summary: 'Change a deal (with its version)',
    body: dealPatchSchema,
    response: dealSchema,
  },
  'DELETE /api/deals/:id': { summary: 'Delete a deal', status: 204 },
  'GET /api/deliverables': {
    summary: 'Deliverables; with from/to, those whose publishAt or draftDueAt is in [from, to)',
    query: deliverableListQuerySchema,
    response: deliverableSchema,
    list: true,
  },
  'POST /api/deliverables': {
    summary: 'Create a deliverable (answers warnings)',
    body: deliverableCreateSchema,
    response: deliverableSchema,
    status: 201,
  },
  'GET /api/deliverables/:id': { summary: 'One deliverable', response: deliverableSchema },
  'PATCH /api/deliverables/:id': {
    summary: 'Change a deliverable (with its version; 409 when stale)',
    body: deliverablePatchSchema,
    response: deliverableSchema,
  },
  'DELETE /api/deliverables/:id': { summary: 'Delete a deliverable', status: 204 },
  'POST /api/deliverables/:id/review-links': {
    summary: 'Create a brand review link',
    body: reviewLinkCreateSchema,
    response: reviewLinkCreatedSchema,
    status: 201,
  },
  'GET /api/deliverables/:id/review-links': {
    summary: "A deliverable's review links and decisions",
    response: reviewLinkSchema,
    list: true,
  },
  'GET /api/review/:token': {
    summary: 'Public: the draft a review link shows',
    response: reviewViewSchema,
  },
  'POST /api/review/:token/decision': {
    summary: 'Public: approve or request changes',
    body: reviewDecisionBodySchema,
    response: reviewDecisionResultSchema,
  },
  'GET /api/invoices': {
    summary: 'Invoices',
    query: invoiceListQuerySchema,
    response: invoiceSchema,
    list: true,
  },
  'POST /api/invoices': {
    summary: 'Create an invoice',
    body: invoiceCreateSchema,
    response: invoiceSchema,
    status: 201,
  },
  'GET /api/invoices/:id': { summary: 'One invoice', response: invoiceSchema },
  'PATCH /api/invoices/:id': {
    summary: 'Change an invoice (with its version)',
    body: invoicePatchSchema,
    response: invoiceSchema,
  },
  'DELETE /api/invoices/:id': { summary: 'Delete an invoice', status: 204 },
  'POST /api/invoices/:id/payments': {
    summary: 'Record a payment',
    body: paymentCreateSchema,
    response: invoiceSchema,
    status: 201,
  },
  'GET /api/invoices/:id/pdf': { summary: 'The invoice as a PDF' },
  'GET /api/invoices/:id/send-preview': {
    summary: 'What "Send invoice" would send now, or why it cannot',
    response: invoiceSendPreviewSchema,
  },
  'POST /api/invoices/:id/send': {
    summary: "E-mail the invoice to its payer (PDF attached, a link to the invoice's page)",
    body: invoiceSendSchema,
    response: invoiceSentSchema,
  },
  'GET /api/invoices/:id/reminder-preview': {
    summary: 'The reminder a ladder step (?offsetDays=) would send for this invoice',
    query: reminderPreviewQuerySchema,
  },
  'GET /api/invoices/:id/events': {
    summary: "The invoice's timeline, newest first",
    response: invoiceEventSchema,
    list: true,
  },
  'POST /api/invoices/:id/link/revoke': {
    summary: "End the invoice's public link",
    response: invoiceSchema,
  },
  'POST /api/invoices/:id/remittances/:remittanceId/confirm': {
    summary: 'Confirm a "we\'ve paid" notice as a payment',
    response: invoiceSchema,
  },
  'POST /api/invoices/:id/remittances/:remittanceId/dismiss': {
    summary: 'Dismiss a "we\'ve paid" notice',
    response: invoiceSchema,
  },
  'GET /api/invoice-links/:token': {
    summary: 'The invoice as its payer sees it (public, by the link token)',
    response: publicInvoiceSchema,
  },
  'GET /api/invoice-links/:token/pdf': { summary: 'The invoice PDF (public, by the link token)' },
  'POST /api/invoice-links/:token/paid': {
    summary: 'The payer says it has paid (public; a notice for the team, not a payment)',
    body: remittanceCreateSchema,
    status: 202,
  },
  'GET /api/alerts': {
    summary: 'The alert inbox',
    query: alertListQuerySchema,
    response: alertSchema,
    list: true,
  },
  'POST /api/alerts/:id/ack': { summary: 'Acknowledge an alert', response: alertSchema },
  'POST /api/alerts/:id/snooze': {
    summary: 'Snooze an alert',
    body: snoozeSchema,
    response: alertSchema,
  },
  'GET /api/calendar.ics': { summary: "A user's iCalendar feed (?token=…)" },
  'GET /api/settings': { summary: 'Workspace settings', response: settingsSchema },
  'PATCH /api/settings': {
    summary: 'Change the workspace settings (owner)',
    body: settingsPatchSchema,
    response: settingsSchema,
  },
  'GET /api/channels': { summary: 'Alert channels', response: channelSchema, list: true },
  'POST /api/channels': {
    summary: 'Add a webhook channel',
    body: channelCreateSchema,
    response: channelSchema,
    status: 201,
  },
  'PATCH /api/channels/:id': {
    summary: 'Change a channel',
    body: channelPatchSchema,
    response: channelSchema,
  },
  'DELETE /api/channels/:id': { summary: 'Delete a channel', status: 204 },
  'POST /api/channels/:id/test': { summary: 'Send a test message' },
  'POST /api/me/feed-token': {
    summary: "Create the caller's calendar feed link",
    response: feedCreatedSchema,
    status: 201,
  },
  'DELETE /api/me/feed-token': { summary: "Revoke the caller's calendar feed", status: 204 },
  'GET /api/users': { summary: 'The team (owner)', response: teamMemberSchema, list: true },
  'PATCH /api/users/:id': {
    summary: 'Change a member (owner)',
    body: userPatchSchema,
    response: teamMemberSchema,
  },
  'GET /api/invites': { summary: 'Pending invites (owner)', response: inviteSchema, list: true },
  'POST /api/invites': {
    summary: 'Create an invite link',
    body: inviteCreateSchema,
    response: inviteCreatedSchema,
    status: 201,
  },
  'POST /api/invites/:token/accept': {
    summary: 'Public: accept an invite',
    body: inviteAcceptSchema,
    response: userSchema,
    status: 201,
  },
  'GET /api/kit': { summary: 'The media kit', response: mediaKitSchema },
  'PATCH /api/kit': {
    summary: 'Change the media kit (owner)',
    body: mediaKitPatchSchema,
    response: mediaKitSchema,
  },
  'GET /api/openapi.json': { summary: 'This document' },
};

/** JSON Schema of a zod schema as a client sends it (`input`) or reads it (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

const ERROR_RESPONSE = {
  description: 'Error: `{"error": {"code", "message", "issues": [{"path", "message"}]}}`',
  content: {
    'application/json': {
      schema: {
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
      },
    },
  },
};

function operationOf(method: string, path: string, operation: Operation | undefined) {
  const openPath = path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
  const params = [...path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = operation?.query
    ? Object.entries(
        (jsonSchema(operation.query, 'input') as { properties?: Record<string, unknown> })
          .properties ?? {},
      ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
    : [];
  const status = String(operation?.status ?? 200);
  const access = requiredAccess(method, path.replace(/:([A-Za-z_]\w*)/g, 'x'));
  const response = operation?.response ? jsonSchema(operation.response, 'output') : undefined;
  return {
    openPath,
    body: {
      summary: operation?.summary ?? `${method} ${path}`,
      'x-access': access,
      ...(access === 'public' ? { security: [] } : {}),
      ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
      ...(operation?.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: {
          description: status === '204' ? 'No content' : 'Success',
          ...(response
            ? {
                content: {
                  'application/json': {
                    schema: operation?.list
                      ? {
                          type: 'object',
                          required: ['items'],
                          properties: { items: { type: 'array', items: response } },
                        }
                      : response,
                  },
                },
              }
            : {}),
        },
        default: ERROR_RESPONSE,
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of every `/api` route the app registers: the
 * contract's routes with their request and response schemas (from the same
 * zod schemas the server validates with), the rest by path and access.
 */
export function buildOpenApiDocument(
  routes: ReadonlyArray<{ method: string; path: string }>,
  appUrl: string,
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const { method, path } of routes) {
    if (method === 'ALL' || !path.startsWith('/api/')) continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { openPath, body } = operationOf(method, path, OPERATIONS[key]);
    paths[openPath] = { ...paths[openPath], [method.toLowerCase()]: body };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sponsorcal API',
      version: '1',
      description:
        'JSON over HTTP; camelCase fields; ids are strings; instants are ISO 8601 UTC, days YYYY-MM-DD. ' +
        'Sign in with the session cookie (POST /api/auth/login) or `Authorization: Bearer spc_…` API tokens. ' +
        '`x-access` says who may call each operation.',
    },
    servers: [{ url: appUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
