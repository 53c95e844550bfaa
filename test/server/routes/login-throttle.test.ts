import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, THROTTLE_WINDOW_MS } from '../../../server/auth/throttle';
import { OWNER } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

async function ownerApp(options: { trustProxy?: boolean } = {}) {
  const t = await apps.app(options);
  await t.client().setupOwner();
  return t;
}

function loginFrom(t: Awaited<ReturnType<typeof ownerApp>>, ip: string, email: string, password: string) {
  return t.client().request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': ip });
}

describe('POST /api/auth/login throttling', () => {
  it(`answers 429 with Retry-After after ${MAX_FAILURES_PER_ACCOUNT} failures for one account, even with the right password`, async () => {
    const t = await ownerApp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await t.client().login(OWNER.email, 'wrong password here')).status).toBe(401);
    }
    const locked = await t.client().login(OWNER.email, OWNER.password);
    expectApiError(locked, 429, { code: 'too_many_requests' });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
    // The e-mail's case does not give a second set of tries.
    expect((await t.client().login(OWNER.email.toUpperCase(), OWNER.password)).status).toBe(429);
  });

  it('lets the account in again once the window has passed', async () => {
    const t = await ownerApp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await t.client().login(OWNER.email, 'wrong password here');
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(429);
    t.clock.advance(THROTTLE_WINDOW_MS + 1000);
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const t = await ownerApp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await t.client().login(OWNER.email, 'wrong password here');
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect((await t.client().login(OWNER.email, 'wrong password here')).status).toBe(401);
    }
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it(`throttles one client address after ${MAX_FAILURES_PER_IP} failures across many accounts, not other addresses`, async () => {
    const t = await ownerApp({ trustProxy: true });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const res = await loginFrom(t, '203.0.113.9', `nobody${i}@example.com`, 'wrong password here');
      expect(res.status).toBe(401);
    }
    expect((await loginFrom(t, '203.0.113.9', OWNER.email, OWNER.password)).status).toBe(429);
    expect((await loginFrom(t, '198.51.100.7', OWNER.email, OWNER.password)).status).toBe(200);
  });
});
