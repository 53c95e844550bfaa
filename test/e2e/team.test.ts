import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPage,
  OWNER,
  thisMonthAt,
  setUpDeal,
  until,
  useBrowserApp,
} from './browser';

const ZONE = 'Europe/Berlin';
const EDITOR = { name: 'Bo Editor', email: 'bo@example.com', password: 'bo has a long password' };

// Invite links are built from APP_URL, so it must name this very server.
const app = useBrowserApp({ timezoneId: ZONE }, { appUrl: true });
let inviteeContext: BrowserContext;
let invitee: Page;
let inviteeProblems: string[];

beforeAll(async () => {
  // The invitee: the same browser, a separate profile (no cookies), signed out.
  ({
    context: inviteeContext,
    page: invitee,
    problems: inviteeProblems,
  } = await openSignedOutPage(
    app.session.browser,
    { timezoneId: ZONE },
    // A role change ends the invitee's session: the next poll is answered 401 by design.
    (text) => text.includes('401'),
  ));
});

/** The 15th of this month at 10:00 Berlin time: always inside the month grid on show. */
const midMonthAt10 = () => thisMonthAt(ZONE, 15, 10);

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a small team on one install, in Chromium', () => {
  let dealId: string;
  let deliverableId: string;

  it('the owner invites an editor; the link works signed out and lands the editor on the calendar without owner pages', async () => {
    const page = await app.open();
    const { deal } = await setUpDeal(page, {
      owner: { timeZone: ZONE, workspaceName: 'Ava Studio' },
      deal: { title: 'Spring serum launch' },
    });
    dealId = deal.id;
    const deliverable = await call(page, 'POST', '/api/deliverables', {
      dealId,
      title: 'Unboxing reel',
      platform: 'instagram',
      publishAt: midMonthAt10(),
    });
    deliverableId = deliverable.id;

    // The owner has Team and Audit in the navigation.
    await page.reload();
    await until(() => navLink(page, 'Team').count()).toBe(1);
    expect(await navLink(page, 'Audit').count()).toBe(1);
    await navLink(page, 'Team').click();
    await until(() => page.getByRole('heading', { name: 'Team', exact: true }).count()).toBe(1);
    const ownerRow = page.getByTestId('member-row').filter({ hasText: OWNER.email });
    await until(() => ownerRow.count()).toBe(1);
    expect(await ownerRow.textContent()).toContain('You');

    // An invite for an editor, for one address, a week long.
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Role').selectOption('editor');
    await form.getByLabel('E-mail (optional)').fill(EDITOR.email);
    await form.getByLabel('Link works for').selectOption({ label: '7 days' });
    await form.getByRole('button', { name: 'Create invite link' }).click();
    const linkBox = page.getByLabel('Invite link', { exact: true });
    await until(() => linkBox.count()).toBe(1);
    const link = await linkBox.inputValue();
    expect(link).toMatch(new RegExp(`^${app.server.url}/invite/[^/]+$`));
    const pending = page.getByTestId('invite-row').filter({ hasText: EDITOR.email });
    await until(() => pending.textContent()).toContain('Pending');
    expect(await pending.getByRole('button', { name: /Revoke/ }).count()).toBe(1);
    await expectAccessible(page, 'the team page with an invite link');

    // Signed out, in another browser profile: the link names who invited whom to what.
    await invitee.goto(link);
    await until(() =>
      invitee.getByText('Ava Creator invited you to Ava Studio as an editor.').count(),
    ).toBe(1);
    const email = invitee.getByLabel('Email');
    expect(await email.inputValue()).toBe(EDITOR.email);
    expect(await email.getAttribute('readonly')).not.toBeNull();

    // A short password is refused by the shared schema before anything is sent.
    await invitee.getByLabel('Your name').fill(EDITOR.name);
    await invitee.getByLabel('Password').fill('too short');
    await invitee.getByRole('button', { name: 'Join Ava Studio' }).click();
    await until(() => invitee.getByText('Use at least 12 characters').count()).toBe(1);
    await expectAccessible(invitee, 'the invite page with a refused password');

    await invitee.getByLabel('Password').fill(EDITOR.password);
    await invitee.getByRole('button', { name: 'Join Ava Studio' }).click();
    await until(() => invitee.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    expect(new URL(invitee.url()).pathname).toBe('/');
    const me = await call(invitee, 'GET', '/api/auth/me');
    expect(me).toMatchObject({ name: EDITOR.name, role: 'editor' });
    await until(() =>
      invitee.getByRole('button', { name: /Account menu/ }).textContent(),
    ).toContain(EDITOR.name);

    // An editor sees the work, not the owner's pages.
    expect(await navLink(invitee, 'Calendar').count()).toBe(1);
    expect(await navLink(invitee, 'Team').count()).toBe(0);
    expect(await navLink(invitee, 'Audit').count()).toBe(0);
    await invitee.goto(`${app.server.url}/team`);
    await until(() => invitee.getByText('Only the workspace owner can see the team').count()).toBe(
      1,
    );

    // The link was single-use.
    const again = await inviteeContext.newPage();
    await again.goto(link);
    await until(() =>
      again.getByRole('heading', { name: 'This invite link is no longer valid' }).count(),
    ).toBe(1);
    await expectAccessible(again, 'the used invite link');
    await again.close();

    // And the owner's list says so.
    await page.reload();
    await until(() =>
      page.getByTestId('invite-row').filter({ hasText: EDITOR.email }).textContent(),
    ).toContain('Accepted');
  });

  it('the editor edits a deliverable on the calendar', async () => {
    await invitee.goto(app.server.url);
    const event = invitee.locator(`[data-kind="publish"][data-deliverable-id="${deliverableId}"]`);
    await until(() => event.count()).toBe(1);
    await event.click();
    const dialog = invitee.getByRole('dialog', { name: 'Edit deliverable' });
    await until(() => dialog.count()).toBe(1);
    await dialog.getByLabel('Title').fill('Unboxing reel v2');
    const saved = invitee.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/deliverables/${deliverableId}`) && r.request().method() === 'PATCH',
    );
    await dialog.getByRole('button', { name: 'Save deliverable' }).click();
    expect((await saved).status()).toBe(200);
    await until(() => event.textContent()).toContain('Unboxing reel v2');
  });

  it('explains a refused change: the only owner cannot make themselves an editor', async () => {
    const page = app.session.page;
    await page.goto(`${app.server.url}/team`);
    const select = page.getByLabel(`Role of ${OWNER.name}`);
    await until(() => select.count()).toBe(1);
    await select.selectOption('editor');
    await until(() =>
      page.getByRole('alert').filter({ hasText: 'needs at least one owner' }).count(),
    ).toBe(1);
    await expectAccessible(page, 'the team page with a refused role change');
    // Nothing changed: the list shows the saved role again.
    await until(() => select.inputValue()).toBe('owner');
    expect((await call(page, 'GET', '/api/auth/me')).role).toBe('owner');
    // The refusal is the one problem the browser logged so far; the later checks start clean.
    expect(app.session.problems).toEqual([
      'console error: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    app.session.problems.length = 0;
  });

  it('the owner makes the editor a viewer, who then has no create or edit controls', async () => {
    const page = app.session.page;
    const select = page.getByLabel(`Role of ${EDITOR.name}`);
    await until(() => select.count()).toBe(1);
    const saved = page.waitForResponse(
      (r) => /\/api\/users\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH',
    );
    await select.selectOption('viewer');
    expect((await saved).status()).toBe(200);
    const users = await call(page, 'GET', '/api/users');
    expect(users.items.find((u) => u.email === EDITOR.email)?.role).toBe('viewer');

    // The role change ended the invitee's session: they sign in again, now as a viewer.
    await invitee.goto(app.server.url);
    await until(() => invitee.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await signIn(invitee, EDITOR.email, EDITOR.password);
    await until(() => invitee.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    const event = invitee.locator(`[data-kind="publish"][data-deliverable-id="${deliverableId}"]`);
    await until(() => event.count()).toBe(1);

    // Calendar: no "New deliverable", clicking a day opens nothing, dragging saves nothing.
    const changes: string[] = [];
    invitee.on('request', (request) => {
      if (
        request.method() !== 'GET' &&
        request.url().includes('/api/') &&
        !request.url().includes('/api/auth/')
      ) {
        changes.push(`${request.method()} ${request.url()}`);
      }
    });
    expect(await invitee.getByRole('button', { name: 'New deliverable' }).count()).toBe(0);
    const otherDay = Temporal.Now.plainDateISO(ZONE).with({ day: 20 }).toString();
    const target = invitee.locator(`[role="cell"][data-date="${otherDay}"]`);
    await target.click({ position: { x: 20, y: 40 } });
    const box = await event.boundingBox();
    const targetBox = await target.boundingBox();
    if (!box || !targetBox) throw new Error('event or target day not on screen');
    await invitee.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await invitee.mouse.down();
    await invitee.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5, { steps: 5 });
    await invitee.mouse.move(
      targetBox.x + targetBox.width / 2,
      targetBox.y + targetBox.height / 2,
      { steps: 15 },
    );
    await invitee.mouse.up();
    expect(await invitee.getByRole('dialog').count()).toBe(0);
    expect(
      await invitee
        .locator(`[data-date="${otherDay}"] [data-deliverable-id="${deliverableId}"]`)
        .count(),
    ).toBe(0);

    // The deliverable opens read-only: a Close button, no Save or Delete.
    await event.click();
    const dialog = invitee.getByRole('dialog', { name: 'Deliverable' });
    await until(() => dialog.count()).toBe(1);
    const footer = dialog.locator('footer');
    // The dialog shows a spinner (and no footer) until the deals it lists have loaded.
    await footer.getByRole('button', { name: 'Close' }).waitFor();
    expect(await footer.getByRole('button').allTextContents()).toEqual(['Close']);
    expect(await dialog.getByRole('button', { name: 'Save deliverable' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await dialog.getByLabel('Title').isDisabled()).toBe(true);
    await expectAccessible(invitee, "the deliverable dialog (a viewer's)");
    await footer.getByRole('button', { name: 'Close' }).click();

    // Deals: no New, Edit or Delete; the deal page has none either.
    await navLink(invitee, 'Deals').click();
    await until(() => invitee.getByRole('link', { name: 'Spring serum launch' }).count()).toBe(1);
    expect(await invitee.getByRole('button', { name: 'New deal' }).count()).toBe(0);
    expect(await invitee.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await invitee.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await invitee.getByRole('link', { name: 'Spring serum launch' }).click();
    await until(() => invitee.getByRole('heading', { name: 'Spring serum launch' }).count()).toBe(
      1,
    );
    await until(() => invitee.getByText('Unboxing reel v2').count()).toBe(1);
    for (const name of ['Edit deal', 'Delete deal', 'Add deliverable', 'New invoice']) {
      expect(await invitee.getByRole('button', { name }).count()).toBe(0);
    }
    await expectAccessible(invitee, "the deal page (a viewer's)");
    // Brands: nothing to add or change.
    await navLink(invitee, 'Brands').click();
    await until(() => invitee.getByText('Glow Skincare').count()).toBeGreaterThan(0);
    expect(await invitee.getByRole('button', { name: /New brand|^Edit|^Delete/ }).count()).toBe(0);

    expect(changes).toEqual([]);
    expect(inviteeProblems).toEqual([]);
  });

  it('the owner sees the invite acceptance and the deliverable edit in the audit log', async () => {
    const page = app.session.page;
    await navLink(page, 'Audit').click();
    await until(() => page.getByRole('heading', { name: 'Audit log' }).count()).toBe(1);
    const rows = page.getByTestId('audit-row');
    await until(() => rows.count()).toBeGreaterThan(3);

    const joined = rows.filter({ hasText: `User ${EDITOR.name} joined by invite` });
    await until(() => joined.count()).toBe(1);
    expect(await joined.textContent()).toContain('via Sign-up');
    expect(await joined.getByRole('cell', { name: 'Created' }).count()).toBe(1);

    const edit = rows.filter({ hasText: 'Unboxing reel v2' }).filter({ hasText: 'Changed' });
    await until(() => edit.count()).toBe(1);
    expect(await edit.getByRole('cell').nth(1).textContent()).toContain(EDITOR.name);
    const title = edit.locator('[data-field="title"]');
    expect(await title.locator('.audit-change__from').textContent()).toBe('Unboxing reel');
    expect(await title.locator('.audit-change__to').textContent()).toBe('Unboxing reel v2');

    // Newest first: the role change (after the edit) is above the edit.
    const texts = await rows.allTextContents();
    const roleChange = texts.findIndex(
      (t) => t.includes(`User ${EDITOR.name}`) && t.includes('viewer'),
    );
    const editIndex = texts.findIndex((t) => t.includes('Unboxing reel v2'));
    expect(roleChange).toBeGreaterThanOrEqual(0);
    expect(roleChange).toBeLessThan(editIndex);

    // Filters: only deliverables, only the editor's entries.
    await page.getByLabel('Kind').selectOption('deliverable');
    await until(async () =>
      (await rows.allTextContents()).every((t) => t.includes('Deliverable')),
    ).toBe(true);
    await page.getByLabel('Person').selectOption({ label: EDITOR.name });
    await until(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Unboxing reel v2');

    expect(app.session.problems).toEqual([]);
    await expectAccessible(page, 'the audit log, filtered');
  });

  it('the audit log loads older entries page by page and filters by day', async () => {
    const page = app.session.page;
    // Enough changes for more than one page (50 entries each).
    for (let i = 1; i <= 55; i++)
      await call(page, 'POST', '/api/brands', { name: `Brand ${String(i).padStart(2, '0')}` });
    await page.goto(`${app.server.url}/audit`);
    const rows = page.getByTestId('audit-row');
    await until(() => rows.count()).toBe(50);
    expect(await rows.first().textContent()).toContain('Brand 55');
    // The oldest entry, the owner's setup, is not on the first page.
    expect(await rows.filter({ hasText: 'set up the workspace' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Load older' }).click();
    await until(() => rows.count()).toBeGreaterThan(60);
    const texts = await rows.allTextContents();
    expect(texts[texts.length - 1]).toContain(OWNER.name);
    expect(new Set(texts).size).toBe(texts.length);
    await until(() => page.getByRole('button', { name: 'Load older' }).count()).toBe(0);

    // Days are the owner's: nothing happened tomorrow; everything since yesterday (a margin for midnight).
    const filters = page.getByRole('group', { name: 'Filters' });
    const today = Temporal.Now.plainDateISO(ZONE);
    await filters.getByLabel('From', { exact: true }).fill(today.add({ days: 1 }).toString());
    await until(() => page.getByText('No entries match these filters').count()).toBe(1);
    await filters.getByLabel('From', { exact: true }).fill(today.subtract({ days: 1 }).toString());
    await filters.getByLabel('To', { exact: true }).fill(today.toString());
    await filters.getByLabel('Action').selectOption('create');
    await until(() => rows.count()).toBe(50);
    expect(await rows.first().textContent()).toContain('Brand 55');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await until(() => rows.first().textContent()).toContain('Brand 55');
  });

  it('the owner hands ownership to a teammate after a confirmation, and becomes an editor', async () => {
    const page = app.session.page;
    await navLink(page, 'Team').click();
    const row = page.getByTestId('member-row').filter({ hasText: EDITOR.email });
    await until(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /Make owner/ }).click();
    const confirm = page.getByRole('dialog', { name: `Make ${EDITOR.name} the owner?` });
    await until(() => confirm.count()).toBe(1);
    expect(await confirm.textContent()).toContain('You become an editor');
    await expectAccessible(page, 'the ownership confirmation');

    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await call(page, 'GET', '/api/auth/me')).role).toBe('owner');

    await row.getByRole('button', { name: /Make owner/ }).click();
    const transferred = page.waitForResponse((r) => r.url().endsWith('/transfer-ownership'));
    await confirm.getByRole('button', { name: 'Make owner' }).click();
    expect((await transferred).status()).toBe(200);

    // Back on the calendar as an editor: the owner's pages are gone from the navigation.
    await until(() => page.getByRole('heading', { name: 'Calendar' }).count()).toBe(1);
    await until(() => navLink(page, 'Team').count()).toBe(0);
    expect(await navLink(page, 'Audit').count()).toBe(0);
    expect((await call(page, 'GET', '/api/auth/me')).role).toBe('editor');
    expect(app.session.problems).toEqual([]);
  });
});
