import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Hono, type Context, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ApiErrorBody } from '../shared/schemas/common';
import { OWASP_SCRYPT, type ScryptCost } from './auth/password';
import { authenticate } from './auth/session';
import { systemClock, type Clock } from './clock';
import { isBusy, isForeignKeyViolation, isUniqueViolation, isUnstorableText } from './db/dialect';
import type { Database } from './db/schema';
import type { AppDeps, AppEnv } from './env';
import { AppError } from './errors';
import { alertRoutes } from './routes/alerts';
import { authRoutes } from './routes/auth';
import { channelRoutes } from './routes/channels';
import { meRoutes } from './routes/me';
import { moneyRoutes } from './routes/money';
import { brandRoutes } from './routes/brands';
import { pitchRoutes } from './routes/pitches';
import { brandTimelineRoutes } from './routes/brand-timeline';
import { packageApplyRoutes, packageRoutes } from './routes/packages';
import { dealRoutes } from './routes/deals';
import { deliverableRoutes } from './routes/deliverables';
import { deliverableBulkRoutes } from './routes/deliverables-bulk';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { invoiceRoutes } from './routes/invoices';
import { invoicePdfRoutes } from './routes/invoice-pdf';
import { searchRoutes } from './routes/search';
import { riskRoutes } from './routes/risk';
import { seedRoutes } from './routes/seed';
import { settingsRoutes, teamRoutes } from './routes/settings';
import { buildOpenApiDocument } from './openapi';
import type { AccessLookup, RouteRule } from './permissions';
import { declare, declaredRoutes, guardTable } from './routes/declare';
import { mountWebApp } from './static';
import { auditRoutes } from './routes/audit';
import { calendarFeedRoutes } from './routes/calendar-feed';
import { importRoutes } from './routes/imports';
import { transferRoutes } from './routes/transfer';
import { inviteRoutes } from './routes/invites';
import { kitPageRoutes, kitRoutes } from './routes/kit';
import { requestFormApiRoutes, requestFormPageRoutes } from './routes/kit-requests';
import { requestRoutes } from './routes/requests';
import { reviewLinkRoutes, reviewRoutes } from './routes/review-links';
import { invoiceLinkRoutes } from './routes/invoice-links';
import { dealProposalRoutes, proposalLinkRoutes, proposalRoutes } from './routes/proposals';
import {
  dealReportRoutes,
  deliverableMetricRoutes,
  reportLinkRoutes,
  testimonialRoutes,
} from './routes/reports';
import { invoiceSendingRoutes } from './routes/invoice-sending';
import { emailUnsubscribeRoutes } from './routes/email-unsubscribe';
import type { Mailer } from './invoices/mailer';
import { userRoutes } from './routes/users';
import { csrfCheck } from './security/csrf';
import { securityHeaders } from './security/headers';
import { hostCheck } from './security/hosts';

export interface AppOptions {
  db: Kysely<Database>;
  clock?: Clock;
  /**
   * APP_URL, when the operator set it: links use it, and the API answers to its
   * host name (and ALLOWED_HOSTS). Unset: links name `linkUrl` (default
   * http://localhost:8787) and the API answers to loopback names only.
   */
  appUrl?: string;
  /**
   * The URL links name when it differs from `appUrl`: the one derived from the listening
   * address when APP_URL is unset (the host check still keeps to loopback names then).
   */
  linkUrl?: string;
  /** ALLOWED_HOSTS: further host names the API answers to. */
  allowedHosts?: readonly string[];
  /** Directory of the built web app; served when it exists. */
  webRoot?: string;
  /** Lower only in tests: the OWASP cost makes each hash take a few hundred ms. */
  passwordCost?: ScryptCost;
  /** What this process knows of the scheduler, for /api/health. */
  scheduler?: { running: boolean; intervalMs: number };
  /** Whether alert e-mail can go out (SMTP_URL is set); shown to users beside their e-mail switch. */
  emailConfigured?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Let webhook channels reach loopback, link-local and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
  /** Signs public links' addresses (invoices, alert e-mails' unsubscribe); default: random for this process. */
  linkSecret?: Buffer;
  /** Sends invoices to payers; default: none (sending answers 409 and says why). */
  mailer?: Mailer | null;
  /** Called with unexpected errors (never with bad input); defaults to console.error. */
  logError?: (error: unknown) => void;
}

export const MAX_BODY_BYTES = 1024 * 1024;

