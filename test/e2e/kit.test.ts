import { describe, expect, it } from 'vitest';
import { expectAccessible, OWNER, setUpDeal, until, useBrowserApp } from './browser';

const ZONE = 'Europe/Berlin';

// The kit's shareable URL is built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });

describe('the media kit in Chromium', () => {
  it('is filled in by the owner, published, and seen signed out, on screen and in print', async () => {
    const page = await app.open();
    await setUpDeal(page, {
      owner: { timeZone: ZONE },
      brand: { name: 'Nordic Brew' },
      deal: { title: 'Secret winter campaign', feeCents: 777_700 },
      deliverables: [
        {
          title: 'Cold brew short',
          platform: 'youtube',
          format: 'short',
          status: 'published',
          publishAt: '2026-02-12T17:00:00Z',
          liveUrl: 'https://youtube.example/shorts/1',
          caption: 'Private caption text',
          // (600 + 40 + 20 + 140) / 20,000 = 4 %.
          metrics: { views: 20_000, likes: 600, comments: 40, shares: 20, saves: 140, clicks: 75 },
        },
      ],
    });

    await page.reload();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Media kit' })
      .click();
    await until(() => page.getByRole('heading', { name: 'Media kit', exact: true }).count()).toBe(
      1,
    );

    // Profile.
    await page.getByLabel('Display name').fill('Ava Creator');
    await page.getByLabel('Headline').fill('Coffee, craft and cosy mornings');
    await page.getByLabel('Bio').fill('I make slow-living videos about coffee.');
    await page.getByLabel('Contact e-mail').fill('hello@ava.example');

    // Audience: one platform.
    await page.getByRole('button', { name: 'Add platform' }).click();
    await page.getByLabel('Platform 1 Platform').selectOption('youtube');
    await page.getByLabel('Platform 1 Handle').fill('@avabrews');
    await page.getByLabel('Platform 1 Followers').fill('84,000');
    await page.getByLabel('Platform 1 Avg. views').fill('21000');

    // Rate card: two rates, one of them removed again.
    await page.getByRole('button', { name: 'Add rate' }).click();
    await page.getByLabel('Rate 1 Platform').selectOption('youtube');
    await page.getByLabel('Rate 1 Format').selectOption('integration');
    await page.getByLabel('Rate 1 Price').fill('1,800');
    await page.getByLabel('Rate 1 Currency').selectOption('EUR');
    await page.getByLabel('Rate 1 Note').fill('60–90 seconds, 30 days of usage');
    await page.getByRole('button', { name: 'Add rate' }).click();
    await page.getByLabel('Rate 2 Price').fill('not a price');
    await page.getByRole('button', { name: 'Remove rate 2' }).click();
    expect(await page.getByLabel('Rate 2 Price').count()).toBe(0);

    // The case study, from the published deliverable with numbers.
    const study = page.getByRole('checkbox', { name: /Cold brew short/ });
    await until(() => study.count()).toBe(1);
    await study.check();

    // Publishing without an address is refused beside the field.
    await page.getByRole('switch', { name: 'Public page on' }).check();
    await page.getByRole('button', { name: 'Save media kit' }).click();
    const slug = page.getByLabel('Address');
    await until(() => slug.getAttribute('aria-invalid')).toBe('true');
    await until(() =>
      page.getByText('Choose the address of the public page before publishing').count(),
    ).toBe(1);
    await expectAccessible(page, 'the kit editor with a refused save');

    await slug.fill('ava-brews');
    await page.getByRole('button', { name: 'Save media kit' }).click();
    const open = page.getByRole('link', { name: 'Open public page' });
    await until(() => open.count()).toBe(1);
    expect(await open.getAttribute('href')).toBe('/kit/ava-brews');
    expect(await page.getByText(`${app.server.url}/kit/ava-brews`, { exact: true }).count()).toBe(
      1,
    );
    // The saved form reads back what was typed.
    expect(await page.getByLabel('Platform 1 Followers').inputValue()).toBe('84000');
    expect(await page.getByLabel('Rate 1 Price').inputValue()).toBe('1800.00');
    expect(await page.getByRole('checkbox', { name: /Cold brew short/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'the kit editor, published');
    // The only console errors are the refused save's 400.
    expect(app.session.problems.filter((p) => !p.includes('400'))).toEqual([]);

    // A new, signed-out browser profile.
    const visitor = await app.session.browser.newContext({
      viewport: { width: 1100, height: 900 },
      locale: 'en-US',
    });
    const visitorProblems: string[] = [];
    try {
      const kit = await visitor.newPage();
      // A CSP violation (an inline script or style the policy forbids) would be a console error.
      kit.on('console', (message) => {
        if (message.type() === 'error') visitorProblems.push(message.text());
      });
      const res = await kit.goto(`${app.server.url}/kit/ava-brews`);
      expect(res?.status()).toBe(200);
      await until(() => kit.getByRole('heading', { name: 'Ava Creator', level: 1 }).count()).toBe(
        1,
      );
      const rates = kit.getByRole('region', { name: 'Rates' });
      expect(await rates.getByRole('heading', { name: 'YouTube' }).count()).toBe(1);
      expect(await rates.getByText('€1,800').isVisible()).toBe(true);
      expect(await rates.getByText('60–90 seconds, 30 days of usage').isVisible()).toBe(true);
      const studies = kit.getByRole('region', { name: 'Case studies' });
      expect(await studies.getByText('Nordic Brew').isVisible()).toBe(true);
      expect(await studies.getByText('Cold brew short').isVisible()).toBe(true);
      expect(await studies.getByText('4.0%').isVisible()).toBe(true);
      expect(await studies.getByText('20,000').isVisible()).toBe(true);
      expect(await kit.getByText('84,000').isVisible()).toBe(true);
      expect(await kit.getByRole('link', { name: 'hello@ava.example' }).getAttribute('href')).toBe(
        'mailto:hello@ava.example',
      );
      const text = await kit.locator('body').innerText();
      for (const secret of [
        'Secret winter campaign',
        '7,777',
        'Private caption text',
        OWNER.email,
      ]) {
        expect(text).not.toContain(secret);
      }
      const hint = kit.getByText('Use your browser’s Print to save this media kit as a PDF.');
      expect(await hint.isVisible()).toBe(true);
      await expectAccessible(kit, 'the public kit page');

      // Printed: the content stays, the hint goes.
      await kit.emulateMedia({ media: 'print' });
      expect(await hint.isVisible()).toBe(false);
      expect(await rates.getByText('€1,800').isVisible()).toBe(true);
      expect(await studies.getByText('4.0%').isVisible()).toBe(true);
      expect(await kit.getByRole('heading', { name: 'Ava Creator', level: 1 }).isVisible()).toBe(
        true,
      );
      const background = await kit
        .locator('.hero')
        .evaluate((el) => getComputedStyle(el).backgroundImage);
      expect(background).toBe('none');
      const pdf = await kit.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(visitorProblems).toEqual([]);
    } finally {
      await visitor.close();
    }

    // Turned off, the address answers the "not found" page.
    await page.getByRole('switch', { name: 'Public page on' }).uncheck();
    await page.getByRole('button', { name: 'Save media kit' }).click();
    await until(() => page.getByRole('link', { name: 'Open public page' }).count()).toBe(0);
    const gone = await app.session.browser.newContext();
    try {
      const kit = await gone.newPage();
      const res = await kit.goto(`${app.server.url}/kit/ava-brews`);
      expect(res?.status()).toBe(404);
      expect(await kit.getByRole('heading', { name: 'No media kit here' }).count()).toBe(1);
      await expectAccessible(kit, 'the kit "not found" page');
    } finally {
      await gone.close();
    }
  });
});
