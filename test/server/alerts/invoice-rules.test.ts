import { describe, expect, it } from 'vitest';
import { INVOICE_REMINDER_DAYS } from '../../../server/alerts/rules/invoice-days';
import {
  addMember,
  alertKeys,
  alertRows,
  at,
  DAY,
  deliveryRows,
  HOUR,
  scan,
  useAlertEmail,
} from '../../support/alerts';
import { theOnlyAlert } from '../helpers';
import {
  addInvoice,
  patchInvoice,
  patchSettings,
  pay,
  setWorkspaceZone,
  trackInvoiceApps,
  type Workspace,
} from '../../support/invoices';

const apps = trackInvoiceApps();

/*
 * The workspace clock starts at 2026-03-01T12:00Z in a UTC workspace. The
 * invoice below is due 2026-03-10: it is late from 2026-03-11T00:00Z (the end
 * of its due day, 1 day overdue), and chased again at 7, 14 and 30 days overdue.
 * Every instant is worked out by hand, not by the server's helpers.
 */
const DUE_ON = '2026-03-10';
const LATE = '2026-03-11T00:00:00.000Z';
const REMINDERS = [
  '2026-03-17T00:00:00.000Z',
  '2026-03-24T00:00:00.000Z',
  '2026-04-09T00:00:00.000Z',
];
const ALL_OVERDUE = [LATE, ...REMINDERS];
/** Three days' lead (the default) before the end of the due day: 00:00 on the 8th. */
const SOON = '2026-03-08T00:00:00.000Z';

const overdueKeys = (moments: string[]) => moments.map((m) => `invoice_overdue@${m}`);
const soonKey = (moment = LATE) => `invoice_due_soon@${moment}`;

async function sentInvoice(t: Workspace, extra: Record<string, unknown> = {}) {
  return addInvoice(t, {
    amountCents: 100_000,
    issuedOn: '2026-02-08',
    dueOn: DUE_ON,
    status: 'sent',
    ...extra,
  });
}

/** Moves the app clock and scans at the same instant (so API writes and scans agree on "now"). */
async function scanAt(t: Workspace, instant: string, emailEnabled = false) {
  t.clock.set(instant);
  return scan(t, instant, emailEnabled);
}

/** The first alert raised is open, about an invoice, and as `expected` says. */
async function expectFirstAlertOpen(
  t: Workspace,
  expected: { rule: string; subjectId: string; dueAt: string; severity: string },
) {
  const [alert] = await alertRows(t.db);
  expect(alert).toMatchObject({ ...expected, subjectType: 'invoice', resolvedAt: null });
}

async function openAlerts(t: Workspace, subjectId: string) {
  return (await alertRows(t.db)).filter((a) => a.subjectId === subjectId && a.resolvedAt === null);
}

