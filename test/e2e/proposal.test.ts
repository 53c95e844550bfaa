import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPhone,
  OWNER,
  screenshot,
  setUpGlowAndRival,
  until,
  useBrowserApp,
} from './browser';

const ZONE = 'Europe/Berlin';
const SCREENSHOT = screenshot('proposal.png');

// Proposal links are built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });
let brand: Page;
let brandProblems: string[];

beforeAll(async () => {
  // The brand: a profile of its own (no cookies) on a phone, someone who has never seen the app.
  ({ page: brand, problems: brandProblems } = await openSignedOutPhone(app.session.browser));
});

const today = () => Temporal.Now.plainDateISO(ZONE);
/** The 15th of this month: always inside the month grid the calendar opens on. */
const midMonth = () => today().with({ day: 15 }).toString();

describe('a brand accepts a proposal without an account, in Chromium on a phone', () => {
  let dealId: string;
  let firstLink: string;
  let revisedLink: string;

  it('the team sends a proposal, then revises it in the deal page’s dialog', async () => {
    const page = await app.open();
    // Beside it, another brand's deal, whose fee the proposal page must never show.
    const deal = await setUpGlowAndRival(page, {
      timeZone: ZONE,
      deal: { title: 'Spring serum launch', notes: 'Internal: floor is 3k', status: 'negotiating' },
    });
    dealId = deal.id;
    const first = await call(page, 'POST', `/api/deals/${dealId}/proposals`, {
      items: [
        {
          description: 'Instagram reel',
          quantity: 1,
          unitCents: 300_000,
          platform: 'instagram',
          format: 'reel',
          publishOn: midMonth(),
        },
      ],
      currency: 'EUR',
      paymentTermsDays: 30,
      paymentTrigger: 'invoice_issued',
      expiresOn: today().add({ days: 14 }).toString(),
    });
    firstLink = first.url;
    expect(firstLink).toMatch(new RegExp(`^${app.server.url}/proposal/[A-Za-z0-9_-]+$`));

    await page.goto(`${app.server.url}/deals/${dealId}`);
    const section = page.getByRole('region', { name: 'Proposals' });
    await until(() => section.getByTestId('proposal-row').count()).toBe(1);
    expect(await section.getByTestId('proposal-row').textContent()).toContain('Version 1');
    await section.getByRole('button', { name: 'Revise' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revise proposal' });
    await until(() => dialog.count()).toBe(1);
    // The revision starts from version 1's terms; a second item is added, with usage rights.
    expect(await dialog.getByLabel('Item 1 Description').inputValue()).toBe('Instagram reel');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await dialog.getByLabel('Item 2 Description').fill('TikTok video');
    await dialog.getByLabel('Item 2 Unit price (EUR)').fill('1,500');
    await dialog.getByLabel('Item 2 Platform').selectOption({ label: 'TikTok' });
    await dialog.getByLabel('Item 2 Goes live').fill(midMonth());
    await dialog.getByLabel('Usage rights until').fill(today().add({ months: 3 }).toString());
    await dialog.getByLabel('Revision rounds').fill('2');
    await until(() => dialog.getByTestId('proposal-total').textContent()).toContain('€4,500.00');
    await expectAccessible(page, 'the proposal dialog');
    await dialog.getByRole('button', { name: 'Send revision' }).click();
    const box = page.getByLabel('Proposal link', { exact: true });
    await until(() => box.count()).toBe(1);
    revisedLink = await box.inputValue();
    expect(revisedLink).not.toBe(firstLink);
    await page.getByRole('button', { name: 'Done' }).click();
    await until(() => section.getByTestId('proposal-row').count()).toBe(2);
    expect(await section.getByTestId('proposal-row').first().textContent()).toContain('Version 2');
    expect(await section.getByTestId('proposal-row').nth(1).textContent()).toContain('Replaced');
    expect(app.session.problems).toEqual([]);
  });

  it('the old link says it was replaced, and shows none of the new terms', async () => {
    await brand.goto(firstLink);
    await until(() => brand.getByTestId('proposal-state').textContent()).toContain(
      'replaced by a newer version',
    );
    expect(await brand.getByText('€4,500.00').count()).toBe(0);
    expect(await brand.getByRole('button', { name: 'Accept proposal' }).count()).toBe(0);
    await expectAccessible(brand, 'a replaced proposal');
  });

  it('the brand opens the new link signed out, sees exactly the terms, and accepts', async () => {
    await brand.goto(revisedLink);
    await until(() => brand.getByRole('heading', { name: 'Spring serum launch' }).count()).toBe(1);
    expect(await brand.getByText('Ava Studio proposes to Glow Skincare').count()).toBe(1);
    const text = (await brand.locator('body').textContent()) ?? '';
    for (const shown of ['Instagram reel', 'TikTok video', '€4,500.00', 'Net 30 days']) {
      expect(text).toContain(shown);
    }
    // Nothing of the rest of the workspace: no navigation, no other deal, notes or e-mails.
    for (const hidden of ['Rival', '9,876', 'Internal', OWNER.email, 'Calendar']) {
      expect(text).not.toContain(hidden);
    }
    expect(await brand.getByRole('navigation').count()).toBe(0);
    // The page fits the phone: nothing scrolls sideways.
    expect(await brand.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await brand.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(
      /^\/api\/proposal-links\/[^/]+\/pdf$/,
    );
    await expectAccessible(brand, 'the public proposal page');
    if (SCREENSHOT) await brand.screenshot({ path: SCREENSHOT, fullPage: true });

    // Accepting needs a name and the tick: the page says so beside each, sending nothing.
    await brand.getByRole('button', { name: 'Accept proposal' }).click();
    await until(() => brand.getByText('Tick "I agree to these terms" to accept').count()).toBe(1);
    expect(await brand.locator('.field__error').allTextContents()).toEqual([
      'Required',
      'Tick "I agree to these terms" to accept',
    ]);
    await expectAccessible(brand, 'the public proposal page, the tick missing');

    await brand.getByLabel('Your name').fill('Mia Chen');
    await brand.getByLabel('Your title').fill('Partnerships lead');
    await brand.getByLabel('I agree to these terms').check();
    const sent = brand.waitForResponse((r) => r.url().endsWith('/decision'));
    await brand.getByRole('button', { name: 'Accept proposal' }).click();
    expect((await sent).status()).toBe(200);
    await until(() => brand.getByTestId('proposal-state').textContent()).toContain(
      'Accepted by Mia Chen, Partnerships lead',
    );
    expect(await brand.getByRole('button', { name: 'Accept proposal' }).count()).toBe(0);
    await expectAccessible(brand, 'the public proposal page, accepted');
    expect(brandProblems).toEqual([]);
  });

  it('the deal is contracted and the items are on the team’s calendar', async () => {
    const page = app.session.page;
    const deal = await call(page, 'GET', `/api/deals/${dealId}`);
    expect(deal).toMatchObject({
      status: 'contracted',
      feeCents: 450_000,
      contractSignedOn: today().toString(),
    });
    const deliverables = await call(page, 'GET', `/api/deliverables?dealId=${dealId}`);
    expect(deliverables.items.map((d) => d.title).sort()).toEqual([
      'Instagram reel',
      'TikTok video',
    ]);
    await page.goto(app.server.url);
    for (const { id } of deliverables.items) {
      const event = page.locator(`[data-kind="publish"][data-deliverable-id="${id}"]`);
      await until(() => event.count()).toBe(1);
    }
    await page.goto(`${app.server.url}/deals/${dealId}`);
    const row = page.getByRole('region', { name: 'Proposals' }).getByTestId('proposal-row').first();
    await until(() => row.textContent()).toContain('Accepted by Mia Chen');
    const alerts = await call(page, 'GET', '/api/alerts');
    expect(alerts.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'proposal_accepted', subjectId: dealId }),
      ]),
    );
    expect(app.session.problems).toEqual([]);
  });
});
