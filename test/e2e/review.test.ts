import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  OWNER,
  screenshot,
  thisMonthAt,
  setUpDeal,
  until,
  useBrowserApp,
} from './browser';

const ZONE = 'Europe/Berlin';
const CAPTION = 'Morning routine with the new Glow serum. #ad #GlowPartner';
const BRIEF = 'Show the bottle in the first 3 seconds; mention the spring launch.';
const COMMENT = 'Please show the bottle label more clearly at the start.';
const SCREENSHOT = screenshot('review.png');

// Review links are built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });
let brand: Page;
let brandProblems: string[];

beforeAll(async () => {
  // The brand: a separate profile (no cookies), someone who has never seen the app.
  ({ page: brand, problems: brandProblems } = await openSignedOutPage(app.session.browser, {
    viewport: { width: 1280, height: 900 },
    timezoneId: 'America/New_York',
  }));
});

/** The 15th of this month at 10:00 Berlin time: always inside the month grid on show. */
const midMonthAt10 = () => thisMonthAt(ZONE, 15, 10);

async function openDeliverable(page: Page, id: string) {
  const event = page.locator(`[data-kind="publish"][data-deliverable-id="${id}"]`);
  await until(() => event.count()).toBe(1);
  await event.click();
  const dialog = page.getByRole('dialog', { name: 'Edit deliverable' });
  await until(() => dialog.count()).toBe(1);
  return dialog;
}

describe('a brand reviews a draft without an account, in Chromium', () => {
  let deliverableId: string;
  let link: string;

  it('the team makes a review link from a deliverable in review, in its dialog', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: ZONE, workspaceName: 'Ava Studio' },
      deal: { title: 'Spring serum launch', feeCents: 450_000 },
    });
    // A draft not yet in review: the dialog explains why there is no link to make.
    const planned = await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: 'Story teaser',
      platform: 'instagram',
      format: 'story',
      publishAt: midMonthAt10(),
    });
    const deliverable = await call(page, 'POST', '/api/deliverables', {
      dealId: deal.id,
      title: 'Morning routine reel',
      platform: 'instagram',
      format: 'reel',
      status: 'in_review',
      publishAt: midMonthAt10(),
      caption: CAPTION,
      brief: BRIEF,
      draftLinks: [{ label: 'Draft cut (video)', url: 'https://drive.example.com/draft-cut' }],
    });
    deliverableId = deliverable.id;

    await page.reload();
    let dialog = await openDeliverable(page, planned.id);
    let section = dialog.getByTestId('review-links');
    await until(() => section.textContent()).toContain('No review links yet.');
    expect(await section.getByRole('button', { name: 'Create review link' }).isDisabled()).toBe(
      true,
    );
    expect(await section.textContent()).toContain('Save the deliverable as “In review”');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await until(() => dialog.count()).toBe(0);

    dialog = await openDeliverable(page, deliverableId);
    section = dialog.getByTestId('review-links');
    await until(() => section.getByRole('button', { name: 'Create review link' }).count()).toBe(1);
    await section.getByLabel('Works for').selectOption({ label: '14 days' });
    await section.getByRole('button', { name: 'Create review link' }).click();
    const box = section.getByLabel('Review link', { exact: true });
    await until(() => box.count()).toBe(1);
    link = await box.inputValue();
    expect(link).toMatch(new RegExp(`^${app.server.url}/review/[^/]+$`));
    const row = section.getByTestId('review-link');
    await until(() => row.textContent()).toContain('Waiting for the brand');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(1);
    expect(app.session.problems).toEqual([]);
    await expectAccessible(page, 'the deliverable dialog with a review link');
  });

  it('the brand opens it signed out, sees the draft, and asks for changes', async () => {
    await brand.goto(link);
    await until(() => brand.getByRole('heading', { name: 'Morning routine reel' }).count()).toBe(1);
    await until(() =>
      brand.getByText('Ava Studio asks Glow Skincare to review a draft').count(),
    ).toBe(1);
    expect(await brand.getByTestId('review-caption').textContent()).toBe(CAPTION);
    expect(await brand.getByText(BRIEF).count()).toBe(1);
    expect(await brand.getByText('Instagram · Reel').count()).toBe(1);
    const draft = brand.getByRole('link', { name: 'Draft cut (video)' });
    expect(await draft.getAttribute('href')).toBe('https://drive.example.com/draft-cut');
    expect(await draft.getAttribute('target')).toBe('_blank');
    expect(await draft.getAttribute('rel')).toBe('noopener noreferrer');
    // Nothing of the rest of the workspace: no navigation, no fee, no other deliverable.
    const text = (await brand.locator('body').textContent()) ?? '';
    for (const hidden of [
      'Story teaser',
      'Spring serum launch',
      '4,500',
      OWNER.email,
      'Calendar',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(await brand.getByRole('navigation').count()).toBe(0);
    await expectAccessible(brand, 'the public review page');

    if (SCREENSHOT) await brand.screenshot({ path: SCREENSHOT, fullPage: true });

    // Changes need a comment: the page says so before sending anything.
    await brand.getByRole('button', { name: 'Request changes' }).click();
    await until(() => brand.getByText('Say what should change').count()).toBe(1);
    await expectAccessible(brand, 'the public review page, a comment missing');

    await brand.getByLabel('Comment').fill(COMMENT);
    await brand.getByLabel('Your name').fill('Mia from Glow');
    const sent = brand.waitForResponse((r) => r.url().endsWith('/decision'));
    await brand.getByRole('button', { name: 'Request changes' }).click();
    expect((await sent).status()).toBe(200);
    await until(() => brand.getByRole('heading', { name: 'Thank you!' }).count()).toBe(1);
    expect(
      await brand.getByText('Ava Studio has been told what you would like changed').count(),
    ).toBe(1);
    await expectAccessible(brand, 'the public review page, thanked');
    expect(brandProblems).toEqual([]);

    // The link worked once.
    await brand.reload();
    await until(() =>
      brand.getByRole('heading', { name: 'This review link is no longer active' }).count(),
    ).toBe(1);
    await expectAccessible(brand, 'the public review page, used');
    expect(brandProblems.every((p) => p.includes('404'))).toBe(true);
  });

  it('the team sees "changes requested" and the brand’s comment in the review history', async () => {
    const page = app.session.page;
    await page.reload();
    const dialog = await openDeliverable(page, deliverableId);
    await until(() => dialog.getByLabel('Status').inputValue()).toBe('changes_requested');
    const row = dialog.getByTestId('review-link');
    await until(() => row.textContent()).toContain('Changes requested');
    expect(await row.textContent()).toContain(COMMENT);
    expect(await row.textContent()).toContain('by Mia from Glow');
    await expectAccessible(page, 'the deliverable dialog with the review history');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    // No longer in review: no new link until the next draft is.
    expect(await dialog.getByRole('button', { name: 'Create review link' }).isDisabled()).toBe(
      true,
    );
    // The team is alerted.
    const alerts = await call(page, 'GET', '/api/alerts');
    expect(alerts.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'review_changes_requested', subjectId: deliverableId }),
      ]),
    );
    expect(app.session.problems).toEqual([]);
  });
});
