import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, OWNER, thisMonthAt, until, useBrowserApp } from './browser';

const ZONE = 'Europe/London';
/** Where the README's screenshot goes when UPDATE_SCREENSHOTS=1. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(import.meta.dirname, '../../web/screenshots/proof-of-post.png')
  : undefined;

const app = useBrowserApp({ timezoneId: ZONE });

describe('exclusivity, disclosure and proof of post in Chromium', () => {
  it('flags a clash on the calendar, asks for the live URL, and computes the engagement rate', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', {
      ...OWNER,
      timeZone: ZONE,
      workspaceName: 'Ava Studio',
    });
    const monthEnd = Temporal.Now.plainDateISO(ZONE)
      .with({ day: 1 })
      .add({ months: 2 })
      .subtract({ days: 1 });
    const glow = await call(page, 'POST', '/api/brands', {
      name: 'Glow Skincare',
      category: 'skincare',
    });
    const dew = await call(page, 'POST', '/api/brands', {
      name: 'Dew Labs',
      category: 'Skincare',
    });
    await call(page, 'POST', '/api/deals', {
      brandId: glow.id,
      title: 'Glow exclusive',
      status: 'contracted',
      exclusivityCategory: 'skincare',
      exclusivityUntil: monthEnd.toString(),
    });
    const dewDeal = await call(page, 'POST', '/api/deals', {
      brandId: dew.id,
      title: 'Dew serum',
      status: 'contracted',
    });
    const clash = await call(page, 'POST', '/api/deliverables', {
      dealId: dewDeal.id,
      title: 'Dew serum reel',
      platform: 'instagram',
      format: 'reel',
      status: 'scheduled',
      publishAt: thisMonthAt(ZONE, 15, 10),
      caption: 'My night routine #ad',
    });
    expect(clash.warnings.map((w) => w.code)).toEqual(['exclusivity_conflict']);
    await page.reload();

    // The go-live carries a flag; its dialog says which brand holds the category.
    const event = page.locator(`[data-deliverable-id="${clash.id}"][data-kind="publish"]`);
    await until(() => event.getAttribute('data-warnings')).toBe('exclusivity_conflict');
    expect(await event.locator('.sc-ev__warning').count()).toBe(1);
    await expectAccessible(page, 'the calendar with a flagged go-live');
    await event.click();
    const dialog = page.getByRole('dialog', { name: 'Edit deliverable' });
    await until(() => dialog.count()).toBe(1);
    expect(await dialog.getByTestId('deliverable-warnings').textContent()).toContain(
      'Glow Skincare has exclusivity in skincare',
    );
    await expectAccessible(page, 'the deliverable dialog with its warning');

    // Published without a live URL: refused beside the field, nothing saved.
    await dialog.getByLabel('Status').selectOption('published');
    await dialog.getByRole('button', { name: 'Save deliverable' }).click();
    await until(() =>
      dialog.getByText('Add the live URL of the post to mark it published').count(),
    ).toBe(1);
    expect((await call(page, 'GET', `/api/deliverables/${clash.id}`)).status).toBe('scheduled');

    // The caption says #ad: the checklist hints at it. Tick it, give the URL and the numbers.
    expect(await dialog.textContent()).toContain('The caption already contains an ad hashtag.');
    await dialog.getByLabel('#ad hashtag').check();
    await dialog.getByLabel('Paid-partnership label').check();
    await dialog.getByLabel('Live URL').fill('https://instagram.example/p/dew-serum');
    // Marked published, the metrics are open already.
    await dialog.getByLabel('Views').fill('12,000');
    await dialog.getByLabel('Likes').fill('900');
    await dialog.getByLabel('Comments').fill('60');
    await dialog.getByLabel('Saves').fill('240');
    await until(() => dialog.getByTestId('engagement-rate').textContent()).toContain('10.00 %');
    await expectAccessible(page, 'the deliverable dialog: proof of post and metrics');
    if (SCREENSHOT) await dialog.screenshot({ path: SCREENSHOT });
    await dialog.getByRole('button', { name: 'Save deliverable' }).click();
    await until(() => dialog.count()).toBe(0);

    const saved = await call(page, 'GET', `/api/deliverables/${clash.id}`);
    expect(saved).toMatchObject({
      status: 'published',
      disclosureDone: true,
      disclosure: { paidPartnershipLabel: true, adInCaption: true, brandedContentToggle: false },
      engagementRate: 0.1,
      liveUrl: 'https://instagram.example/p/dew-serum',
    });
    expect(app.session.problems).toEqual([]);
  });
});