describe('invoice_due_soon', () => {
  it('fires for a sent invoice from 00:00 three days before the end of its due day, and not 1 ms before', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);

    expect(await scanAt(t, at(SOON, -1))).toMatchObject({ raised: 0 });
    expect(await alertKeys(t.db, inv.id)).toEqual([]);

    expect(await scanAt(t, SOON)).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey()]);
    await expectFirstAlertOpen(t, {
      rule: 'invoice_due_soon',
      subjectId: inv.id,
      dueAt: LATE,
      severity: 'warning',
    });
  });

  it('fires for sent invoices that payments do not cover yet: not drafts, paid or void ones', async () => {
    const t = await apps.workspace();
    const mk = (number: string, status: 'draft' | 'sent' | 'void') =>
      sentInvoice(t, { number, status });
    const sent = await mk('SENT', 'sent');
    const part = await mk('PART', 'sent');
    await pay(t.owner, part.id, { amountCents: 99_999, paidOn: '2026-03-01' });
    const paid = await mk('PAID', 'sent');
    await pay(t.owner, paid.id, { amountCents: 100_000, paidOn: '2026-03-01' });
    await mk('DRAFT', 'draft');
    await mk('VOID', 'void');

    await scanAt(t, '2026-03-09T12:00:00.000Z');
    const alerted = (await alertRows(t.db)).map((a) => [a.rule, a.subjectId]).sort();
    expect(alerted).toEqual(
      [
        ['invoice_due_soon', sent.id],
        ['invoice_due_soon', part.id],
      ].sort(),
    );
  });

  /** With a due-soon lead of `days`, the invoice is alerted from `from` on, not a moment earlier. */
  async function expectDueSoonFrom(days: number, from: string) {
    const t = await apps.workspace();
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: days } });
    const inv = await sentInvoice(t);
    await scanAt(t, at(from, -1));
    expect(await alertKeys(t.db, inv.id)).toEqual([]);
    await scanAt(t, from);
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey()]);
  }

  it('takes the lead in days from settings.leadTimes.invoiceDueSoonDays', async () => {
    await expectDueSoonFrom(7, '2026-03-04T00:00:00.000Z');
  });

  it('with a lead of 1 day fires on the due day itself', async () => {
    await expectDueSoonFrom(1, '2026-03-10T00:00:00.000Z');
  });

  it('is off with a lead of 0, while the overdue alert still fires', async () => {
    const t = await apps.workspace();
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    const inv = await sentInvoice(t);
    for (const instant of [
      '2026-03-05T00:00:00.000Z',
      SOON,
      '2026-03-10T12:00:00.000Z',
      at(LATE, -1),
    ]) {
      await scanAt(t, instant);
    }
    expect(await alertKeys(t.db, inv.id)).toEqual([]);
    await scanAt(t, LATE);
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([LATE]));
  });

  it('counts the lead in the workspace zone (Europe/Berlin)', async () => {
    const t = await apps.workspace({ timeZone: 'Europe/Berlin' });
    const inv = await sentInvoice(t);
    // 00:00 on 8 March in Berlin (CET, UTC+1) is 2026-03-07T23:00Z; the due day ends at 2026-03-10T23:00Z.
    await scanAt(t, '2026-03-07T22:59:59.999Z');
    expect(await alertKeys(t.db, inv.id)).toEqual([]);
    await scanAt(t, '2026-03-07T23:00:00.000Z');
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey('2026-03-10T23:00:00.000Z')]);
  });

  it('is resolved once its moment has passed, and when the invoice is paid', async () => {
    const t = await apps.workspace();
    const a = await sentInvoice(t, { number: 'A' });
    const b = await sentInvoice(t, { number: 'B' });
    await scanAt(t, SOON);
    expect(await openAlerts(t, a.id)).toHaveLength(1);

    t.clock.set('2026-03-09T10:00:00.000Z');
    await pay(t.owner, b.id, { amountCents: 100_000, paidOn: '2026-03-09' });
    await scanAt(t, '2026-03-09T10:05:00.000Z');
    const soonB = (await alertRows(t.db)).find((x) => x.subjectId === b.id);
    expect(soonB?.resolvedAt).toBe('2026-03-09T10:05:00.000Z');
    expect(await openAlerts(t, a.id)).toHaveLength(1);

    await scanAt(t, LATE);
    const soonA = (await alertRows(t.db)).find(
      (x) => x.subjectId === a.id && x.rule === 'invoice_due_soon',
    );
    expect(soonA?.resolvedAt).toBe(LATE);
    expect((await openAlerts(t, a.id)).map((x) => x.rule)).toEqual(['invoice_overdue']);
  });
});

