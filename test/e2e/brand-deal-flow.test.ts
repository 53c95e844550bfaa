import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../server/requests/submit';
import { call, expectAccessible, openSignedOutPhone, OWNER, until, useBrowserApp } from './browser';

/**
 * The whole way in, signed in and signed out: a brand finds the kit, sends a
 * request; the team accepts it into a deal and sends a proposal from it; the
 * brand accepts on a phone; the deal is contracted and its posts are on the
 * calendar, once each. A real SMTP server receives the confirmation, the
 * team's alert and the proposal.
 */

const ZONE = 'UTC';
const BRAND_EMAIL = 'gina@glow.example';

const app = useBrowserApp(
  { timezoneId: ZONE },
  {
    appUrl: true,
    smtp: true,
    // Alerts go out every two seconds, so the team's e-mail need not wait a minute.
    env: { SMTP_FROM: 'ava@example.com', ALERT_CRON: '*/2 * * * * *' },
  },
);
let brand: Page;
let brandProblems: string[];

beforeAll(async () => {
  ({ page: brand, problems: brandProblems } = await openSignedOutPhone(app.session.browser, {
    timezoneId: ZONE,
  }));
});

const today = () => Temporal.Now.plainDateISO(ZONE);
/** Two days of this month: the calendar opens on them. */
const firstDay = () => today().with({ day: 10 }).toString();
const lastDay = () => today().with({ day: 20 }).toString();

/** The mail the SMTP server got for one address whose subject matches. */
const mailTo = (address: string, subject: RegExp) =>
  app.smtp.messages.filter(
    (m) => m.envelopeTo.includes(address) && subject.test(m.mail.subject ?? ''),
  );

