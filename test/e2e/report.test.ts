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

// Report links are built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });
let brand: Page;
let brandProblems: string[];

beforeAll(async () => {
  // The brand: a profile of its own (no cookies) on a phone, someone who has never seen the app.
  ({ page: brand, problems: brandProblems } = await openSignedOutPhone(app.session.browser));
});

const today = () => Temporal.Now.plainDateISO(ZONE);
const daysAgo = (n: number) => today().subtract({ days: n });
const instantDaysAgo = (n: number) =>
  new Date(
    daysAgo(n).toPlainDateTime({ hour: 18 }).toZonedDateTime(ZONE).epochMilliseconds,
  ).toISOString();

describe('a brand reads its campaign report signed out and leaves a testimonial for the kit', () => {
  let dealId: string;
  let reportUrl: string;

  it('two posts go live with metrics, measured again a week later', async () => {
    const page = await app.open();
    const deal = await setUpGlowAndRival(page, {
      timeZone: ZONE,
      deal: {
        title: 'Spring serum launch',
        feeCents: 450_000,
        notes: 'Internal: floor is 3k',
        status: 'in_progress',
      },
    });
    dealId = deal.id;
    const posts = [
      { title: 'Serum reel', platform: 'instagram', format: 'reel', first: 12_000, week: 30_000 },
      { title: 'Serum TikTok', platform: 'tiktok', format: 'video', first: 50_000, week: 90_000 },
    ] as const;
    for (const post of posts) {
      const d = await call(page, 'POST', '/api/deliverables', {
        dealId,
        title: post.title,
        platform: post.platform,
        format: post.format,
        status: 'published',
        publishAt: instantDaysAgo(9),
        liveUrl: `https://${post.platform}.example/p/${post.format}`,
        disclosureDone: true,
      });
      await call(page, 'POST', `/api/deliverables/${d.id}/metrics`, {
        measuredOn: daysAgo(8).toString(),
        views: post.first,
        likes: post.first / 20,
        comments: 40,
      });
      // A week later: the latest is the deliverable's metrics, the first stays for growth.
      await call(page, 'POST', `/api/deliverables/${d.id}/metrics`, {
        measuredOn: daysAgo(1).toString(),
        views: post.week,
        likes: post.week / 20,
        comments: 90,
      });
      const after = await call(page, 'GET', `/api/deliverables/${d.id}`);
      expect(after.metrics.views).toBe(post.week);
    }
    expect(app.session.problems).toEqual([]);
  });

  it('the team shares the report from the deal page', async () => {
    const page = app.session.page;
    await page.goto(`${app.server.url}/deals/${dealId}`);
    const section = page.getByRole('region', { name: 'Campaign report' });
    await until(() => section.getByText('No report shared yet.').count()).toBe(1);
    await section.getByRole('button', { name: 'Share report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share campaign report' });
    await until(() => dialog.count()).toBe(1);
    await dialog
      .getByLabel('Your summary')
      .fill('Both posts beat my average reach. <b>Thank you</b> for the smooth brief!');
    await expectAccessible(page, 'the share report dialog');
    await dialog.getByRole('button', { name: 'Share report' }).click();
    const box = page.getByLabel('Report link', { exact: true });
    await until(() => box.count()).toBe(1);
    reportUrl = await box.inputValue();
    expect(reportUrl).toMatch(new RegExp(`^${app.server.url}/report/[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: 'Done' }).click();
    await until(() => section.getByTestId('report-link-row').count()).toBe(1);
    expect(await section.getByTestId('report-link-row').textContent()).toContain('Shared');
    expect(app.session.problems).toEqual([]);
  });

  it('the brand opens it signed out on a phone: results, growth, nothing of money or the team', async () => {
    await brand.goto(reportUrl);
    await until(() =>
      brand.getByRole('heading', { name: 'Campaign report: Spring serum launch' }).count(),
    ).toBe(1);
    const text = (await brand.locator('body').textContent()) ?? '';
    for (const shown of [
      'Ava Studio for Glow Skincare',
      'Both posts beat my average reach. <b>Thank you</b>',
      'Serum reel',
      'Serum TikTok',
      '120,000', // total views
      '(+18,000)', // the reel's growth since the first measurement
      'https://instagram.example/p/reel',
      '2 of 2 live posts marked as paid',
    ]) {
      expect(text).toContain(shown);
    }
    for (const hidden of [
      'Rival',
      '9,876',
      '4,500.00',
      '€',
      '$',
      'Internal',
      OWNER.email,
      OWNER.name,
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(await brand.locator('b').count()).toBe(0);
    expect(await brand.getByRole('navigation').count()).toBe(0);
    expect(await brand.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await brand.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(
      /^\/api\/report-links\/[^/]+\/pdf$/,
    );
    await expectAccessible(brand, 'the public report page');
    const shot = screenshot('report.png');
    if (shot) await brand.screenshot({ path: shot, fullPage: true });
  });

  it('the brand leaves a testimonial it allows to be published', async () => {
    await brand.getByRole('button', { name: 'Send testimonial' }).click();
    await until(() => brand.locator('.field__error').count()).toBe(2);
    await expectAccessible(brand, 'the testimonial form with errors');
    await brand.getByLabel('How did the campaign go?').fill('Sold out in a week. <i>Wow</i>.');
    await brand.getByLabel('Your name').fill('Mia Chen');
    await brand.getByLabel('Your title').fill('Head of marketing');
    await brand.getByLabel('may publish this').check();
    const sent = brand.waitForResponse((r) => r.url().endsWith('/testimonial'));
    await brand.getByRole('button', { name: 'Send testimonial' }).click();
    expect((await sent).status()).toBe(201);
    await until(() => brand.getByTestId('testimonial-sent').count()).toBe(1);
    await expectAccessible(brand, 'the public report page, testimonial sent');
    expect(brandProblems).toEqual([]);
  });

  it('the owner features it, and the public media kit shows it with the brand’s name', async () => {
    const page = app.session.page;
    const kit = await call(page, 'GET', '/api/kit');
    await call(page, 'PATCH', '/api/kit', {
      version: kit.version,
      slug: 'ava',
      displayName: 'Ava',
      published: true,
    });
    await page.goto(`${app.server.url}/deals/${dealId}`);
    const section = page.getByRole('region', { name: 'Campaign report' });
    const row = section.getByTestId('testimonial-row');
    await until(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Mia Chen, Head of marketing');
    const before = (await (await page.request.get(`${app.server.url}/kit/ava`)).text()) ?? '';
    expect(before).not.toContain('Sold out in a week');
    await row.getByRole('button', { name: 'Feature on media kit' }).click();
    await until(() => row.getByRole('button', { name: 'Remove from media kit' }).count()).toBe(1);
    const shot = screenshot('report-testimonial.png');
    if (shot) await section.screenshot({ path: shot });

    const kitPage = await app.session.context.newPage();
    await kitPage.goto(`${app.server.url}/kit/ava`);
    const quote = kitPage.locator('.testimonial');
    await until(() => quote.count()).toBe(1);
    const shown = (await quote.textContent()) ?? '';
    expect(shown).toContain('Sold out in a week. <i>Wow</i>.');
    expect(shown).toContain('Mia Chen');
    expect(shown).toContain('Glow Skincare');
    expect(await quote.locator('i').count()).toBe(0);
    await kitPage.close();
    expect(app.session.problems).toEqual([]);
  });

  it('the brand’s timeline shows the report shared and the testimonial left, newest first', async () => {
    const page = app.session.page;
    await page.goto(`${app.server.url}/brands`);
    await page.getByRole('link', { name: 'Glow Skincare' }).click();
    const list = page.getByRole('list', { name: 'Timeline of Glow Skincare' });
    const summaries = () => list.locator('.timeline__summary').allTextContents();
    await until(summaries).toEqual(
      expect.arrayContaining([
        'Campaign report shared for "Spring serum launch"',
        expect.stringMatching(/^Testimonial on the report for "Spring serum launch": “Sold out/),
      ]),
    );
    const all = await summaries();
    // Newest first: the testimonial came after the report was shared.
    expect(all.findIndex((s) => s.startsWith('Testimonial'))).toBeLessThan(
      all.indexOf('Campaign report shared for "Spring serum launch"'),
    );
    const testimonial = list.getByRole('listitem').filter({ hasText: 'Testimonial on the report' });
    expect(await testimonial.textContent()).toContain('Mia Chen (brand)');
    await expectAccessible(page, 'the brand page with its report and testimonial');
    expect(app.session.problems).toEqual([]);
  });
});
