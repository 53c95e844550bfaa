import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../../server/app';
import { hostnameOf, isLoopbackName } from '../../../server/security/hosts';
import { OWNER, TEST_PASSWORD_COST } from '../../support/app';
import { trackApps } from '../helpers';

const apps = trackApps();
const servers: ReturnType<typeof serve>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request with whatever Host the test names (fetch would not let it). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<RawAnswer> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...(text
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(text)),
              }
            : {}),
          ...headers,
        },
        setHost: false,
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** The real app on a real port, with the host settings under test. */
async function listen(options: Pick<AppOptions, 'appUrl' | 'allowedHosts' | 'trustProxy'> = {}) {
  const t = await apps.app();
  const app = createApp({ db: t.db, clock: t.clock, passwordCost: TEST_PASSWORD_COST, ...options });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const setupRequired = async (host: string) =>
    JSON.parse((await raw(port, 'GET', '/api/auth/setup', { host })).body).setupRequired as boolean;
  return { t, port, setupRequired };
}

describe('requests naming a host the server is not (DNS rebinding)', () => {
  it('cannot claim a fresh install: setup from rebind.evil.example is refused 421, and the install stays unclaimed', async () => {
    const { port, setupRequired } = await listen();
    const evil = `rebind.evil.example:${port}`;
    const claim = await raw(
      port,
      'POST',
      '/api/auth/setup',
      { host: evil, origin: `http://${evil}` },
      OWNER,
    );
    expect(claim.status).toBe(421);
    expect(JSON.parse(claim.body).error.code).toBe('host_not_allowed');
    expect(JSON.parse(claim.body).error.message).toContain('ALLOWED_HOSTS');
    expect(await setupRequired(`127.0.0.1:${port}`)).toBe(true);

    const local = await raw(
      port,
      'POST',
      '/api/auth/setup',
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      OWNER,
    );
    expect(local.status).toBe(201);
  });

  it('refuses every API route but health, reads and changes alike, signed in or not', async () => {
    const { port } = await listen();
    const local = `127.0.0.1:${port}`;
    const setup = await raw(
      port,
      'POST',
      '/api/auth/setup',
      { host: local, origin: `http://${local}` },
      OWNER,
    );
    const cookie = setup.headers['set-cookie']![0]!.split(';')[0]!;
    const evil = `rebind.evil.example:${port}`;
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/auth/setup'],
      ['GET', '/api/brands'],
      ['GET', '/api/settings'],
      ['GET', '/api/invites/some-token'],
      [
        'POST',
        '/api/invites/some-token/accept',
        { name: 'X', email: 'x@example.com', password: 'long enough password' },
      ],
      ['POST', '/api/transfer/import', {}],
      ['GET', '/api/review/some-token'],
      ['GET', '/api/calendar.ics?token=t'],
      ['POST', '/api/auth/login', { email: OWNER.email, password: OWNER.password }],
      ['GET', '/api/no-such-route'],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await raw(port, method, path, { host: evil, cookie }, body);
      expect(answer.status, `${method} ${path}`).toBe(421);
      expect(answer.body, `${method} ${path}`).not.toContain(OWNER.email);
    }
    expect((await raw(port, 'GET', '/api/brands', { host: local, cookie })).status).toBe(200);
    const health = await raw(port, 'GET', '/api/health', { host: evil });
    expect(health.status).toBe(200);
  });

  it('answers APP_URL’s host name and ALLOWED_HOSTS, and then no loopback name unless APP_URL is loopback', async () => {
    const { port, setupRequired } = await listen({
      appUrl: 'https://cal.example.com',
      allowedHosts: ['sponsorcal.lan'],
    });
    expect(await setupRequired('cal.example.com')).toBe(true);
    expect(await setupRequired('CAL.EXAMPLE.COM:443')).toBe(true);
    expect(await setupRequired(`sponsorcal.lan:${port}`)).toBe(true);
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      'cal.example.com.evil.example',
      'example.com',
    ]) {
      expect((await raw(port, 'GET', '/api/auth/setup', { host })).status, host).toBe(421);
    }

    const loopback = await listen({ appUrl: 'http://localhost:8787' });
    for (const host of [
      'localhost:8787',
      `127.0.0.1:${loopback.port}`,
      `[::1]:${loopback.port}`,
      'app.localhost',
    ]) {
      expect(await loopback.setupRequired(host), host).toBe(true);
    }
    expect(
      (await raw(loopback.port, 'GET', '/api/auth/setup', { host: 'rebind.evil.example' })).status,
    ).toBe(421);
  });

  it('behind a trusted proxy judges X-Forwarded-Host, which a proxy sets from the name the browser used', async () => {
    const { port } = await listen({ appUrl: 'https://cal.example.com', trustProxy: true });
    const through = (forwarded: string) =>
      raw(port, 'GET', '/api/auth/setup', {
        host: `127.0.0.1:${port}`,
        'x-forwarded-host': forwarded,
      });
    expect((await through('cal.example.com')).status).toBe(200);
    expect((await through('rebind.evil.example')).status).toBe(421);
  });
});

describe('host names', () => {
  it('knows loopback names', () => {
    for (const name of [
      'localhost',
      'LOCALHOST',
      'app.localhost',
      '127.0.0.1',
      '127.1.2.3',
      '[::1]',
      '::1',
    ]) {
      expect(isLoopbackName(name), name).toBe(true);
    }
    for (const name of [
      'localhost.evil.example',
      '128.0.0.1',
      '10.0.0.1',
      '[::2]',
      'example.com',
      '0.0.0.0',
    ]) {
      expect(isLoopbackName(name), name).toBe(false);
    }
  });

  it('reads a Host header as host[:port] and nothing else', () => {
    expect(hostnameOf('cal.example.com:8443')).toBe('cal.example.com');
    expect(hostnameOf('Cal.Example.com')).toBe('cal.example.com');
    expect(hostnameOf('[::1]:8787')).toBe('[::1]');
    for (const bad of [
      '',
      'a/b',
      'user@cal.example.com',
      'cal.example.com:port',
      'a b',
      'cal.example.com#x',
    ]) {
      expect(hostnameOf(bad), bad).toBeUndefined();
    }
  });
});