describe('from the kit to a contracted deal on the calendar, in Chromium', () => {
  let dealId: string;
  let proposalLink: string;

  it('a brand sends the request form from the kit and gets a confirmation', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: ZONE });
    await call(page, 'PATCH', '/api/kit', {
      version: 1,
      slug: 'ava',
      displayName: 'Ava Creator',
      headline: 'Coffee, craft and cosy mornings',
      rateCard: [{ platform: 'instagram', format: 'reel', priceCents: 250_000, currency: 'USD' }],
      published: true,
      requestForm: { enabled: true, requiredFields: [], declineTemplate: 'Hi {{name}}' },
    });

    await brand.goto(`${app.server.url}/kit/ava`);
    await brand.getByRole('link', { name: 'Send a request' }).click();
    await until(() => brand.getByLabel('Company').count()).toBe(1);
    const loadedAt = Date.now();
    await brand.getByLabel('Company').fill('Glow Skincare');
    await brand.getByLabel('Your name').fill('Gina Glow');
    await brand.getByLabel('Work e-mail').fill(BRAND_EMAIL);
    await brand.getByLabel(/Instagram reel/).fill('2');
    await brand.getByLabel('From').fill(firstDay());
    await brand.getByLabel(/^To\b/).fill(lastDay());
    await brand.getByLabel('Message').fill('Two reels for our spring serum?');
    // The server takes a form only once a person could have filled it in.
    const left = loadedAt + MIN_FILL_MS + 250 - Date.now();
    if (left > 0) await brand.waitForTimeout(left);
    const sent = brand.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/kit/ava/request'),
    );
    await brand.getByRole('button', { name: 'Send request' }).click();
    // Taken (303 to the thank-you page), not handed back or limited.
    expect((await sent).status()).toBe(303);
    await until(() => brand.getByRole('heading', { name: 'Thank you' }).count()).toBe(1);

    await until(async () => mailTo(BRAND_EMAIL, /has arrived/).length).toBe(1);
  });

  it('it is in the team’s inbox, alerted by e-mail; accepting makes a deal with its deliverables', async () => {
    const page = app.session.page;
    // The request_received alert reaches the owner by e-mail through the outbox.
    await until(
      async () => app.smtp.messages.filter((m) => m.envelopeTo.includes(OWNER.email)).length,
    ).toBe(1);
    const alertMail = app.smtp.messages.find((m) => m.envelopeTo.includes(OWNER.email))!;
    expect(`${alertMail.mail.subject} ${alertMail.mail.text}`).toContain('Glow Skincare');

    await page.goto(`${app.server.url}/requests`);
    await page.getByRole('button', { name: /Glow Skincare/ }).click();
    await until(() => page.getByRole('heading', { name: 'Glow Skincare' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const accept = page.getByRole('dialog', { name: 'Accept request' });
    await accept.getByRole('button', { name: 'Accept and open the deal' }).click();
    await until(() =>
      page.getByRole('heading', { name: 'Glow Skincare — inbound request' }).count(),
    ).toBe(1);
    dealId = new URL(page.url()).pathname.split('/')[2]!;
    const deal = await call(page, 'GET', `/api/deals/${dealId}`);
    expect(deal.status).toBe('negotiating');
    const planned = await call(page, 'GET', `/api/deliverables?dealId=${dealId}`);
    expect(planned.items.map((d) => d.title).sort()).toEqual([
      'Instagram reel 1/2',
      'Instagram reel 2/2',
    ]);
  });

  it('the proposal starts from the deal’s deliverables and goes to the brand by e-mail', async () => {
    const page = app.session.page;
    const section = page.getByRole('region', { name: 'Proposals' });
    await section.getByRole('button', { name: 'Send proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send proposal' });
    await until(() => dialog.count()).toBe(1);
    // One line per planned post, under its title, priced from the rate card, on its day.
    expect(await dialog.getByLabel('Item 1 Description').inputValue()).toBe('Instagram reel 1/2');
    expect(await dialog.getByLabel('Item 2 Description').inputValue()).toBe('Instagram reel 2/2');
    expect(await dialog.getByLabel('Item 1 Goes live').inputValue()).toBe(firstDay());
    expect(await dialog.getByLabel('Item 2 Goes live').inputValue()).toBe(lastDay());
    await until(() => dialog.getByTestId('proposal-total').textContent()).toContain('$5,000.00');
    await dialog.getByRole('button', { name: 'Send proposal' }).click();
    const box = page.getByLabel('Proposal link', { exact: true });
    await until(() => box.count()).toBe(1);
    proposalLink = await box.inputValue();
    await page.getByRole('button', { name: 'Done' }).click();

    await section.getByRole('button', { name: 'E-mail to brand' }).click();
    await until(async () => mailTo(BRAND_EMAIL, /^Proposal:/).length).toBe(1);
    const proposalMail = mailTo(BRAND_EMAIL, /^Proposal:/)[0]!.mail;
    expect(proposalMail.text).toContain(proposalLink);
    expect(proposalMail.attachments.map((a) => a.contentType)).toContain('application/pdf');
  });

  it('the brand opens it signed out on a phone and accepts', async () => {
    await brand.goto(proposalLink);
    await until(() => brand.getByRole('button', { name: 'Accept proposal' }).count()).toBe(1);
    await expectAccessible(brand, 'the proposal from a request, on a phone');
    await brand.getByLabel('Your name').fill('Gina Glow');
    await brand.getByLabel('I agree to these terms').check();
    await brand.getByRole('button', { name: 'Accept proposal' }).click();
    await until(() => brand.getByTestId('proposal-state').textContent()).toContain(
      'Accepted by Gina Glow',
    );
    expect(brandProblems).toEqual([]);
  });

  it('the deal is contracted and its two posts are on the calendar, not doubled', async () => {
    const page = app.session.page;
    const deal = await call(page, 'GET', `/api/deals/${dealId}`);
    expect(deal).toMatchObject({
      status: 'contracted',
      feeCents: 500_000,
      currency: 'USD',
      contractSignedOn: today().toString(),
    });
    const deliverables = await call(page, 'GET', `/api/deliverables?dealId=${dealId}`);
    expect(deliverables.items.map((d) => [d.title, d.publishAt]).sort()).toEqual([
      ['Instagram reel 1/2', `${firstDay()}T10:00:00.000Z`],
      ['Instagram reel 2/2', `${lastDay()}T10:00:00.000Z`],
    ]);
    await page.goto(app.server.url);
    for (const { id } of deliverables.items) {
      await until(() =>
        page.locator(`[data-kind="publish"][data-deliverable-id="${id}"]`).count(),
      ).toBe(1);
    }
    expect(app.session.problems).toEqual([]);
  });
});