describe('invoice_overdue', () => {
  it('chases at 1 (the end of the due day), 7, 14 and 30 days overdue', () => {
    expect([...INVOICE_REMINDER_DAYS]).toEqual([1, 7, 14, 30]);
  });

  it.each([
    ['America/Los_Angeles', '2026-03-11T07:00:00.000Z'],
    ['Europe/Berlin', '2026-03-10T23:00:00.000Z'],
    ['Pacific/Auckland', '2026-03-10T11:00:00.000Z'],
    ['UTC', LATE],
  ])('fires at the end of the due day in %s (%s), and not 1 ms before', async (zone, late) => {
    const t = await apps.workspace({ timeZone: zone });
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    const inv = await sentInvoice(t);

    expect(await scanAt(t, at(late, -1))).toMatchObject({ raised: 0 });
    expect(await scanAt(t, late)).toMatchObject({ raised: 1 });
    await expectFirstAlertOpen(t, {
      rule: 'invoice_overdue',
      subjectId: inv.id,
      dueAt: late,
      severity: 'critical',
    });
  });

  it('raises the overdue alert and each reminder exactly once, however often it scans', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    const raisedAt: Record<string, string> = {};
    // Every 6 hours from 2 March to 20 April, twice at each instant.
    for (
      let ms = Date.parse('2026-03-02T00:00:00.000Z');
      ms <= Date.parse('2026-04-20T00:00:00.000Z');
      ms += 6 * HOUR
    ) {
      const instant = new Date(ms).toISOString();
      const first = await scan(t, instant);
      expect(await scan(t, instant), `second scan at ${instant}`).toMatchObject({ raised: 0 });
      if (first.raised > 0) {
        for (const a of await alertRows(t.db)) raisedAt[`${a.rule}@${a.dueAt}`] ??= instant;
      }
    }
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey(), ...overdueKeys(ALL_OVERDUE)].sort());
    // Each was raised by the first scan at or after its moment.
    expect(raisedAt).toEqual({
      [soonKey()]: SOON,
      ...Object.fromEntries(ALL_OVERDUE.map((m) => [`invoice_overdue@${m}`, m])),
    });
    // Four hundred full scans: generous time on a busy machine.
  }, 90_000);

  it('raises each reminder at local midnight, also after a DST change (America/New_York)', async () => {
    const t = await apps.workspace({ timeZone: 'America/New_York' });
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    const inv = await sentInvoice(t, { issuedOn: '2026-02-01', dueOn: '2026-03-05' });
    // The 6th starts at 05:00Z (EST); after 2026-03-08 local midnight is 04:00Z (EDT).
    const moments = [
      '2026-03-06T05:00:00.000Z',
      '2026-03-12T04:00:00.000Z',
      '2026-03-19T04:00:00.000Z',
      '2026-04-04T04:00:00.000Z',
    ];
    const seen: string[] = [];
    for (const moment of moments) {
      expect(await scan(t, at(moment, -1)), `1 ms before ${moment}`).toMatchObject({ raised: 0 });
      expect(await scan(t, moment), `at ${moment}`).toMatchObject({ raised: 1 });
      seen.push(moment);
      expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys(seen));
    }
  });

  it('fires at the first instant of the next day when its midnight does not exist (America/Santiago)', async () => {
    const t = await apps.workspace({ timeZone: 'America/Santiago' });
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    const inv = await sentInvoice(t, { issuedOn: '2026-08-06', dueOn: '2026-09-05' });
    // Chile skips from 24:00 on Saturday 5 September (UTC−4) to 01:00 on Sunday (UTC−3): 2026-09-06T04:00Z.
    expect(await scan(t, '2026-09-06T03:59:59.999Z')).toMatchObject({ raised: 0 });
    expect(await scan(t, '2026-09-06T04:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys(['2026-09-06T04:00:00.000Z']));
    // Seven days overdue (UTC−3 all along): 00:00 on the 12th is 03:00Z.
    expect(await scan(t, '2026-09-12T02:59:59.999Z')).toMatchObject({ raised: 0 });
    expect(await scan(t, '2026-09-12T03:00:00.000Z')).toMatchObject({ raised: 1 });
  });

  it('raises the reminders missed while the server was down on the next scan', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await scanAt(t, '2026-03-09T09:00:00.000Z');
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey()]);

    // Down from the 9th to the 26th: the overdue alert and the 7- and 14-day reminders fell due meanwhile.
    expect(await scanAt(t, '2026-03-26T09:00:00.000Z')).toMatchObject({ raised: 3 });
    expect(await alertKeys(t.db, inv.id)).toEqual(
      [soonKey(), ...overdueKeys(ALL_OVERDUE.slice(0, 3))].sort(),
    );
    expect((await openAlerts(t, inv.id)).map((a) => a.dueAt).sort()).toEqual(
      ALL_OVERDUE.slice(0, 3),
    );

    await scan(t, at(REMINDERS[2]!, -1));
    expect(await scan(t, REMINDERS[2]!)).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, inv.id)).toEqual([soonKey(), ...overdueKeys(ALL_OVERDUE)].sort());
  });

  it('raises all four after a downtime spanning every one of them', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await scanAt(t, '2026-03-05T09:00:00.000Z');
    expect(await scan(t, '2026-04-20T09:00:00.000Z')).toMatchObject({ raised: 4 });
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys(ALL_OVERDUE));
    expect(await scan(t, '2026-04-20T09:01:00.000Z')).toMatchObject({ raised: 0 });
  });

  it('keeps chasing a part-paid invoice', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await scanAt(t, LATE);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await pay(t.owner, inv.id, { amountCents: 40_000, paidOn: '2026-03-12' });
    await scanAt(t, '2026-03-12T10:05:00.000Z');
    expect((await openAlerts(t, inv.id)).map((a) => a.dueAt)).toEqual([LATE]);
    await scanAt(t, REMINDERS[0]!);
    expect((await openAlerts(t, inv.id)).map((a) => a.dueAt).sort()).toEqual([LATE, REMINDERS[0]]);
  });

  it('alerts an invoice sent after its due day at once, with its latest reminder', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t, { status: 'draft' });
    await scanAt(t, '2026-03-09T09:00:00.000Z');
    await scanAt(t, '2026-03-16T09:00:00.000Z');
    expect(await alertKeys(t.db, inv.id)).toEqual([]);

    t.clock.set('2026-03-20T09:00:00.000Z');
    await patchInvoice(t.owner, inv.id, { status: 'sent' });
    expect(await scanAt(t, '2026-03-20T09:01:00.000Z')).toMatchObject({ raised: 1 });
    // Late since the 11th, last chased on the 18th: one alert, for the 7-day reminder.
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([REMINDERS[0]!]));
  });
});

