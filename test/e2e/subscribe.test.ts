import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, thisMonthAt, setUpDeal, until, useBrowserApp } from './browser';

const ZONE = 'America/Chicago';

// The feed's URL is built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });

/** What a calendar app would get from the URL. */
async function fetchFeed(
  url: string,
): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** Opens the dialog from the calendar toolbar. */
async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar app' });
  await until(() => dialog.count()).toBe(1);
  return dialog;
}

describe('subscribing to the calendar feed in Chromium', () => {
  it('creates a link shown once that serves an iCalendar feed, replaces it, and turns it off', async () => {
    const page = await app.open();
    await setUpDeal(page, {
      owner: { timeZone: ZONE, workspaceName: 'Ava Studio' },
      deal: { title: 'Spring serum launch' },
      deliverables: [
        {
          title: 'Unboxing reel',
          platform: 'instagram',
          draftDueAt: thisMonthAt(ZONE, 12, 9),
          publishAt: thisMonthAt(ZONE, 15, 10),
        },
      ],
    });
    await page.reload();

    // Off at first: three switches, all on; drafts are left out of this feed.
    let dialog = await openDialog(page);
    expect(await dialog.getByTestId('feed-status').count()).toBe(0);
    const drafts = dialog.getByRole('switch', { name: 'Drafts due' });
    expect(await drafts.isChecked()).toBe(true);
    expect(await dialog.getByRole('switch', { name: 'Go-lives' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('switch', { name: 'Invoice due days' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the subscribe dialog');
    await drafts.uncheck();
    await dialog.getByRole('button', { name: 'Create link' }).click();

    // The URL, once, with how to add it in Google, Apple and Outlook.
    const box = dialog.getByLabel('Calendar feed link', { exact: true });
    await until(() => box.count()).toBe(1);
    const first = await box.inputValue();
    expect(first).toMatch(new RegExp(`^${app.server.url}/api/calendar\\.ics\\?token=.+`));
    const help = await dialog.textContent();
    expect(help).toContain('From URL');
    expect(help).toContain('New Calendar Subscription');
    expect(help).toContain('Subscribe from web');
    expect(help).toContain('Google can take several hours');
    await expectAccessible(page, 'the subscribe dialog showing the link');

    // A calendar app fetching it gets the go-live, not the draft.
    const feed = await fetchFeed(first);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    expect(feed.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(feed.text).toContain('Unboxing reel');
    expect(feed.text).toContain('Go live: Unboxing reel');
    expect(feed.text).not.toContain('Draft due: Unboxing reel');

    // Once dismissed, the link is gone from the page; the dialog says the feed is on.
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(await dialog.getByLabel('Calendar feed link', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(first);
    await until(() => dialog.getByTestId('feed-status').count()).toBe(1);
    expect(await dialog.getByRole('switch', { name: 'Drafts due' }).isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await until(() => dialog.count()).toBe(0);

    // Opened again, it knows a calendar has fetched it.
    dialog = await openDialog(page);
    await until(() => dialog.getByTestId('feed-status').textContent()).toContain(
      'last fetched by a calendar',
    );
    await expectAccessible(page, 'the subscribe dialog, feed on');

    // A new link: the old URL stops working, the new one serves the feed.
    await dialog.getByRole('button', { name: 'New link (the old one stops working)' }).click();
    await until(() => box.count()).toBe(1);
    const second = await box.inputValue();
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    const again = await fetchFeed(second);
    expect(again.status).toBe(200);
    expect(again.text).toContain('Unboxing reel');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Turned off, the URL answers 404 and the dialog offers a new link again.
    await dialog.getByRole('button', { name: 'Turn off', exact: true }).click();
    await until(() => dialog.getByRole('button', { name: 'Turn off feed' }).count()).toBe(1);
    await expectAccessible(page, 'the subscribe dialog asking to turn off');
    const turnedOff = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/feed-token') && r.request().method() === 'DELETE',
    );
    await dialog.getByRole('button', { name: 'Turn off feed' }).click();
    expect((await turnedOff).status()).toBe(204);
    await until(() => dialog.getByRole('button', { name: 'Create link' }).count()).toBe(1);
    expect(await dialog.getByTestId('feed-status').count()).toBe(0);
    expect((await fetchFeed(second)).status).toBe(404);
    expect(await call(page, 'GET', '/api/me/feed-token')).toMatchObject({
      active: false,
    });

    expect(app.session.problems).toEqual([]);
  });
});
