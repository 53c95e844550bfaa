import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../server/requests/submit';
import { call, expectAccessible, OWNER, screenshot, until, useBrowserApp } from './browser';

const ZONE = 'UTC';

const app = useBrowserApp(
  { timezoneId: ZONE, viewport: { width: 1280, height: 900 } },
  { appUrl: true },
);

/**
 * The server takes a form only once a person could have filled it in: the
 * page says when it was handed out, so this waits out the rest of that minimum
 * (a fixed floor the server checks, not a guess at how slow the machine is).
 */
async function waitOutFillTime(page: Page) {
  const loadedAt = await page.evaluate(() => performance.timeOrigin);
  const left = loadedAt + MIN_FILL_MS + 250 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

describe('brand requests in Chromium', () => {
  it('a brand sends the form from the kit on a phone; the team accepts it into a deal with deliverables', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: ZONE });
    const known = await call(page, 'POST', '/api/brands', { name: 'Nordic Brew' });
    await call(page, 'POST', '/api/deals', {
      brandId: known.id,
      title: 'Secret winter campaign',
      feeCents: 777_700,
    });
    await call(page, 'PATCH', '/api/kit', {
      version: 1,
      slug: 'ava',
      displayName: 'Ava Creator',
      headline: 'Coffee, craft and cosy mornings',
      rateCard: [
        { platform: 'instagram', format: 'reel', priceCents: 250_000, currency: 'USD' },
        { platform: 'tiktok', format: 'video', priceCents: 120_000, currency: 'USD' },
      ],
      published: true,
    });

    // The owner turns the form on in the kit editor, with the message required.
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Media kit' })
      .click();
    const formSwitch = page.getByRole('switch', { name: 'Request form on' });
    await until(() => formSwitch.count()).toBe(1);
    await formSwitch.check();
    const message = page.getByRole('checkbox', { name: 'Message' });
    if (!(await message.isChecked())) await message.check();
    await page.getByRole('button', { name: 'Save media kit' }).click();
    const openForm = page.getByRole('link', { name: 'Open the request form' });
    await until(() => openForm.count()).toBe(1);
    expect(await openForm.getAttribute('href')).toBe('/kit/ava/request');
    await expectAccessible(page, 'the kit editor with the request form on');

    // A brand on a phone, signed out, finds "Send a request" on the kit.
    const phone = await app.session.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      isMobile: true,
      hasTouch: true,
    });
    const problems: string[] = [];
    try {
      const brand = await phone.newPage();
      // A CSP violation (an inline script) would be a console error.
      brand.on('console', (m) => {
        if (m.type() === 'error' && !m.text().includes('400')) problems.push(m.text());
      });
      await brand.goto(`${app.server.url}/kit/ava`);
      await brand.getByRole('link', { name: 'Send a request' }).click();
      await until(() => brand.getByRole('heading', { name: 'Ava Creator', level: 1 }).count()).toBe(
        1,
      );
      expect(new URL(brand.url()).pathname).toBe('/kit/ava/request');
      await expectAccessible(brand, 'the request form on a phone');
      const formShot = screenshot('request-form.png');
      if (formShot) await brand.screenshot({ path: formShot, fullPage: true });
      // Nothing wider than the phone.
      expect(await brand.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );

      // Sent empty: the server answers with each message beside its field.
      await brand.getByRole('button', { name: 'Send request' }).click();
      await until(() => brand.getByText('Please check the fields marked below.').count()).toBe(1);
      expect(await brand.getByLabel('Company').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(brand, 'the request form with errors');

      await brand.getByLabel('Company').fill('Glow Skincare');
      await brand.getByLabel('Your name').fill('Gina Glow');
      await brand.getByLabel('Work e-mail').fill('gina@glow.example');
      await brand.getByLabel(/Instagram reel/).fill('2');
      await brand.getByLabel('Budget').fill('5000');
      await brand.getByLabel('From').fill('2026-04-01');
      await brand.getByLabel(/^To\b/).fill('2026-04-11');
      await brand.getByLabel('Usage rights you need').fill('Paid social, 30 days');
      await brand.getByLabel('Message').fill('We love your morning routines.');
      await waitOutFillTime(brand);
      const sent = brand.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/kit/ava/request'),
      );
      await brand.getByRole('button', { name: 'Send request' }).click();
      // Taken (303 to the thank-you page), not handed back or limited.
      expect((await sent).status()).toBe(303);
      await until(() => brand.getByRole('heading', { name: 'Thank you' }).count()).toBe(1);
      expect(new URL(brand.url()).pathname).toBe('/kit/ava/request/thanks');
      const shown = await brand.locator('body').innerText();
      for (const secret of ['Secret winter campaign', '7,777', 'Nordic Brew', OWNER.email])
        expect(shown).not.toContain(secret);
      expect(problems).toEqual([]);
    } finally {
      await phone.close();
    }

    // The team: it is in the inbox, with the count in the nav.
    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await until(() => nav.getByRole('link', { name: /Requests\s*1 new/ }).count()).toBe(1);
    await nav.getByRole('link', { name: /Requests/ }).click();
    await until(() => page.getByRole('heading', { name: 'Requests', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /Glow Skincare/ }).click();
    await until(() => page.getByRole('heading', { name: 'Glow Skincare' }).count()).toBe(1);
    expect(await page.getByText('2 × Instagram reel').count()).toBe(1);
    expect(await page.getByText('We love your morning routines.').count()).toBe(1);
    await expectAccessible(page, 'the requests inbox');
    const inboxShot = screenshot('requests-inbox.png');
    if (inboxShot) await page.screenshot({ path: inboxShot });

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept request' });
    await until(() => dialog.count()).toBe(1);
    await expectAccessible(page, 'the accept dialog');
    await dialog.getByRole('button', { name: 'Accept and open the deal' }).click();

    // The deal, in negotiation, with the requested items planned across the dates.
    await until(() =>
      page.getByRole('heading', { name: 'Glow Skincare — inbound request' }).count(),
    ).toBe(1);
    expect(new URL(page.url()).pathname).toMatch(/^\/deals\//);
    await until(() => page.getByText('Instagram reel 1/2').count()).toBeGreaterThan(0);
    expect(await page.getByText('Instagram reel 2/2').count()).toBeGreaterThan(0);
    // The link back to the request comes with a read of its own, which may land after the items.
    await until(() => page.getByRole('link', { name: 'From request' }).count()).toBe(1);
    const dealId = new URL(page.url()).pathname.split('/')[2]!;
    const deliverables = await call(page, 'GET', `/api/deliverables?dealId=${dealId}`);
    expect(deliverables.items.map((d) => [d.publishAt, d.status]).sort()).toEqual([
      ['2026-04-01T17:00:00.000Z', 'planned'],
      ['2026-04-11T17:00:00.000Z', 'planned'],
    ]);
    expect(app.session.problems).toEqual([]);
  });
});
