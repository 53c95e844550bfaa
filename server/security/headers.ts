import { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Scripts come only from our own origin (the built app has no inline script);
 * styles allow inline because the calendar sets element styles at run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries (Hono's `secureHeaders` defaults, with our policy). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  // Not `no-referrer`: with it, browsers send `Origin: null` on same-origin POSTs, which the CSRF check needs.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const ENTRIES = Object.entries(SECURITY_HEADERS);

/** The Node.js response under @hono/node-server (`c.env.outgoing`); none under `app.request()`. */
function nodeResponse(c: Context): ServerResponse | undefined {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
}

/**
 * Security headers on every response, the web app's included; a header the
 * response sets itself wins. Served by Node.js, they go straight onto its
 * response, before the handler runs: Hono's own headers (a fetch `Headers`,
 * validated, sorted and copied again for Node.js) were one of the largest
 * costs of a point read, and a JSON answer without them stays on
 * @hono/node-server's fast path. Elsewhere (`app.request()` in tests, other runtimes) they are
 * set through Hono.
 */
export function securityHeaders(): MiddlewareHandler {
  const throughHono: MiddlewareHandler = async (c, next) => {
    for (const [name, value] of ENTRIES) c.header(name, value);
    await next();
    const headers = c.res.headers;
    if (!headers.has('x-content-type-options')) {
      for (const [name, value] of ENTRIES) headers.set(name, value);
    }
    headers.delete('x-powered-by');
  };
  // Not async: on Node.js nothing is left to do after the handler, and a promise of a promise costs two turns of the microtask queue.
  return (c, next) => {
    const outgoing = nodeResponse(c);
    if (!outgoing) return throughHono(c, next);
    for (const [name, value] of ENTRIES) outgoing.setHeader(name, value);
    return next();
  };
}