function errorBody(
  code: string,
  message: string,
  issues?: ApiErrorBody['error']['issues'],
): ApiErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Routes that take bodies over 1 MB, each with its own limit and body type. */
export const UPLOADS = [
  {
    prefix: '/api/imports/',
    maxBytes: 20 * 1024 * 1024,
    label: '20 MB',
    mediaType: /^multipart\/form-data$/i,
    wrongTypeMessage: 'Upload the CSV file as multipart/form-data (field "file").',
  },
  {
    prefix: '/api/transfer/import',
    maxBytes: 200 * 1024 * 1024,
    label: '200 MB',
    mediaType: JSON_MEDIA_TYPE,
    wrongTypeMessage: 'Send the export file as JSON with Content-Type: application/json.',
  },
] as const;

function sizeLimit(maxSize: number, label: string) {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      c.json(errorBody('payload_too_large', `The request body is larger than ${label}.`), 413),
  });
}

/** An id with a NUL in it names nothing (and PostgreSQL cannot even compare it). */
function refuseNulInPath(c: Context<AppEnv>): void {
  const url = c.req.url;
  const query = url.indexOf('?');
  const rawPath = query === -1 ? url : url.slice(0, query);
  if (c.req.path.includes('\u0000') || rawPath.includes('%00')) {
    throw new AppError(404, 'not_found', 'Not found');
  }
}

/** A body that is not declared as JSON (or as the upload's or form's type) would be read as `{}` and blamed on missing fields. */
function refuseUndeclaredBody(c: Context<AppEnv>, rule: RouteRule): void {
  const method = c.req.method;
  if (method !== 'POST' && method !== 'PATCH' && method !== 'PUT') return;
  const length = Number(c.req.header('content-length') ?? 0);
  const chunked = c.req.header('transfer-encoding') !== undefined;
  if (length === 0 && !chunked) return;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  const upload = UPLOADS.find((u) => c.req.path.startsWith(u.prefix));
  if (upload && !upload.mediaType.test(type)) {
    throw new AppError(400, 'invalid_body', upload.wrongTypeMessage, [
      { path: '(body)', message: upload.wrongTypeMessage },
    ]);
  }
  if (!upload && !JSON_MEDIA_TYPE.test(type) && !rule.formTypes?.includes(type.toLowerCase())) {
    throw new AppError(
      400,
      'invalid_json',
      'Send the body as JSON with Content-Type: application/json.',
      [{ path: '(body)', message: 'Expected Content-Type: application/json' }],
    );
  }
}