describe('invoice alerts that no longer apply', () => {
  async function overdueWithEmail(t: Workspace) {
    const inv = await sentInvoice(t);
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    await scanAt(t, LATE, true);
    const [alert] = await alertRows(t.db);
    expect(alert).toMatchObject({ rule: 'invoice_overdue', resolvedAt: null });
    expect((await deliveryRows(t.db)).map((d) => d.status)).toEqual(['pending']);
    return { inv, alert: alert! };
  }

  it('are resolved when the invoice is paid, pending e-mails are cancelled, and nothing more is raised', async () => {
    const t = await apps.workspace();
    const { inv } = await overdueWithEmail(t);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await pay(t.owner, inv.id, { amountCents: 100_000, paidOn: '2026-03-12' });

    expect(await scanAt(t, '2026-03-12T10:05:00.000Z', true)).toMatchObject({
      raised: 0,
      resolved: 1,
    });
    const [alert] = await alertRows(t.db);
    expect(alert?.resolvedAt).toBe('2026-03-12T10:05:00.000Z');
    const [delivery] = await deliveryRows(t.db);
    expect(delivery).toMatchObject({ status: 'cancelled' });

    for (const instant of [...REMINDERS, '2026-05-01T00:00:00.000Z']) {
      expect(await scan(t, instant, true), instant).toMatchObject({ raised: 0 });
    }
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([LATE]));
  });

  it('are resolved when the invoice is voided, and nothing more is raised', async () => {
    const t = await apps.workspace();
    const { inv } = await overdueWithEmail(t);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await patchInvoice(t.owner, inv.id, { status: 'void' });
    expect(await scanAt(t, '2026-03-12T10:05:00.000Z', true)).toMatchObject({ resolved: 1 });
    expect((await alertRows(t.db))[0]?.resolvedAt).toBe('2026-03-12T10:05:00.000Z');
    expect((await deliveryRows(t.db))[0]).toMatchObject({ status: 'cancelled' });
    for (const instant of REMINDERS)
      expect(await scan(t, instant, true)).toMatchObject({ raised: 0 });
  });

  it('are resolved when the invoice goes back to draft, and when a void draft is deleted', async () => {
    const t = await apps.workspace();
    const { inv } = await overdueWithEmail(t);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await patchInvoice(t.owner, inv.id, { status: 'draft' });
    expect(await scanAt(t, '2026-03-12T10:05:00.000Z')).toMatchObject({ resolved: 1 });
    await scanAt(t, REMINDERS[0]!);
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([LATE]));
    expect((await t.owner.delete(`/api/invoices/${inv.id}`)).status).toBe(204);
    expect(await scanAt(t, REMINDERS[1]!)).toMatchObject({ raised: 0 });
  });

  it('move with the due day: a later due day resolves the old alert and raises at the new moment', async () => {
    const t = await apps.workspace();
    const { inv } = await overdueWithEmail(t);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await patchInvoice(t.owner, inv.id, { dueOn: '2026-03-20' });
    expect(await scanAt(t, '2026-03-12T10:05:00.000Z', true)).toMatchObject({
      raised: 0,
      resolved: 1,
    });
    expect((await alertRows(t.db))[0]?.resolvedAt).toBe('2026-03-12T10:05:00.000Z');
    expect((await deliveryRows(t.db))[0]).toMatchObject({ status: 'cancelled' });

    // The old reminder moment passes without a word.
    await scanAt(t, REMINDERS[0]!);
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([LATE]));
    await scanAt(t, '2026-03-20T23:59:59.999Z');
    expect(await scanAt(t, '2026-03-21T00:00:00.000Z')).toMatchObject({ raised: 1 });
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys([LATE, '2026-03-21T00:00:00.000Z']));
    expect((await openAlerts(t, inv.id)).map((a) => a.dueAt)).toEqual(['2026-03-21T00:00:00.000Z']);
  });

  it('move with the due day: an earlier due day raises its latest passed moment at once', async () => {
    const t = await apps.workspace();
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    const inv = await sentInvoice(t, { dueOn: '2026-03-20' });
    await scanAt(t, '2026-03-12T09:00:00.000Z');
    expect(await alertKeys(t.db, inv.id)).toEqual([]);
    t.clock.set('2026-03-12T10:00:00.000Z');
    await patchInvoice(t.owner, inv.id, { dueOn: '2026-03-02' });
    expect(await scanAt(t, '2026-03-12T10:05:00.000Z')).toMatchObject({ raised: 1 });
    // Due 2 March: late from the 3rd, 7 days overdue on the 9th.
    expect(await alertKeys(t.db, inv.id)).toEqual(overdueKeys(['2026-03-09T00:00:00.000Z']));
  });

  it('stay open when the workspace time zone changes while the invoice is still overdue', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await scanAt(t, '2026-03-11T06:00:00.000Z');
    expect((await openAlerts(t, inv.id)).map((a) => a.rule)).toEqual(['invoice_overdue']);

    t.clock.set('2026-03-11T07:00:00.000Z');
    await setWorkspaceZone(t.owner, 'Europe/Berlin');
    await scanAt(t, '2026-03-11T08:00:00.000Z');
    // Still unpaid and past due in any zone: an overdue alert for it must still be open.
    expect((await openAlerts(t, inv.id)).map((a) => a.rule)).toEqual(['invoice_overdue']);
  });
});

