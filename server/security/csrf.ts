import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../errors';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CsrfOptions {
  appUrl: string;
  /** Take the host from X-Forwarded-Host (only behind a proxy you run). */
  trustProxy: boolean;
}

/**
 * Refuses a cookie-authenticated change that a browser says came from another
 * site. Browsers send `Origin` (and `Sec-Fetch-Site`) on every POST, PATCH,
 * PUT and DELETE; scripts and API clients send neither and are not at risk,
 * since they hold their credentials themselves. Requests with
 * `Authorization: Bearer` carry no ambient credential and pass.
 */
export function csrfCheck({ appUrl, trustProxy }: CsrfOptions): (c: Context<AppEnv>) => void {
  const appOrigin = new URL(appUrl).origin;
  return (c) => {
    if (UNSAFE.has(c.req.method) && c.req.header('authorization') === undefined) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host =
        (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host');
      const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
      if (crossSite || (origin !== undefined && !sameOrigin(origin, appOrigin, host))) {
        throw new AppError(
          403,
          'csrf',
          'This request came from another site and was refused. Use Sponsorcal from its own address.',
        );
      }
    }
  };
}

function sameOrigin(origin: string, appOrigin: string, host: string | undefined): boolean {
  if (origin === appOrigin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // `null` or garbage
  }
}
