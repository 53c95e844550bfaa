import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../../server/invoices/mailer';
import { inBusinessHours, runInvoiceReminders } from '../../../server/invoices/reminders';
import { useSmtpMailer } from '../../support/alerts';
import { trackApps } from '../helpers';

const apps = trackApps();
const SECRET = Buffer.alloc(32, 7);
const APP_URL = 'http://localhost:8787';

const smtp = useSmtpMailer();

type App = Awaited<ReturnType<typeof apps.workspace>>;

/**
 * A Berlin workspace and an invoice due on Friday 2026-03-20, sent by e-mail on
 * Monday 2026-03-02 at 10:00 local time.
 */
async function ladderWorkspace(invoiceInput: Record<string, unknown> = {}) {
  const t = await apps.workspace({
    mailer: smtp.mailer,
    linkSecret: SECRET,
    now: '2026-03-02T09:00:00.000Z',
  });
  const settings = (await t.owner.get('/api/settings')).body;
  await t.owner.patch('/api/settings', {
    version: settings.version,
    timeZone: 'Europe/Berlin',
    creator: { legalName: 'Mia Studio', email: 'mia@studio.example' },
  });
  const created = await t.owner.post('/api/invoices', {
    dealId: t.deal.id,
    amountCents: 120_000,
    currency: 'EUR',
    issuedOn: '2026-03-02',
    dueOn: '2026-03-20',
    payer: { name: 'Acme AP', emails: ['ap@acme.example'], address: '', taxId: '' },
    ...invoiceInput,
  });
  expect(created.status, created.text).toBe(201);
  const sent = await t.owner.post(`/api/invoices/${created.body.id}/send`);
  expect(sent.status, sent.text).toBe(200);
  smtp.messages.length = 0;
  return { t, invoice: created.body };
}

/** One run of the job at a local Berlin wall-clock time (`2026-03-17T10:00`, CET = UTC+1 until 29 March). */
async function runAt(t: App, instant: string) {
  t.clock.set(instant);
  return runInvoiceReminders({
    db: t.db,
    mailer: smtp.mailer,
    now: new Date(instant),
    linkSecret: SECRET,
    appUrl: APP_URL,
  });
}

const subjects = () => smtp.messages.map((m) => m.mail.subject);

async function reminderEvents(t: App, id: string) {
  const items = (await t.owner.get(`/api/invoices/${id}/events`)).body.items as Array<{
    type: string;
    step?: number;
    messageId?: string;
  }>;
  return items.filter((e) => e.type.startsWith('reminder'));
}

