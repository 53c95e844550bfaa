import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  THROTTLE_WINDOW_MS,
} from '../../../server/auth/throttle';
import { openDatabase } from '../../../server/db/connect';
import { OWNER, TEST_PASSWORD_COST, TestClient } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

async function ownerApp(options: { trustProxy?: boolean } = {}) {
  const t = await apps.app(options);
  await t.client().setupOwner();
  return t;
}

const BURST = 20;
/** Exactly as many passwords checked (and refused) as the account may fail; the rest refused unchecked. */
const EXPECTED_BURST_ANSWERS = {
  401: MAX_FAILURES_PER_ACCOUNT,
  429: BURST - MAX_FAILURES_PER_ACCOUNT,
};

/** How many of the answers had each status, e.g. `{ 401: 5, 429: 15 }`. */
function statusCounts(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A second instance of the app, as a second server would run it: its own connection to the test's database. */
function secondInstance(t: Awaited<ReturnType<typeof ownerApp>>) {
  const handle = openDatabase(t.databaseUrl);
  const app = createApp({
    db: handle.db,
    clock: t.clock,
    passwordCost: TEST_PASSWORD_COST,
    logError: (error) => t.unexpectedErrors.push(error),
  });
  // Closed before the test's database, which is kept for the next test only when nothing holds it.
  return { app, close: () => handle.close() };
}

function loginFrom(
  t: Awaited<ReturnType<typeof ownerApp>>,
  ip: string,
  email: string,
  password: string,
) {
  return t
    .client()
    .post('/api/auth/login', { email, password }, { headers: { 'x-forwarded-for': ip } });
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
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      await t.client().login(OWNER.email, 'wrong password here');
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(429);
    t.clock.advance(THROTTLE_WINDOW_MS + 1000);
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const t = await ownerApp();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await t.client().login(OWNER.email, 'wrong password here');
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect((await t.client().login(OWNER.email, 'wrong password here')).status).toBe(401);
    }
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(200);
  });

  it(`throttles one client address after ${MAX_FAILURES_PER_IP} failures across many accounts, not other addresses`, async () => {
    const t = await ownerApp({ trustProxy: true });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const res = await loginFrom(
        t,
        '203.0.113.9',
        `nobody${i}@example.com`,
        'wrong password here',
      );
      expect(res.status).toBe(401);
    }
    expect((await loginFrom(t, '203.0.113.9', OWNER.email, OWNER.password)).status).toBe(429);
    expect((await loginFrom(t, '198.51.100.7', OWNER.email, OWNER.password)).status).toBe(200);
  });

  it('counts a successful sign-in against neither the account nor the address, and keeps the address’s other failures', async () => {
    const t = await ownerApp({ trustProxy: true });
    const ip = '203.0.113.9';
    for (let i = 0; i < MAX_FAILURES_PER_IP - 1; i++) {
      expect((await loginFrom(t, ip, `nobody${i}@example.com`, 'wrong password here')).status).toBe(
        401,
      );
    }
    expect((await loginFrom(t, ip, OWNER.email, OWNER.password)).status).toBe(200);
    expect((await loginFrom(t, ip, OWNER.email, OWNER.password)).status).toBe(200);
    expect((await loginFrom(t, ip, 'nobody@example.com', 'wrong password here')).status).toBe(401);
    expect((await loginFrom(t, ip, OWNER.email, OWNER.password)).status).toBe(429);
  });

  it(`checks at most ${MAX_FAILURES_PER_ACCOUNT} passwords of ${BURST} concurrent wrong ones for one account`, async () => {
    const t = await ownerApp();
    const answers = await Promise.all(
      Array.from({ length: BURST }, () => t.client().login(OWNER.email, 'wrong password here')),
    );
    expect(statusCounts(answers)).toEqual(EXPECTED_BURST_ANSWERS);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expectApiError(refused, 429, { code: 'too_many_requests' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await t.client().login(OWNER.email, OWNER.password)).status).toBe(429);
  });

  it(`checks at most ${MAX_FAILURES_PER_ACCOUNT} passwords of a burst spread over two instances on one database`, async () => {
    const t = await ownerApp();
    const second = secondInstance(t);
    try {
      const instances = [t.app, second.app];
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          new TestClient(instances[i % 2]!).login(OWNER.email, 'wrong password here'),
        ),
      );
      expect(statusCounts(answers)).toEqual(EXPECTED_BURST_ANSWERS);
      for (const app of instances) {
        expect((await new TestClient(app).login(OWNER.email, OWNER.password)).status).toBe(429);
      }
    } finally {
      await second.close();
    }
  });
});

describe('POST /api/me/password under a burst of guesses', () => {
  it(`checks at most ${MAX_FAILURES_PER_ACCOUNT} current passwords of ${BURST} concurrent wrong ones`, async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const answers = await Promise.all(
      Array.from({ length: BURST }, () =>
        owner.post('/api/me/password', {
          currentPassword: 'a wrong guess at it',
          newPassword: 'a brand new long password',
        }),
      ),
    );
    expect(statusCounts(answers)).toEqual({
      400: MAX_FAILURES_PER_ACCOUNT,
      429: BURST - MAX_FAILURES_PER_ACCOUNT,
    });
    const right = await owner.post('/api/me/password', {
      currentPassword: OWNER.password,
      newPassword: 'a brand new long password',
    });
    expect(right.status).toBe(429);
  });
});