export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? systemClock,
    config: { APP_URL: options.linkUrl ?? options.appUrl ?? 'http://localhost:8787' },
    passwordCost: options.passwordCost ?? OWASP_SCRYPT,
    scheduler: options.scheduler,
    trustProxy: options.trustProxy ?? false,
    emailConfigured: options.emailConfigured ?? false,
    webhookAllowPrivate: options.webhookAllowPrivate ?? false,
    linkSecret: options.linkSecret ?? randomBytes(32),
    mailer: options.mailer ?? null,
  };
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return c.json(errorBody(error.code, error.message, error.issues), error.status);
    }
    if (error instanceof HTTPException) {
      if (error.status === 413) {
        return c.json(errorBody('payload_too_large', 'The request body is larger than 1 MB.'), 413);
      }
      if (error.status === 400) {
        return c.json(
          errorBody('invalid_json', 'The request body is not valid JSON.', [
            { path: '(body)', message: 'Malformed JSON' },
          ]),
          400,
        );
      }
      return c.json(errorBody('error', error.message), error.status);
    }
    // Races the up-front checks cannot see (two writers at once) still end as a clear 409.
    if (isUniqueViolation(error)) {
      return c.json(
        errorBody('duplicate', 'This already exists (someone may have just created it).'),
        409,
      );
    }
    if (isUnstorableText(error)) {
      return c.json(
        errorBody('validation_failed', 'The text contains characters that cannot be stored.'),
        400,
      );
    }
    if (isForeignKeyViolation(error)) {
      return c.json(
        errorBody(
          'conflict',
          'Something this refers to was changed or deleted at the same time. Reload and try again.',
        ),
        409,
      );
    }
    // Another process held the database past every wait: try again, it is not broken.
    if (isBusy(error)) {
      c.header('Retry-After', '1');
      return c.json(
        errorBody('busy', 'The database is busy with other work. Try again in a moment.'),
        503,
      );
    }
    logError(error);
    return c.json(
      errorBody('internal', 'Something went wrong on our side. It has been logged.'),
      500,
    );
  });

  app.notFound((c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  );

  app.use('*', securityHeaders());

  const limits = UPLOADS.map((upload) => ({
    upload,
    limit: sizeLimit(upload.maxBytes, upload.label),
  }));
  const defaultLimit = sizeLimit(MAX_BODY_BYTES, '1 MB');
  const refuseUnknownHost = hostCheck({
    appUrl: options.appUrl,
    allowedHosts: options.allowedHosts ?? [],
    trustProxy: deps.trustProxy,
  });
  const refuseCrossSite = csrfCheck({ appUrl: deps.config.APP_URL, trustProxy: deps.trustProxy });
  const authorize = authenticate(deps);
  // Filled from the routes' declarations once every route is registered (below).
  let ruleOf: AccessLookup = () => {
    throw new Error('createApp has not finished registering routes');
  };

  // Every API request passes these checks, in this order: one middleware rather than six
  // (each layer is a closure and a promise more before every signed-in read).
  const guard = async (c: Context<AppEnv>, next: Next) => {
    // Health answers any name: load balancers and container checks ask by address.
    if (c.req.path !== '/api/health') refuseUnknownHost(c);
    refuseNulInPath(c);
    const rule = ruleOf(c.req.method, c.req.path);
    if (!rule.crossSite) refuseCrossSite(c);
    await authorize(c, rule);
    // After authentication: who may not call a route learns that first, not what its body should be.
    refuseUndeclaredBody(c, rule);
    await next();
  };
  app.use('/api/*', (c, next) => {
    // A GET or HEAD carries no body to limit (and looking for one makes a full Request of it).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return guard(c, next);
    const match = limits.find(({ upload }) => c.req.path.startsWith(upload.prefix));
    return (match?.limit ?? defaultLimit)(c, () => guard(c, next));
  });

  const routes = app
    .route('/api/health', healthRoutes(deps))
    .route('/api/auth', authRoutes(deps))
    .route('/api/settings', settingsRoutes(deps))
    .route('/api/team', teamRoutes(deps))
    .route('/api/brands', brandRoutes(deps))
    .route('/api/brands', pitchRoutes(deps))
    .route('/api/brands', brandTimelineRoutes(deps))
    .route('/api/deals', dealRoutes(deps))
    // Before `/api/deliverables/:id`, so `/board` is not read as an id.
    .route('/api/deliverables', deliverableBulkRoutes(deps))
    .route('/api/deals', packageApplyRoutes(deps))
    .route('/api/packages', packageRoutes(deps))
    .route('/api/deliverables', deliverableRoutes(deps))
    .route('/api/deliverables', reviewLinkRoutes(deps))
    .route('/api/review', reviewRoutes(deps))
    .route('/api/seed', seedRoutes(deps))
    .route('/api/alerts', alertRoutes(deps))
    .route('/api/channels', channelRoutes(deps))
    .route('/api/me', meRoutes(deps))
    .route('/api/invoices', invoiceRoutes(deps))
    .route('/api/invoices', invoiceSendingRoutes(deps))
    .route('/api/invoice-links', invoiceLinkRoutes(deps))
    .route('/api/invoices', invoicePdfRoutes(deps))
    .route('/api/money', moneyRoutes(deps))
    .route('/api/search', searchRoutes(deps))
    .route('/api/risk', riskRoutes(deps))
    .route('/api/exports', exportRoutes(deps))
    .route('/api/users', userRoutes(deps))
    .route('/api/invites', inviteRoutes(deps))
    .route('/api/audit', auditRoutes(deps))
    .route('/api/calendar.ics', calendarFeedRoutes(deps))
    .route('/api/imports', importRoutes(deps))
    .route('/api/kit', kitRoutes(deps))
    .route('/api/transfer', transferRoutes(deps))
    .route('/api/kit', requestFormApiRoutes(deps))
    .route('/api/requests', requestRoutes(deps))
    .route('/api/deals', dealProposalRoutes(deps))
    .route('/api/proposals', proposalRoutes(deps))
    .route('/api/proposal-links', proposalLinkRoutes(deps))
    .route('/api/deliverables', deliverableMetricRoutes(deps))
    .route('/api/deals', dealReportRoutes(deps))
    .route('/api/testimonials', testimonialRoutes(deps))
    .route('/api/report-links', reportLinkRoutes(deps))
    .route('/api/email', emailUnsubscribeRoutes(deps));

  let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get(
    '/api/openapi.json',
    declare({
      access: 'public',
      summary: 'This document',
      answers: { 200: z.looseObject({ openapi: z.literal('3.1.0') }) },
    }),
    (c) => {
      // Built on first request: most apps (and tests) never ask for it.
      openApi ??= buildOpenApiDocument(declared, deps.config.APP_URL);
      return c.json(openApi, 200);
    },
  );

  // Every route's facts, from its declaration: the guard's table and the OpenAPI document.
  // A route without one stops the app here, naming it.
  const declared = declaredRoutes(app.routes);
  ruleOf = guardTable(declared);

  // The public media kit is a server-rendered page: before the web app, whose fallback answers every path.
  app.route('/kit', requestFormPageRoutes(deps));
  app.route('/kit', kitPageRoutes(deps));
  if (options.webRoot && fs.existsSync(options.webRoot)) mountWebApp(app, options.webRoot);

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
