import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, OWNER, send, until, useBrowserApp } from './browser';

const NEW_PASSWORD = 'a brand new passphrase for ava';

const app = useBrowserApp({ timezoneId: 'America/Los_Angeles' });
let laptop: BrowserContext;

beforeAll(async () => {
  laptop = await app.session.browser.newContext({ locale: 'en-US' });
});

describe('the profile page in Chromium', () => {
  it('changes the password: other sessions end, and the old password no longer signs in', async () => {
    const page = await app.open();
    expect(
      (await send(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: 'America/Los_Angeles' }))
        .status,
    ).toBe(201);
    // The same owner is also signed in on a "laptop".
    const other = await laptop.newPage();
    await other.goto(app.server.url);
    expect(
      (
        await send(other, 'POST', '/api/auth/login', {
          email: OWNER.email,
          password: OWNER.password,
        })
      ).status,
    ).toBe(200);

    // The profile is in the user menu.
    await page.reload();
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    await until(() => page.getByRole('heading', { name: 'Your profile' }).count()).toBe(1);
    const sessions = page.getByTestId('session-row');
    await until(() => sessions.count()).toBe(2);
    expect(await sessions.filter({ hasText: 'This browser' }).count()).toBe(1);
    await expectAccessible(page, 'the profile page');

    // A wrong current password is refused on its field.
    const form = page.getByRole('region', { name: 'Password' });
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await until(() => form.locator('.field--invalid').count()).toBe(1);
    expect(await form.locator('.field--invalid').textContent()).toContain('Current password');
    await expectAccessible(page, 'the profile page with a refused password');

    // Two different new passwords never reach the server.
    await page.getByLabel('Current password').fill(OWNER.password);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await until(() => page.getByText('The two new passwords differ').count()).toBe(1);

    const changed = page.waitForResponse((r) => r.url().endsWith('/api/me/password'));
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    expect((await changed).status()).toBe(204);
    await until(() =>
      page.getByRole('status').filter({ hasText: 'Every other session was signed out' }).count(),
    ).toBe(1);
    await until(() => sessions.count()).toBe(1);

    // The laptop's session is gone; this browser's still works.
    expect((await send(other, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await send(page, 'GET', '/api/auth/me')).body.email).toBe(OWNER.email);

    // Signed out, the old password is refused and the new one works.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await until(() => page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await refused).status()).toBe(401);
    await until(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Calendar' }).count()).toBe(0);
    await expectAccessible(page, 'the sign-in page with a refused sign-in');

    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await until(() => page.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);

    // The failed sign-in and the wrong current password are the only refusals the browser saw.
    expect(app.session.problems.filter((p) => !/status of (400|401)/.test(p))).toEqual([]);
  });

  it('creates an API token shown once, which then reads the API, and revokes it', async () => {
    const { page } = app.session;
    await page.goto(`${app.server.url}/profile`);
    const form = page.getByRole('form', { name: 'Create a token' });
    await until(() => form.count()).toBe(1);
    await form.getByLabel('Token name').fill('Weekly report');
    await form.getByLabel('Access').selectOption('read');
    await form.getByLabel('Expires after').selectOption({ label: '30 days' });
    await form.getByRole('button', { name: 'Create token' }).click();

    const box = page.getByLabel('API token', { exact: true });
    await until(() => box.count()).toBe(1);
    const token = await box.inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect(await page.locator('.code-block').textContent()).toBe(
      `curl -H "Authorization: Bearer ${token}" ${app.server.url}/api/deliverables`,
    );
    const row = page.getByTestId('token-row').filter({ hasText: 'Weekly report' });
    await until(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Read only');
    await expectAccessible(page, 'the profile page with a new token');

    // It works from outside the browser, read-only.
    const read = await fetch(`${app.server.url}/api/deliverables`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    const write = await fetch(`${app.server.url}/api/brands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nope' }),
    });
    expect(write.status).toBe(403);

    // Once dismissed, the secret is gone from the page.
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('API token', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await row.getByRole('button', { name: /Revoke/ }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this token?' })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await until(() => row.count()).toBe(0);
    const after = await fetch(`${app.server.url}/api/deliverables`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });
});