describe('invoice alert messages', () => {
  it('name the invoice, the brand, what is owed and how many days overdue', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await pay(t.owner, inv.id, { amountCents: 40_000, paidOn: '2026-03-01' });

    await scanAt(t, SOON);
    const soon = (await alertRows(t.db)).find((a) => a.rule === 'invoice_due_soon');
    expect(soon?.message).toContain(inv.number);
    expect(soon?.message).toContain('Acme');
    expect(soon?.message).toContain('$600.00');
    expect(soon?.message).toMatch(/due on Tuesday/);

    await scanAt(t, LATE);
    const late = (await alertRows(t.db)).find(
      (a) => a.rule === 'invoice_overdue' && a.dueAt === LATE,
    );
    expect(late?.message).toContain(`Invoice ${inv.number} for Acme`);
    expect(late?.message).toContain('$600.00');
    expect(late?.message).toMatch(/\b1 day overdue\b/);
    expect(late?.message).toMatch(/due yesterday/);

    // The 7-day reminder fires at 00:00 on the 17th, when the invoice itself says 7 days overdue.
    await scanAt(t, REMINDERS[0]!);
    expect((await t.owner.get(`/api/invoices/${inv.id}`)).body.daysOverdue).toBe(7);
    const week = (await alertRows(t.db)).find((a) => a.dueAt === REMINDERS[0]);
    expect(week?.message).toContain(inv.number);
    expect(week?.message).toMatch(/\b7 days overdue\b/);
    expect(week?.message).toMatch(/due on Tue, Mar 10/);
  });

  it('show in the alert inbox with the invoice as their subject, linking to its deal', async () => {
    const t = await apps.workspace();
    const inv = await sentInvoice(t);
    await scanAt(t, LATE);
    const alert = await theOnlyAlert(t, `subjectId=${inv.id}&rule=invoice_overdue`);
    expect(alert).toMatchObject({
      rule: 'invoice_overdue',
      subjectType: 'invoice',
      subjectId: inv.id,
      dueAt: LATE,
      subject: {
        title: `Invoice ${inv.number}`,
        brandName: 'Acme',
        href: `/deals/${t.deal.id}#invoice-${inv.id}`,
      },
    });
  });
});

