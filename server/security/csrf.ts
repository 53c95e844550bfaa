import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { requestHost } from './hosts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CsrfOptions {
  appUrl: string;
  /** Take the host and scheme from X-Forwarded-Host and -Proto (only behind a proxy you run). */
  trustProxy: boolean;
}

const refused = () =>
  new AppError(
    403,
    'csrf',
    'This request came from another site and was refused. Use Sponsorcal from its own address.',
  );

/** The origin (scheme, host and port) of an `Origin` or `Referer` value; undefined for `null` or garbage. */
function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a change a browser may have been tricked into sending. An unsafe
 * request without `Authorization` (which carries no ambient credential) must
 * come from the app's own origin — APP_URL's, or exactly the scheme, host and
 * port it was reached at — by `Origin`, else by `Referer`; a browser that
 * marks it `Sec-Fetch-Site: cross-site` or `same-site` is refused outright.
 * When a request names no origin at all, a session cookie makes it a change
 * the browser would send for anyone, so it is refused unless the browser
 * says it is `same-origin` or typed by the user (`none`); a script without a
 * cookie passes (it holds its credentials itself).
 */
export function csrfCheck({ appUrl, trustProxy }: CsrfOptions): (c: Context<AppEnv>) => void {
  const appOrigin = new URL(appUrl).origin;
  return (c) => {
    if (!UNSAFE.has(c.req.method) || c.req.header('authorization') !== undefined) return;
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw refused();

    const claimed = c.req.header('origin') ?? c.req.header('referer');
    if (claimed !== undefined) {
      const origin = originOf(claimed);
      if (origin === undefined || (origin !== appOrigin && origin !== ownOrigin(c, trustProxy))) {
        throw refused();
      }
      return;
    }
    if (site === undefined && getCookie(c, SESSION_COOKIE) !== undefined) throw refused();
  };
}

/** The origin the request was sent to: its scheme, its Host, and the port in it. */
function ownOrigin(c: Context<AppEnv>, trustProxy: boolean): string | undefined {
  const forwardedProto = trustProxy
    ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
    : undefined;
  const scheme = forwardedProto || new URL(c.req.url).protocol.replace(/:$/, '');
  return originOf(`${scheme}://${requestHost(c, trustProxy)}`);
}
