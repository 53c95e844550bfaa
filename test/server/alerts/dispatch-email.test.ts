import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpSender, type EmailSender } from '../../../server/alerts/channels/email';
import { createWorkspace, type Workspace } from '../../support/app';
import {
  addMember,
  alertRows,
  at,
  createDeliverable,
  deadPort,
  deliveryRows,
  HOUR,
  scan,
  useAlertEmail,
  type ReceivedMail,
} from '../../support/alerts';

// The workspace clock reads 2026-03-01T12:00Z (07:00 in New York). 2026-03-02T22:00Z is 5:00 PM EST the next day.
const DRAFT_DUE = '2026-03-02T22:00:00.000Z';
const PUBLISH_AT = '2026-03-02T10:00:00.000Z';

const mailbox = useAlertEmail();
let t: Workspace;

afterEach(async () => {
  await t?.close();
});

function send(now: Date | string = t.clock.now(), sender: EmailSender | null = mailbox.sender) {
  return mailbox.deliver(t.db, now, sender);
}

/** recipient → rules of the alerts they were mailed about, via the delivery id each message carries. */
async function mailedRules(messages: ReceivedMail[]): Promise<Record<string, string[]>> {
  const deliveries = await deliveryRows(t.db);
  const alerts = await alertRows(t.db);
  const out: Record<string, string[]> = {};
  for (const message of messages) {
    const deliveryId = message.mail.headers.get('x-sponsorcal-delivery');
    const delivery = deliveries.find((d) => d.id === deliveryId);
    const rule = alerts.find((a) => a.id === delivery?.alertId)?.rule ?? '(unknown)';
    for (const to of message.envelopeTo) (out[to] ??= []).push(rule);
  }
  for (const rules of Object.values(out)) rules.sort();
  return out;
}

