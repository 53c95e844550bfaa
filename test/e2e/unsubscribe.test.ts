import { describe, expect, it } from 'vitest';
import {
  call,
  expectAccessible,
  openSignedOutPhone,
  OWNER,
  screenshot,
  setUpDeal,
  until,
  useBrowserApp,
} from './browser';

/**
 * An alert e-mail's Unsubscribe link, as a person follows it: opened signed out on a
 * phone (the page only asks), the button turns alert e-mails off, and the owner's
 * settings then show the switch off. A real SMTP server receives the alert.
 */

const SCREENSHOT = screenshot('unsubscribe-phone.png');

const app = useBrowserApp(
  { timezoneId: 'UTC' },
  // Alerts go out every two seconds, so the e-mail need not wait a minute.
  { appUrl: true, smtp: true, env: { ALERT_CRON: '*/2 * * * * *' } },
);

describe('the unsubscribe link of an alert e-mail, in Chromium', () => {
  it('asks first, turns alert e-mails off with one button, and the settings show them off', async () => {
    const page = await app.open();
    await setUpDeal(page, {
      owner: { timeZone: 'UTC' },
      deal: { title: 'Spring serum', feeCents: 100_000 },
      // A draft due in two hours: the scheduler raises draft_due_soon and e-mails the owner.
      deliverables: [
        {
          title: 'Serum reel',
          platform: 'instagram',
          draftDueAt: new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString(),
        },
      ],
    });
    await until(async () => app.smtp.messages.length, 30_000).toBeGreaterThan(0);
    const header = app.smtp.messages[0]!.mail.headerLines.find(
      (h) => h.key === 'list-unsubscribe',
    )!.line;
    const link = /<([^>]+)>/.exec(header)![1]!;
    expect(link.startsWith(`${app.server.url}/api/email/unsubscribe?token=`)).toBe(true);

    const { page: phone, problems } = await openSignedOutPhone(app.session.browser, {
      timezoneId: 'UTC',
    });
    await phone.goto(link);
    await until(() => phone.getByRole('heading', { name: 'Stop alert e-mails?' }).count()).toBe(1);
    expect(await phone.getByText(OWNER.email).count()).toBe(1);
    await expectAccessible(phone, 'the unsubscribe page');
    if (SCREENSHOT) await phone.screenshot({ path: SCREENSHOT });
    // Opening the page changed nothing.
    expect(await call(page, 'GET', '/api/me/preferences')).toMatchObject({ emailAlerts: true });

    await phone.getByRole('button', { name: 'Turn alert e-mails off' }).click();
    await until(() => phone.getByRole('heading', { name: 'Alert e-mails are off' }).count()).toBe(
      1,
    );
    await expectAccessible(phone, 'the unsubscribed page');
    expect(problems).toEqual([]);

    await page.goto(`${app.server.url}/settings`);
    const toggle = page.getByRole('switch', { name: 'E-mail me alerts' });
    await until(() => toggle.count()).toBe(1);
    expect(await toggle.isChecked()).toBe(false);
  });
});
