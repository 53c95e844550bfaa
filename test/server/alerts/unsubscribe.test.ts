import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../../../server/alerts/unsubscribe';
import { createWorkspace, TestClient, type TestResponse, type Workspace } from '../../support/app';
import {
  addMember,
  at,
  createDeliverable,
  DAY,
  scan,
  useAlertEmail,
  type ReceivedMail,
} from '../../support/alerts';

const ONE_CLICK = 'List-Unsubscribe=One-Click';

const mailbox = useAlertEmail();
const { appUrl: APP_URL, linkSecret: LINK_SECRET } = mailbox;
let t: Workspace;

beforeEach(async () => {
  t = await createWorkspace({ appUrl: APP_URL, linkSecret: LINK_SECRET });
});
afterEach(async () => {
  await t.close();
});

/** A draft due a day after `now`, scanned and sent at `now`: one alert e-mail per recipient. */
async function alertAndSend(now: string, title: string): Promise<void> {
  await createDeliverable(t.owner, t.deal.id, { title, draftDueAt: at(now, DAY) });
  await scan(t, now, true);
  await mailbox.deliver(t.db, now);
}

/** The header as the message carries it (mailparser folds List-* headers into one object). */
function rawHeader(mail: ReceivedMail['mail'], name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

function mailTo(email: string, messages = mailbox.messages): ReceivedMail {
  const found = messages.find((m) => m.envelopeTo.includes(email));
  if (!found) throw new Error(`no e-mail to ${email}`);
  return found;
}

/** The address in `List-Unsubscribe: <…>`. */
function unsubscribeAddress(message: ReceivedMail): string {
  const header = rawHeader(message.mail, 'list-unsubscribe');
  const url = /^<([^>]+)>$/.exec(header ?? '')?.[1];
  if (!url) throw new Error(`no List-Unsubscribe address in ${header}`);
  return url;
}

/** A mail provider's one-click POST (RFC 8058): from its own servers, no cookie, no origin. */
function oneClick(url: string, body = ONE_CLICK): Promise<TestResponse> {
  const provider = new TestClient(t.app, { origin: APP_URL, browser: false });
  return provider.raw('POST', url, body, {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

const emailAlertsOf = async (userId: string) =>
  Boolean(
    (
      await t.db
        .selectFrom('users')
        .select('emailAlerts')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).emailAlerts,
  );

describe('alert e-mail headers', () => {
  it('carry Auto-Submitted and a one-click List-Unsubscribe to an APP_URL address naming the recipient', async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    await alertAndSend(t.clock.now().toISOString(), 'Spring haul');
    expect(mailbox.messages).toHaveLength(2);

    for (const [email, userId] of [
      ['owner@example.com', t.user.id],
      [editor.email, editor.id],
    ] as const) {
      const message = mailTo(email);
      expect(rawHeader(message.mail, 'auto-submitted')).toBe('auto-generated');
      expect(rawHeader(message.mail, 'list-unsubscribe-post')).toBe(ONE_CLICK);
      const url = new URL(unsubscribeAddress(message));
      expect(url.origin + url.pathname).toBe(`${APP_URL}/api/email/unsubscribe`);
      expect(url.searchParams.get('token')).toBe(unsubscribeToken(LINK_SECRET, userId));
      // The body says the same, for clients that show no button.
      expect(message.mail.text).toContain(url.href);
    }
    // Each recipient's address is their own.
    expect(unsubscribeAddress(mailTo('owner@example.com'))).not.toBe(
      unsubscribeAddress(mailTo(editor.email)),
    );
  });
});

describe('POST /api/email/unsubscribe (one click)', () => {
  it("turns that user's alert e-mails off without signing in; the others still get theirs", async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    const first = t.clock.now().toISOString();
    await alertAndSend(first, 'Spring haul');
    const url = unsubscribeAddress(mailTo(editor.email));

    const res = await oneClick(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('Alert e-mails are off');
    expect(res.text).toContain(editor.email);
    expect(await emailAlertsOf(editor.id)).toBe(false);
    expect(await emailAlertsOf(t.user.id)).toBe(true);
    // The editor's own settings say so.
    expect((await editor.client.get('/api/me/preferences')).body).toMatchObject({
      emailAlerts: false,
    });

    // The next alert is e-mailed to the owner only.
    mailbox.messages.length = 0;
    await alertAndSend(at(first, 1000), 'Summer haul');
    expect(mailbox.messages.flatMap((m) => m.envelopeTo)).toEqual(['owner@example.com']);

    // Turned back on in the settings, the e-mails come again.
    await editor.client.put('/api/me/preferences', { emailAlerts: true });
    mailbox.messages.length = 0;
    await alertAndSend(at(first, 2000), 'Autumn haul');
    expect(mailbox.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [editor.email, 'owner@example.com'].sort(),
    );
  });

  it('takes the form as multipart too, posted from another site', async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    const url = `/api/email/unsubscribe?token=${encodeURIComponent(unsubscribeToken(LINK_SECRET, editor.id))}`;
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const res = await t.client().raw('POST', url, form, { origin: 'https://mail.example.net' });
    expect(res.status).toBe(200);
    expect(await emailAlertsOf(editor.id)).toBe(false);
  });

  it('answers a tampered, forged or missing token 404 exactly like an unknown one, and changes nothing', async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    const good = unsubscribeToken(LINK_SECRET, editor.id);
    const [id, mac] = good.split('.') as [string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const tokens = [
      `${id}.${flipped}`,
      `${t.user.id}.${mac}`,
      unsubscribeToken(randomBytes(32), editor.id),
      unsubscribeToken(LINK_SECRET, '00000000-0000-4000-8000-000000000000'),
      id,
      'unknown',
      '',
    ];
    const answers = [];
    for (const token of tokens) {
      const url = `/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
      for (const res of [await oneClick(url), await t.client().raw('GET', url)]) {
        answers.push({ status: res.status, type: res.headers.get('content-type'), text: res.text });
      }
    }
    const bare = await oneClick('/api/email/unsubscribe');
    answers.push({ status: bare.status, type: bare.headers.get('content-type'), text: bare.text });

    expect(answers[0]).toEqual({
      status: 404,
      type: 'application/json',
      text: JSON.stringify({
        error: { code: 'not_found', message: 'This unsubscribe link is not active.' },
      }),
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await emailAlertsOf(editor.id)).toBe(true);
    expect(await emailAlertsOf(t.user.id)).toBe(true);
  });

  it('refuses a POST without the one-click body and changes nothing', async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    const url = `/api/email/unsubscribe?token=${encodeURIComponent(unsubscribeToken(LINK_SECRET, editor.id))}`;
    expect((await oneClick(url, 'List-Unsubscribe=Maybe')).status).toBe(400);
    expect((await oneClick(url, '')).status).toBe(400);
    expect(await emailAlertsOf(editor.id)).toBe(true);
  });
});

describe('GET /api/email/unsubscribe', () => {
  it('shows a page whose button posts the one-click form, and changes nothing', async () => {
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    await alertAndSend(t.clock.now().toISOString(), 'Spring haul');
    const url = unsubscribeAddress(mailTo(editor.email));

    // Mail scanners open every link, some of them twice.
    for (let i = 0; i < 2; i++) {
      const res = await t.client().raw('GET', url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toContain(editor.email);
      const action = /<form method="post" action="([^"]+)"/.exec(res.text)?.[1];
      expect(action?.replace(/&amp;/g, '&')).toBe(new URL(url).pathname + new URL(url).search);
      expect(res.text).toContain('name="List-Unsubscribe" value="One-Click"');
    }
    expect(await emailAlertsOf(editor.id)).toBe(true);

    // Once off, the page says so and links to the settings to turn them back on.
    await oneClick(url);
    const after = await t.client().raw('GET', url);
    expect(after.status).toBe(200);
    expect(after.text).toContain('Alert e-mails are off');
    expect(after.text).toContain(`href="${APP_URL}/settings"`);
    expect(after.text).not.toContain('<form');
  });
});