describe('runInvoiceReminders: the ladder over time (Europe/Berlin)', () => {
  it('sends 3 days before, on the due day and when late, each step once, with the real values', async () => {
    const { t, invoice } = await ladderWorkspace();
    // Monday 16 March, 10:00 CET: nothing is due yet (the first step is Tuesday 17th).
    expect((await runAt(t, '2026-03-16T09:00:00.000Z')).sent).toBe(0);

    expect((await runAt(t, '2026-03-17T09:00:00.000Z')).sent).toBe(1);
    expect(subjects()).toEqual([`Invoice ${invoice.number} is due on 2026-03-20`]);
    const first = smtp.messages[0]!;
    expect(first.envelopeTo).toEqual(['ap@acme.example']);
    expect(first.mail.replyTo?.value[0]?.address).toBe('mia@studio.example');
    expect(first.mail.text).toContain('Hi Acme AP');
    expect(first.mail.text).toContain('€1,200.00');
    const publicUrl = (await t.owner.get(`/api/invoices/${invoice.id}`)).body.publicUrl!;
    expect(first.mail.text).toContain(publicUrl);
    expect(first.mail.attachments[0]?.filename).toBe(`Invoice-${invoice.number}.pdf`);
    // Sent by the ladder, not by a person (RFC 3834): auto-replies stay quiet.
    expect(first.mail.headers.get('auto-submitted')).toBe('auto-generated');

    // Again the same day, and the next: nothing more.
    expect((await runAt(t, '2026-03-17T15:00:00.000Z')).sent).toBe(0);
    expect((await runAt(t, '2026-03-18T09:00:00.000Z')).sent).toBe(0);
    // Due day, Friday.
    expect((await runAt(t, '2026-03-20T09:00:00.000Z')).sent).toBe(1);
    // 3 days late is Monday 23rd.
    expect((await runAt(t, '2026-03-23T09:00:00.000Z')).sent).toBe(1);
    expect(subjects()).toEqual([
      `Invoice ${invoice.number} is due on 2026-03-20`,
      `Invoice ${invoice.number} is due today`,
      `Invoice ${invoice.number} is 3 days overdue`,
    ]);
    const events = await reminderEvents(t, invoice.id);
    expect(events.map((e) => [e.type, e.step])).toEqual([
      ['reminder', 3],
      ['reminder', 0],
      ['reminder', -3],
    ]);
    expect(events.map((e) => e.messageId)).toEqual(
      [...smtp.messages].reverse().map((m) => m.mail.messageId),
    );
  });

  it('after downtime sends only the latest step that came, once — not a burst of the missed ones', async () => {
    const { t, invoice } = await ladderWorkspace();
    // First run since the 16th: on Tuesday 31 March steps -3, 0, 3 and 7 have all come.
    expect((await runAt(t, '2026-03-31T08:00:00.000Z')).sent).toBe(1);
    expect(subjects()).toEqual([`Overdue: invoice ${invoice.number} (11 days)`]);
    expect((await runAt(t, '2026-03-31T12:00:00.000Z')).sent).toBe(0);
    // The earlier steps are not sent later either; the next one (14 days) is.
    expect((await runAt(t, '2026-04-03T08:00:00.000Z')).sent).toBe(1);
    expect(subjects()[1]).toBe(`Second notice: invoice ${invoice.number} is 14 days overdue`);
  });

  it('never sends at night or at the weekend: a step waits for business hours in the workspace zone', async () => {
    const { t } = await ladderWorkspace();
    // Tuesday 17th, 08:59 CET (07:59 UTC), and 17:00 CET: closed.
    expect(await runAt(t, '2026-03-17T07:59:00.000Z')).toMatchObject({ open: false, sent: 0 });
    expect(await runAt(t, '2026-03-17T16:00:00.000Z')).toMatchObject({ open: false, sent: 0 });
    // Saturday 21st at noon: closed; Monday 23rd 09:00: the latest step (3 days late) goes.
    expect(await runAt(t, '2026-03-21T11:00:00.000Z')).toMatchObject({ open: false, sent: 0 });
    expect(await runAt(t, '2026-03-23T08:00:00.000Z')).toMatchObject({ open: true, sent: 1 });
  });

  it('follows the zone across the DST change: 09:00 is 08:00 UTC before 29 March and 07:00 UTC after', () => {
    const hours = { from: '09:00', to: '17:00', weekdays: [1, 2, 3, 4, 5] };
    const open = (instant: string) => inBusinessHours(new Date(instant), 'Europe/Berlin', hours);
    // Friday 27 March (CET, UTC+1).
    expect(open('2026-03-27T07:59:00.000Z')).toBe(false);
    expect(open('2026-03-27T08:00:00.000Z')).toBe(true);
    expect(open('2026-03-27T15:59:00.000Z')).toBe(true);
    expect(open('2026-03-27T16:00:00.000Z')).toBe(false);
    // Monday 30 March (CEST, UTC+2).
    expect(open('2026-03-30T06:59:00.000Z')).toBe(false);
    expect(open('2026-03-30T07:00:00.000Z')).toBe(true);
    expect(open('2026-03-30T14:59:00.000Z')).toBe(true);
    expect(open('2026-03-30T15:00:00.000Z')).toBe(false);
    // Sunday 29 March itself: the weekend.
    expect(open('2026-03-29T10:00:00.000Z')).toBe(false);
  });

  it('in the DST week, sends on Monday 30 March at 09:00 CEST (07:00 UTC), not an hour early or late', async () => {
    const { t } = await ladderWorkspace({ dueOn: '2026-03-30' });
    expect(await runAt(t, '2026-03-30T06:30:00.000Z')).toMatchObject({ open: false, sent: 0 });
    expect(await runAt(t, '2026-03-30T07:00:00.000Z')).toMatchObject({ open: true, sent: 1 });
  });

  it('stops while paused, and resumes on the "until" day or when unpaused', async () => {
    const { t, invoice } = await ladderWorkspace();
    const paused = await t.owner.patch(`/api/invoices/${invoice.id}`, {
      version: 2,
      remindersPaused: true,
      remindersPausedUntil: '2026-03-24',
    });
    expect(paused.status, paused.text).toBe(200);
    expect((await runAt(t, '2026-03-17T09:00:00.000Z')).sent).toBe(0);
    expect((await runAt(t, '2026-03-23T09:00:00.000Z')).sent).toBe(0);
    // The "until" day: the latest step that came (3 days late) goes.
    expect((await runAt(t, '2026-03-24T09:00:00.000Z')).sent).toBe(1);
    const again = await t.owner.patch(`/api/invoices/${invoice.id}`, {
      version: paused.body.version,
      remindersPaused: true,
      remindersPausedUntil: null,
    });
    expect((await runAt(t, '2026-03-27T09:00:00.000Z')).sent).toBe(0);
    await t.owner.patch(`/api/invoices/${invoice.id}`, {
      version: again.body.version,
      remindersPaused: false,
    });
    expect((await runAt(t, '2026-03-27T09:00:00.000Z')).sent).toBe(1);
    const timeline = (await t.owner.get(`/api/invoices/${invoice.id}/events`)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(timeline.filter((type: string) => ['paused', 'resumed'].includes(type))).toEqual([
      'resumed',
      'paused',
      'paused',
    ]);
  });

  it('stops when the invoice is paid mid-ladder, or voided', async () => {
    const { t, invoice } = await ladderWorkspace();
    expect((await runAt(t, '2026-03-17T09:00:00.000Z')).sent).toBe(1);
    await t.owner.post(`/api/invoices/${invoice.id}/payments`, {
      amountCents: 120_000,
      paidOn: '2026-03-18',
    });
    expect((await runAt(t, '2026-03-20T09:00:00.000Z')).sent).toBe(0);
    expect((await runAt(t, '2026-04-20T08:00:00.000Z')).sent).toBe(0);

    const other = await ladderWorkspace();
    const current = (await other.t.owner.get(`/api/invoices/${other.invoice.id}`)).body;
    await other.t.owner.patch(`/api/invoices/${other.invoice.id}`, {
      version: current.version,
      status: 'void',
    });
    expect((await runAt(other.t, '2026-03-17T09:00:00.000Z')).sent).toBe(0);
  });

  it('holds while a "we\'ve paid" notice waits, and goes on once the team dismisses it', async () => {
    const { t, invoice } = await ladderWorkspace();
    const url = (await t.owner.get(`/api/invoices/${invoice.id}`)).body.publicUrl!;
    const token = url.split('/pay/')[1]!;
    const notice = await t.client().post(`/api/invoice-links/${token}/paid`, {
      amountCents: 120_000,
      paidOn: '2026-03-16',
      reference: 'SEPA 9',
    });
    expect(notice.status).toBe(202);
    expect((await runAt(t, '2026-03-17T09:00:00.000Z')).sent).toBe(0);
    const pending = (await t.owner.get(`/api/invoices/${invoice.id}`)).body.remittances[0]!;
    await t.owner.post(`/api/invoices/${invoice.id}/remittances/${pending.id}/dismiss`);
    expect((await runAt(t, '2026-03-17T10:00:00.000Z')).sent).toBe(1);
  });

  it('skips a step when the invoice went out less than 24 hours before, and does not send it later', async () => {
    const { t, invoice } = await ladderWorkspace({ issuedOn: '2026-03-16', dueOn: '2026-03-20' });
    // Sent again on Tuesday 17th at 09:30 CET; the -3 step comes that day.
    t.clock.set('2026-03-17T08:30:00.000Z');
    await t.owner.post(`/api/invoices/${invoice.id}/send`);
    smtp.messages.length = 0;
    expect(await runAt(t, '2026-03-17T10:00:00.000Z')).toMatchObject({ sent: 0, skipped: 1 });
    expect((await runAt(t, '2026-03-18T10:00:00.000Z')).sent).toBe(0);
    expect((await reminderEvents(t, invoice.id)).map((e) => [e.type, e.step])).toEqual([
      ['reminder_skipped', -3],
    ]);
    // The due-day step comes three days later: it goes.
    expect((await runAt(t, '2026-03-20T09:00:00.000Z')).sent).toBe(1);
  });

  it('reminds about an invoice marked sent by hand, giving it a page', async () => {
    const t = await apps.workspace({
      mailer: smtp.mailer,
      linkSecret: SECRET,
      now: '2026-03-02T09:00:00.000Z',
    });
    const created = await t.owner.post('/api/invoices', {
      dealId: t.deal.id,
      amountCents: 5_000,
      issuedOn: '2026-03-02',
      dueOn: '2026-03-06',
      status: 'sent',
      payer: { name: 'Acme AP', emails: ['ap@acme.example'], address: '', taxId: '' },
    });
    expect(created.body.publicUrl).toBeNull();
    // UTC workspace: Friday 6 March, 10:00.
    expect((await runAt(t, '2026-03-06T10:00:00.000Z')).sent).toBe(1);
    const after = (await t.owner.get(`/api/invoices/${created.body.id}`)).body;
    expect(after.publicUrl).not.toBeNull();
    expect(smtp.messages[0]!.mail.text).toContain(after.publicUrl!);
  });

  it('follows the invoice’s own ladder, then the brand’s, and none when turned off', async () => {
    const { t, invoice } = await ladderWorkspace({
      invoiceReminders: {
        enabled: true,
        steps: [{ offsetDays: 1, subject: 'Own step for {{invoiceNumber}}', body: 'Hi' }],
      },
    });
    expect((await runAt(t, '2026-03-17T09:00:00.000Z')).sent).toBe(0);
    expect((await runAt(t, '2026-03-23T09:00:00.000Z')).sent).toBe(1);
    expect(subjects()).toEqual([`Own step for ${invoice.number}`]);

    // The brand's ladder, for its invoices without one of their own.
    const branded = await ladderWorkspace();
    const brand = (await branded.t.owner.get(`/api/brands/${branded.t.brand.id}`)).body;
    const patched = await branded.t.owner.patch(`/api/brands/${brand.id}`, {
      version: brand.version,
      invoiceReminders: {
        enabled: true,
        steps: [{ offsetDays: 2, subject: 'Brand step for {{invoiceNumber}}', body: 'Hi' }],
      },
    });
    expect(patched.status, patched.text).toBe(200);
    expect((await runAt(branded.t, '2026-03-20T09:00:00.000Z')).sent).toBe(0);
    expect((await runAt(branded.t, '2026-03-23T09:00:00.000Z')).sent).toBe(1);
    expect(subjects()).toEqual([`Brand step for ${branded.invoice.number}`]);

    const off = await ladderWorkspace({ invoiceReminders: { enabled: false, steps: [] } });
    expect((await runAt(off.t, '2026-03-23T09:00:00.000Z')).sent).toBe(0);
  });

  it('sends each step once when two runs race (as two instances would)', async () => {
    const { t } = await ladderWorkspace();
    t.clock.set('2026-03-17T09:00:00.000Z');
    const deps = {
      db: t.db,
      mailer: smtp.mailer,
      now: new Date('2026-03-17T09:00:00.000Z'),
      linkSecret: SECRET,
      appUrl: APP_URL,
    };
    const results = await Promise.all([
      runInvoiceReminders(deps),
      runInvoiceReminders(deps),
      runInvoiceReminders(deps),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it('retries a failed send later with the same Message-ID, and gives up after five tries, on the timeline', async () => {
    const { t, invoice } = await ladderWorkspace();
    const tried: string[] = [];
    const refusing: Mailer = {
      send: async (mail) => {
        tried.push(mail.messageId);
        throw new Error('451 try again later');
      },
      close: () => undefined,
    };
    const at = (instant: string) =>
      runInvoiceReminders({
        db: t.db,
        mailer: refusing,
        now: new Date(instant),
        linkSecret: SECRET,
        appUrl: APP_URL,
      });
    expect(await at('2026-03-17T09:00:00.000Z')).toMatchObject({ sent: 0, failed: 0 });
    const row = await t.db.selectFrom('invoiceReminders').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 try again later' });
    // Retries after 5, 10, 20, 40 minutes; the fifth failure is final.
    for (const minutes of [5, 15, 35, 75]) {
      await at(new Date(Date.parse('2026-03-17T09:00:00.000Z') + minutes * 60_000).toISOString());
    }
    const failed = await t.db.selectFrom('invoiceReminders').selectAll().executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(tried).toHaveLength(5);
    expect(new Set(tried).size).toBe(1);
    expect((await reminderEvents(t, invoice.id)).map((e) => e.type)).toEqual(['reminder_failed']);
    // A working mail server later changes nothing: the step is given up, and shown.
    expect((await runAt(t, '2026-03-17T12:00:00.000Z')).sent).toBe(0);
  });
});
