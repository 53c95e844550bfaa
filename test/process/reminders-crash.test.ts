import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { insertBrand } from '../../server/db/queries/brands';
import { insertDeal } from '../../server/db/queries/deals';
import { insertInvoice } from '../../server/db/queries/invoices';
import { getSettings, updateSettings } from '../../server/db/queries/settings';
import { addDays, todayIn } from '../../shared/days';
import { countBy, useProcessScope, EVERY_SECOND, waitFor } from './support';

const scope = useProcessScope();

const INVOICES = 40;
/** Every hour of every day: the test must not depend on when it runs. */
const ALWAYS_OPEN = { from: '00:00', to: '23:59', weekdays: [1, 2, 3, 4, 5, 6, 7] };

/**
 * A real server that sends reminders to a real SMTP server every second, a
 * short claim lease (so what the killed server held is retried within the
 * test), and one link secret across restarts.
 */
const SERVER_ENV = {
  ALERT_CRON: EVERY_SECOND,
  ALERT_DELIVERY_LEASE_SECONDS: '2',
  APP_SECRET: 'a test secret that is at least thirty-two characters long',
};

/** Sent, unpaid invoices that fell due yesterday: the due-day step is the latest that came for each. */
async function seedDueInvoices() {
  const handle = scope().openDb();
  await migrateToLatest(handle.db);
  const now = new Date();
  const settings = await getSettings(handle.db, now);
  await updateSettings(
    handle.db,
    { version: settings.version, invoiceReminders: { businessHours: ALWAYS_OPEN } },
    now,
  );
  const today = todayIn(now, settings.timeZone);
  const brand = await insertBrand(handle.db, { name: 'Acme Outdoor' }, now);
  const deal = await insertDeal(
    handle.db,
    { brandId: brand.id, title: 'Spring campaign' },
    { currency: 'USD' },
    now,
  );
  const ids: string[] = [];
  for (let i = 0; i < INVOICES; i++) {
    ids.push(
      await insertInvoice(
        handle.db,
        {
          dealId: deal.id,
          amountCents: 10_000 + i,
          issuedOn: addDays(today, -31),
          dueOn: addDays(today, -1),
          status: 'sent',
          payer: { name: `Payer ${i}`, emails: [`ap${i}@payer.example`], address: '', taxId: '' },
        },
        { today, paymentTermsDays: 30 },
        now,
      ),
    );
  }
  // They went out weeks ago (not within the last 24 hours, which would skip the step).
  await handle.db
    .updateTable('invoices')
    .set({ sentAt: new Date(now.getTime() - 30 * 24 * 3_600_000).toISOString() })
    .execute();
  return { handle, ids };
}

/** Waits until the file records every seeded invoice's reminder as sent. */
async function waitForEveryReminderSent(handle: DatabaseHandle, when = ''): Promise<void> {
  await waitFor(
    `every reminder sent${when ? ` ${when}` : ''}`,
    async () => {
      const rows = await handle.db
        .selectFrom('invoiceReminders')
        .select('status')
        .where('status', '=', 'sent')
        .execute();
      return rows.length === INVOICES;
    },
    { intervalMs: 250 },
  );
}

describe('reminders to payers, server killed with SIGKILL while sending (real processes, real SMTP)', () => {
  it('sends each (invoice, step) once: only the one in flight at the kill may arrive twice, with the same Message-ID', async () => {
    const mail = await scope().mailReceiver();
    const { handle, ids } = await seedDueInvoices();
    const expected = ids.map((id) => `<reminder-${id}-0@localhost.localdomain>`).sort();

    const crashing = await scope().start({ ...SERVER_ENV, SMTP_URL: mail.url });
    await waitFor('10 reminders at the SMTP server', () => mail.received.length >= 10, {
      intervalMs: 1,
    });
    await crashing.stop('SIGKILL');
    expect(crashing.process.signalCode).toBe('SIGKILL');

    const atKill = await handle.db.selectFrom('invoiceReminders').selectAll().execute();
    const receivedAtKill = new Set(mail.received.map((m) => m.messageId));
    const recordedAtKill = new Set(
      atKill.filter((r) => r.status === 'sent').map((r) => r.messageId),
    );
    expect(receivedAtKill.size, 'the kill came after every reminder was sent').toBeLessThan(
      INVOICES,
    );
    // At the SMTP server, but the killed server never recorded it: the only ones a retry repeats.
    const inFlight = [...receivedAtKill].filter((id) => !recordedAtKill.has(id));

    const restarted = await scope().start({ ...SERVER_ENV, SMTP_URL: mail.url });
    await waitForEveryReminderSent(handle, 'after the restart');
    await restarted.stop('SIGTERM');
    expect(restarted.process.exitCode, scope().logs()).toBe(0);

    const rows = await handle.db.selectFrom('invoiceReminders').selectAll().execute();
    expect(rows).toHaveLength(INVOICES);
    expect(rows.every((r) => r.stepOffsetDays === 0 && r.status === 'sent')).toBe(true);
    const counts = countBy(mail.received.map((m) => m.messageId));
    expect([...counts.keys()].sort()).toEqual(expected);
    const duplicates = mail.received.length - counts.size;
    console.log(
      `reminders, SIGKILL while sending: ${receivedAtKill.size}/${INVOICES} received before the kill, ` +
        `${inFlight.length} in flight, ${duplicates} duplicate e-mail(s)`,
    );
    expect(duplicates).toBe(inFlight.length);
    // One server sends one reminder at a time.
    expect(duplicates).toBeLessThanOrEqual(1);
    // Each went to its own payer.
    for (const received of mail.received) {
      const invoiceId = /^<reminder-(.+)-0@/.exec(received.messageId)![1]!;
      expect(received.to).toEqual([`ap${ids.indexOf(invoiceId)}@payer.example`]);
    }
    // And each is on its invoice's timeline once.
    const events = await handle.db
      .selectFrom('invoiceEvents')
      .select('invoiceId')
      .where('type', '=', 'reminder')
      .execute();
    expect(countBy(events.map((e) => e.invoiceId))).toEqual(new Map(ids.map((id) => [id, 1])));
  });

  it('two servers on one database send each reminder exactly once between them', async () => {
    const mail = await scope().mailReceiver();
    const { handle, ids } = await seedDueInvoices();
    // Nothing crashes here, so the lease outlasts any send on a loaded machine: a claim that
    // ran out mid-send is taken over by design (at least once, same Message-ID), and a 2 s
    // lease did run out once under load, sending one reminder twice.
    const env = { ...SERVER_ENV, ALERT_DELIVERY_LEASE_SECONDS: '120', SMTP_URL: mail.url };
    const servers = await Promise.all([scope().start(env), scope().start(env)]);
    await waitForEveryReminderSent(handle);
    await Promise.all(servers.map((s) => s.stop('SIGTERM')));
    const counts = countBy(mail.received.map((m) => m.messageId));
    expect([...counts.keys()].sort()).toEqual(
      ids.map((id) => `<reminder-${id}-0@localhost.localdomain>`).sort(),
    );
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(mail.received).toHaveLength(INVOICES);
  });
});