describe('alert e-mails through a real SMTP server', () => {
  it('mails every active editor and owner once per alert when nobody is assigned; not viewers, not disabled users', async () => {
    t = await createWorkspace();
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    const editor2 = await addMember(t, { role: 'editor', email: 'eve@example.com' });
    await addMember(t, { role: 'viewer', email: 'vic@example.com' });
    await addMember(t, { role: 'editor', email: 'gone@example.com', disabled: true });
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE, publishAt: PUBLISH_AT });

    expect(await scan(t, t.clock.now(), true)).toMatchObject({ raised: 2 });
    expect(await send()).toEqual({ sent: 6, retried: 0, failed: 0, cancelled: 0 });

    expect(mailbox.messages).toHaveLength(6);
    expect(await mailedRules(mailbox.messages)).toEqual({
      'owner@example.com': ['draft_due_soon', 'publish_due_soon'],
      [editor.email]: ['draft_due_soon', 'publish_due_soon'],
      [editor2.email]: ['draft_due_soon', 'publish_due_soon'],
    });
    for (const { mail } of mailbox.messages) {
      expect(mail.from?.value[0]?.address).toBe('alerts@example.com');
      expect(
        mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : [],
      ).toHaveLength(1);
    }
    // A second run sends nothing more.
    expect(await send(at(t.clock.now(), HOUR))).toMatchObject({ sent: 0 });
    expect(mailbox.messages).toHaveLength(6);
  });

  it('mails only the assignee when the deliverable is assigned', async () => {
    t = await createWorkspace();
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    await addMember(t, { role: 'editor', email: 'eve@example.com' });
    await createDeliverable(t.owner, t.deal.id, {
      draftDueAt: DRAFT_DUE,
      publishAt: PUBLISH_AT,
      assigneeId: editor.id,
    });

    await scan(t, t.clock.now(), true);
    expect(await send()).toMatchObject({ sent: 2 });
    expect(await mailedRules(mailbox.messages)).toEqual({
      [editor.email]: ['draft_due_soon', 'publish_due_soon'],
    });
  });

  it("says what is due and when in each recipient's own time zone", async () => {
    t = await createWorkspace();
    const nyc = await addMember(t, {
      role: 'editor',
      email: 'nyc@example.com',
      timeZone: 'America/New_York',
    });
    const berlin = await addMember(t, {
      role: 'editor',
      email: 'berlin@example.com',
      timeZone: 'Europe/Berlin',
    });
    await createDeliverable(t.owner, t.deal.id, { title: 'Spring haul', draftDueAt: DRAFT_DUE });

    await scan(t, t.clock.now(), true);
    await send();
    const subjectFor = (email: string) =>
      mailbox.messages.find((m) => m.envelopeTo.includes(email))?.mail.subject;

    expect(subjectFor(nyc.email)).toBe('Draft due tomorrow at 5:00 PM EST: “Spring haul” for Acme');
    expect(subjectFor(berlin.email)).toBe(
      'Draft due tomorrow at 11:00 PM GMT+1: “Spring haul” for Acme',
    );
    // The owner has no zone of their own: the workspace's (UTC).
    expect(subjectFor('owner@example.com')).toBe(
      'Draft due tomorrow at 10:00 PM UTC: “Spring haul” for Acme',
    );
    const nycMail = mailbox.messages.find((m) => m.envelopeTo.includes(nyc.email))!.mail;
    expect(nycMail.text).toContain('Draft due tomorrow at 5:00 PM EST');
  });

  it('links to the deliverable in the app, in the text and the HTML part', async () => {
    t = await createWorkspace();
    const d = await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    await send();

    const [message] = mailbox.messages;
    const link = `${mailbox.appUrl}/?deliverable=${d.id}`;
    expect(message?.mail.text).toContain(link);
    expect(message?.mail.html).toContain(`href="${link}"`);
  });

  it('carries the delivery id as a stable Message-ID', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    await send();
    const [delivery] = await deliveryRows(t.db);
    expect(mailbox.messages[0]?.mail.messageId).toBe(`<${delivery!.id}@sponsorcal>`);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, recipient: 'owner@example.com' });
  });

  it('sends nothing to a user who turned alert e-mails off', async () => {
    t = await createWorkspace();
    const quiet = await addMember(t, { role: 'editor', email: 'quiet@example.com' });
    const res = await quiet.client.put('/api/me/preferences', { emailAlerts: false });
    expect(res).toMatchObject({ status: 200, body: { emailAlerts: false } });
    expect((await quiet.client.get('/api/me/preferences')).body).toEqual({
      emailAlerts: false,
      timeZone: null,
      emailConfigured: false,
    });
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });

    await scan(t, t.clock.now(), true);
    await send();
    expect(mailbox.messages.flatMap((m) => m.envelopeTo)).toEqual(['owner@example.com']);
  });

  it('cancels a pending e-mail when its recipient turns alert e-mails off before it is sent', async () => {
    t = await createWorkspace();
    const quiet = await addMember(t, { role: 'editor', email: 'quiet@example.com' });
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    expect(await deliveryRows(t.db)).toHaveLength(2);

    await quiet.client.put('/api/me/preferences', { emailAlerts: false });
    expect(await send()).toMatchObject({ sent: 1, cancelled: 1 });
    expect(mailbox.messages.flatMap((m) => m.envelopeTo)).toEqual(['owner@example.com']);
    const cancelled = (await deliveryRows(t.db)).find((d) => d.recipient === quiet.email);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled?.lastError).toMatch(/turned alert e-mails off/);
  });

  it('escapes a title that looks like HTML in the HTML part', async () => {
    t = await createWorkspace();
    const title = '<img src=x onerror=alert(1)>';
    await createDeliverable(t.owner, t.deal.id, { title, draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    await send();

    const html = mailbox.messages[0]?.mail.html;
    expect(typeof html).toBe('string');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/(&lt;|&#60;)img src=x onerror=alert\(1\)(&gt;|&#62;)/);
    // The plain-text part and the subject carry the title as written.
    expect(mailbox.messages[0]?.mail.text).toContain(title);
    expect(mailbox.messages[0]?.mail.subject).toContain(title);
  });

  it('cannot be made to add headers or recipients by a title with a line break', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, {
      title: 'Launch\r\nBcc: attacker@example.com',
      draftDueAt: DRAFT_DUE,
    });
    await scan(t, t.clock.now(), true);
    await send();

    expect(mailbox.messages).toHaveLength(1);
    const [{ envelopeTo, mail }] = mailbox.messages as [ReceivedMail];
    expect(envelopeTo).toEqual(['owner@example.com']);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toContain('Launch');
  });

  it('keeps an e-mail for a retry when the SMTP server cannot be reached', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    const down = createSmtpSender(`smtp://127.0.0.1:${await deadPort()}`, mailbox.from);
    try {
      expect(await send(t.clock.now(), down)).toMatchObject({ sent: 0, retried: 1 });
    } finally {
      down.close();
    }
    const [delivery] = await deliveryRows(t.db);
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(t.clock.now(), 30_000),
    });
    expect(delivery?.lastError).toMatch(/ECONNREFUSED/);

    // The real server is back.
    expect(await send(at(t.clock.now(), 30_000))).toMatchObject({ sent: 1 });
    expect(mailbox.messages).toHaveLength(1);
  });

  it('cancels e-mails with a clear reason when no SMTP server is configured', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), true);
    expect(await send(t.clock.now(), null)).toMatchObject({ sent: 0, cancelled: 1 });
    const [delivery] = await deliveryRows(t.db);
    expect(delivery).toMatchObject({
      status: 'cancelled',
      lastError: 'E-mail is not configured (SMTP_URL)',
    });
  });

  it('queues no e-mail at all when the scan runs without e-mail', async () => {
    t = await createWorkspace();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: DRAFT_DUE });
    await scan(t, t.clock.now(), false);
    expect(await alertRows(t.db)).toHaveLength(1);
    expect(await deliveryRows(t.db)).toEqual([]);
  });
});
