import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { call, expectAccessible, OWNER, screenshot, until, useBrowserApp } from './browser';

const ZONE = 'Europe/Berlin';
const SCREENSHOT = screenshot('brand-timeline.png');
const app = useBrowserApp({ timezoneId: ZONE, viewport: { width: 1280, height: 900 } });

const today = Temporal.Now.plainDateISO(ZONE);
const daysAgo = (n: number) => today.subtract({ days: n }).toString();

describe("a brand's timeline in Chromium", () => {
  it('shows each step with a brand newest first, adds a note, and loads more', async () => {
    const page = await app.open();
    await call(page, 'POST', '/api/auth/setup', { ...OWNER, timeZone: ZONE });
    const brand = await call(page, 'POST', '/api/brands', {
      name: 'Glow Skincare',
      category: 'beauty',
      contacts: [{ name: 'Dana Reyes', email: 'dana@glow.example', role: 'Partnerships' }],
    });
    // Older history first: enough back-dated notes that the timeline takes two pages.
    for (let i = 24; i >= 5; i--) {
      await call(page, 'POST', `/api/brands/${brand.id}/notes`, {
        happenedOn: daysAgo(i),
        channel: 'email',
        text: `Follow-up e-mail number ${25 - i}`,
      });
    }
    await call(page, 'POST', `/api/brands/${brand.id}/pitches`, {
      pitchedOn: daysAgo(0),
      channel: 'email',
      note: 'Sent the media kit and spring rates',
    });
    const deal = await call(page, 'POST', '/api/deals', {
      brandId: brand.id,
      title: 'Spring serum launch',
      feeCents: 450_000,
    });
    await call(page, 'PATCH', `/api/deals/${deal.id}`, { version: 1, status: 'negotiating' });
    const proposal = await call(page, 'POST', `/api/deals/${deal.id}/proposals`, {
      items: [{ description: 'Instagram reel', quantity: 1, unitCents: 450_000 }],
      currency: 'USD',
      paymentTermsDays: 30,
      paymentTrigger: 'invoice_issued',
      expiresOn: today.add({ days: 14 }).toString(),
    });
    // The brand accepts on its public link, signed out.
    await page.context().clearCookies();
    await call(page, 'POST', `/api/proposal-links/${proposal.token}/decision`, {
      decision: 'accept',
      name: 'Dana Reyes',
      title: 'Partnerships lead',
      agree: true,
    });
    await call(page, 'POST', '/api/auth/login', { email: OWNER.email, password: OWNER.password });
    const invoice = await call(page, 'POST', '/api/invoices', {
      dealId: deal.id,
      amountCents: 450_000,
    });
    await call(page, 'PATCH', `/api/invoices/${invoice.id}`, { version: 1, status: 'sent' });
    await call(page, 'POST', `/api/invoices/${invoice.id}/payments`, {
      amountCents: 450_000,
      paidOn: daysAgo(0),
    });

    // From the brands list to the brand's page.
    await page.goto(`${app.server.url}/brands`);
    await page.getByRole('link', { name: 'Glow Skincare' }).click();
    await until(() => page.getByRole('heading', { level: 1, name: 'Glow Skincare' }).count()).toBe(
      1,
    );
    const list = page.getByRole('list', { name: 'Timeline of Glow Skincare' });
    const entries = list.getByRole('listitem');
    await until(() => entries.count()).toBe(20);
    const summaries = await entries.locator('.timeline__summary').allTextContents();
    // Newest first: the payment, then the invoice; the accepted proposal, the deal's steps, the pitch.
    expect(summaries.slice(0, 2)).toEqual([
      expect.stringMatching(/^Payment of \$4,500\.00 for invoice \S+, paid on /),
      expect.stringMatching(/^Invoice \S+ marked as sent$/),
    ]);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Deal "Spring serum launch" negotiating → contracted',
        'Accepted proposal v1 for "Spring serum launch" by Dana Reyes (Partnerships lead)',
        'Proposal v1 for "Spring serum launch" sent: $4,500.00',
        'Deal "Spring serum launch" pitched → negotiating',
        'Deal "Spring serum launch" added (pitched)',
        `Pitched by e-mail on ${daysAgo(0)}`,
      ]),
    );
    expect(summaries.indexOf(`Pitched by e-mail on ${daysAgo(0)}`)).toBeGreaterThan(
      summaries.indexOf('Deal "Spring serum launch" pitched → negotiating'),
    );
    const accepted = entries.filter({ hasText: 'Accepted proposal v1' });
    expect(await accepted.textContent()).toContain('by Dana Reyes (brand)');
    // Each entry links to its subject: the deal's page.
    const dealLink = list.getByRole('link', { name: 'Deal "Spring serum launch" added (pitched)' });
    expect(await dealLink.getAttribute('href')).toBe(`/deals/${deal.id}`);

    // A note about a call today goes to the top.
    const form = page.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('Channel').selectOption('call');
    await form
      .getByLabel('What happened')
      .fill('Call with Dana: two reels in May, draft by the 10th');
    await form.getByRole('button', { name: 'Add note' }).click();
    await until(() => entries.first().textContent()).toContain(
      'Call on ' + daysAgo(0) + ': Call with Dana: two reels in May',
    );
    expect(await entries.first().textContent()).toContain(`by ${OWNER.name}`);
    await until(() => page.locator('.toast').count()).toBe(0);
    await expectAccessible(page, 'the brand page with its timeline');
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: false });

    // Older entries a page at a time, with no entry twice, down to the oldest back-dated note.
    await page.getByRole('button', { name: 'Load more' }).click();
    // While the next page loads the button reads "Loading…": wait for the oldest entry itself.
    await until(() => entries.last().locator('.timeline__summary').textContent()).toBe(
      `E-mail on ${daysAgo(24)}: Follow-up e-mail number 1`,
    );
    expect(await page.getByRole('button', { name: /Load more|Loading/ }).count()).toBe(0);
    const all = await entries.locator('.timeline__summary').allTextContents();
    expect(all.filter((s) => s === 'Brand added')).toHaveLength(1);
    expect(all.filter((s) => s.includes('Follow-up e-mail number'))).toHaveLength(20);
    expect(all.filter((s) => s.endsWith('Follow-up e-mail number 1'))).toHaveLength(1);
    expect(all.indexOf(all.find((s) => s.endsWith('number 20'))!)).toBeLessThan(
      all.indexOf(all.find((s) => s.endsWith('number 1'))!),
    );

    // A note can be taken back.
    await entries
      .first()
      .getByRole('button', { name: /Delete note: Call on/ })
      .click();
    await until(() => entries.first().textContent()).not.toContain('Call with Dana');
    expect(app.session.problems).toEqual([]);
  });
});