describe('invoice alert e-mails through a real SMTP server', () => {
  const mailbox = useAlertEmail();

  it('mails every active owner and editor (nobody is assigned an invoice): not viewers or disabled users', async () => {
    const t = await apps.workspace();
    const editor = await addMember(t, { role: 'editor', email: 'ed@example.com' });
    await addMember(t, { role: 'viewer', email: 'vic@example.com' });
    await addMember(t, { role: 'editor', email: 'gone@example.com', disabled: true });
    const inv = await sentInvoice(t);
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });

    expect(await scanAt(t, LATE, true)).toMatchObject({ raised: 1 });
    const result = await mailbox.deliver(t.db, LATE);
    expect(result).toEqual({ sent: 2, retried: 0, failed: 0, cancelled: 0 });

    expect(mailbox.messages.flatMap((m) => m.envelopeTo).sort()).toEqual(
      [editor.email, 'owner@example.com'].sort(),
    );
    for (const { mail } of mailbox.messages) {
      expect(mail.subject).toContain(inv.number);
      expect(mail.subject).toContain('Acme');
      expect(mail.subject).toMatch(/\b1 day overdue\b/);
      expect(mail.text).toContain(`https://cal.example.com/deals/${t.deal.id}`);
    }

    // The 7-day reminder is a new alert and a new e-mail to the same people; a rerun sends nothing more.
    await scanAt(t, REMINDERS[0]!, true);
    await mailbox.deliver(t.db, REMINDERS[0]!);
    await mailbox.deliver(t.db, at(REMINDERS[0]!, DAY));
    expect(mailbox.messages).toHaveLength(4);
  });

  it('never tells a reader in another zone that an overdue invoice is 0 days overdue', async () => {
    const t = await apps.workspace();
    // At the end of the due day in the (UTC) workspace it is still 16:00 on the due day in Los Angeles.
    const la = await addMember(t, {
      role: 'editor',
      email: 'la@example.com',
      timeZone: 'America/Los_Angeles',
    });
    const inv = await sentInvoice(t);
    await patchSettings(t.owner, { leadTimes: { invoiceDueSoonDays: 0 } });
    await scanAt(t, LATE, true);
    await mailbox.deliver(t.db, LATE);

    const subjectFor = (email: string) =>
      mailbox.messages.find((m) => m.envelopeTo.includes(email))?.mail.subject ?? '';
    expect(subjectFor('owner@example.com')).toMatch(/\bis 1 day overdue\b/);
    expect(subjectFor(la.email)).toContain(inv.number);
    expect(subjectFor(la.email)).toMatch(/\bis [1-9]\d* days? overdue\b/);
    // The inbox, worded for the same reader, says the same.
    const inbox = await la.client.get(`/api/alerts?subjectId=${inv.id}`);
    expect(inbox.body.items[0]!.message).toMatch(/\bis [1-9]\d* days? overdue\b/);
  });
});
