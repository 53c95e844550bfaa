import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../errors';

export interface HostPolicyOptions {
  /** APP_URL when the operator set it; undefined when not (then loopback names only). */
  appUrl: string | undefined;
  /** ALLOWED_HOSTS: further host names, lowercase, without port. */
  allowedHosts: readonly string[];
  /** Take the host from X-Forwarded-Host (only behind a proxy you run). */
  trustProxy: boolean;
}

/** `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8 and ::1: names only this machine answers to. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '0:0:0:0:0:0:0:1';
}

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The host name a `Host` header names, without its port; undefined when it is not host[:port]. */
export function hostnameOf(host: string): string | undefined {
  if (!HOST_HEADER.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** The host a request names: its `Host` header (or X-Forwarded-Host behind a trusted proxy). */
export function requestHost(c: Context<AppEnv>, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    : undefined;
  // Under app.request() (tests) a request has no Host header: its URL names the host.
  return forwarded || c.req.header('host') || new URL(c.req.url).host;
}

/**
 * Refuses a request that names a host this server is not: a page on
 * `rebind.evil.example` whose name was pointed at this machine (DNS
 * rebinding) reaches the server with its own name in `Host`, and must
 * neither read data nor claim a fresh install. Allowed: APP_URL's host name
 * and ALLOWED_HOSTS; loopback names when APP_URL is unset or itself loopback.
 * Ports are not compared: a name is what a rebinding attacker cannot fake.
 */
export function hostCheck(options: HostPolicyOptions): (c: Context<AppEnv>) => void {
  const appHost = options.appUrl ? new URL(options.appUrl).hostname.toLowerCase() : undefined;
  const allowed = new Set([...(appHost ? [appHost] : []), ...options.allowedHosts]);
  const loopbackAllowed = appHost === undefined || isLoopbackName(appHost);
  const isAllowed = (hostname: string) =>
    allowed.has(hostname) || (loopbackAllowed && isLoopbackName(hostname));
  // The same few Host values arrive again and again; each is judged once.
  const judged = new Map<string, boolean>();

  return (c) => {
    const host = requestHost(c, options.trustProxy);
    let ok = judged.get(host);
    if (ok === undefined) {
      const hostname = hostnameOf(host);
      ok = hostname !== undefined && isAllowed(hostname);
      if (judged.size < 256) judged.set(host, ok);
    }
    if (!ok) {
      throw new AppError(
        421,
        'host_not_allowed',
        `This server does not answer to the name "${host.slice(0, 100)}". Open it at its own address (APP_URL), or add the name to ALLOWED_HOSTS.`,
      );
    }
  };
}
