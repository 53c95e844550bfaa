import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICE_EMAIL, DEFAULT_REMINDERS } from '../../../shared/schemas/billing';
import { addUser, signInAs, unchecked } from '../../support/app';
import { dataSnapshot, expectApiError, expectRefused, trackApps } from '../helpers';

const apps = trackApps();

/** A new workspace's settings, as GET /api/settings answers them. */
const DEFAULT_SETTINGS = {
  name: 'My workspace',
  timeZone: 'UTC',
  currency: 'USD',
  leadTimes: {
    draftDueSoonHours: 48,
    publishDueSoonHours: 24,
    invoiceDueSoonDays: 3,
    usageRightsEndingDays: 14,
    reportDueDays: 7,
  },
  creator: {
    legalName: '',
    address: '',
    email: '',
    taxId: '',
    paymentInstructions: '',
    paymentLink: '',
  },
  defaultPaymentTermsDays: 30,
  invoiceReminders: DEFAULT_REMINDERS,
  invoiceEmail: DEFAULT_INVOICE_EMAIL,
  emailEnabled: false,
  version: 1,
  updatedAt: '2026-03-01T12:00:00.000Z',
};

describe('GET /api/settings', () => {
  it('answers the workspace defaults', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULT_SETTINGS);
  });

  it('may be read by a viewer', async () => {
    const t = await apps.workspace();
    const { client } = await signInAs(t, 'viewer');
    const res = await client.get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('USD');
  });
});

describe('PATCH /api/settings', () => {
  it('lets the owner change the given fields and bumps the version', async () => {
    const t = await apps.workspace();
    t.clock.advance(3_600_000);
    const res = await t.owner.patch('/api/settings', {
      version: 1,
      name: 'Studio Mia',
      timeZone: 'America/New_York',
      currency: 'EUR',
      leadTimes: { publishDueSoonHours: 12 },
      creator: { legalName: 'Mia Studio LLC', paymentInstructions: 'IBAN DE00 0000' },
      defaultPaymentTermsDays: 14,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...DEFAULT_SETTINGS,
      name: 'Studio Mia',
      timeZone: 'America/New_York',
      currency: 'EUR',
      leadTimes: { ...DEFAULT_SETTINGS.leadTimes, publishDueSoonHours: 12 },
      creator: {
        ...DEFAULT_SETTINGS.creator,
        legalName: 'Mia Studio LLC',
        paymentInstructions: 'IBAN DE00 0000',
      },
      defaultPaymentTermsDays: 14,
      version: 2,
      updatedAt: '2026-03-01T13:00:00.000Z',
    });
    expect((await t.owner.get('/api/settings')).body).toEqual(res.body);
  });

  it('keeps the reminder ladder, business hours, the invoice e-mail and the payment link', async () => {
    const t = await apps.workspace();
    const steps = [
      { offsetDays: 10, subject: 'Late: {{invoiceNumber}}', body: 'Please pay {{balance}}.' },
      { offsetDays: -2, subject: 'Soon: {{ invoiceNumber }}', body: 'Due {{dueOn}}.' },
    ];
    const res = await t.owner.patch('/api/settings', {
      version: 1,
      invoiceReminders: {
        steps,
        businessHours: { from: '08:30', to: '18:00', weekdays: [5, 1, 1, 2] },
      },
      invoiceEmail: { subject: 'Invoice {{invoiceNumber}}', body: 'Hello {{payerName}}' },
      creator: { paymentLink: 'https://paypal.me/mia' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.invoiceReminders).toEqual({
      enabled: true,
      // In the order of their days; weekdays sorted and once each.
      steps: [steps[1], steps[0]],
      businessHours: { from: '08:30', to: '18:00', weekdays: [1, 2, 5] },
    });
    expect(res.body.invoiceEmail).toEqual({
      subject: 'Invoice {{invoiceNumber}}',
      body: 'Hello {{payerName}}',
    });
    expect(res.body.creator.paymentLink).toBe('https://paypal.me/mia');
    // Turning the ladder off keeps its steps; null brings the built-in e-mail back.
    const off = await t.owner.patch('/api/settings', {
      version: 2,
      invoiceReminders: { enabled: false },
      invoiceEmail: null,
    });
    expect(off.body.invoiceReminders).toMatchObject({
      enabled: false,
      steps: [steps[1], steps[0]],
    });
    expect(off.body.invoiceEmail).toEqual(DEFAULT_INVOICE_EMAIL);
  });

  it('names what is wrong in a ladder or template, and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    expectApiError(
      await t.owner.patch('/api/settings', {
        version: 1,
        invoiceReminders: {
          steps: [
            { offsetDays: 3, subject: 'Hi {{brandname}}', body: 'x' },
            { offsetDays: 5, subject: 'Two\nlines', body: '{{balance}}' },
          ],
          businessHours: { from: '17:00', to: '09:00', weekdays: [8] },
        },
        invoiceEmail: { subject: '', body: 'Pay {{amount}}' },
        creator: { paymentLink: 'javascript:alert(1)' },
      }),
      400,
      {
        paths: [
          'invoiceReminders.steps.0.subject',
          'invoiceReminders.steps.1.subject',
          'invoiceReminders.businessHours.to',
          'invoiceReminders.businessHours.weekdays.0',
          'invoiceEmail.subject',
          'invoiceEmail.body',
          'creator.paymentLink',
        ],
      },
    );
    expectApiError(
      await t.owner.patch('/api/settings', {
        version: 1,
        invoiceReminders: { steps: [1, 2].map(() => ({ offsetDays: 7, subject: 'a', body: 'b' })) },
      }),
      400,
      { paths: ['invoiceReminders.steps'] },
    );
    expect(await dataSnapshot(t)).toEqual(before);
  });

  it('changes the effective time zone of users who follow the workspace', async () => {
    const t = await apps.workspace();
    await t.owner.patch('/api/settings', { version: 1, timeZone: 'Asia/Tokyo' });
    expect((await t.owner.get('/api/auth/me')).body.effectiveTimeZone).toBe('Asia/Tokyo');
  });

  it('returns 409 when the version is stale and writes nothing', async () => {
    const t = await apps.workspace();
    expect((await t.owner.patch('/api/settings', { version: 1, name: 'First' })).status).toBe(200);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch('/api/settings', { version: 1, name: 'Second' }),
    );
    expect((await t.owner.get('/api/settings')).body).toMatchObject({ name: 'First', version: 2 });
  });

  it('returns 409 for a version from the future', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.patch('/api/settings', { version: 5, name: 'X' }), 409);
  });

  it.each(['editor', 'viewer'] as const)(
    'returns 403 for an %s and writes nothing',
    async (role) => {
      const t = await apps.workspace();
      const { client } = await signInAs(t, role);
      await expectRefused(t, { status: 403, code: 'forbidden' }, () =>
        client.patch('/api/settings', { version: 1, currency: 'EUR' }),
      );
    },
  );

  it('returns 400 naming each bad field and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await t.owner.patch('/api/settings', {
      version: 1,
      name: '',
      timeZone: 'Mars/Olympus_Mons',
      currency: 'eur',
      leadTimes: { draftDueSoonHours: -1, publishDueSoonHours: 1.5, invoiceDueSoonDays: 1000 },
    });
    expectApiError(res, 400, {
      code: 'validation_failed',
      paths: [
        'name',
        'timeZone',
        'currency',
        'leadTimes.draftDueSoonHours',
        'leadTimes.publishDueSoonHours',
        'leadTimes.invoiceDueSoonDays',
      ],
    });
    expectApiError(await t.owner.patch('/api/settings', unchecked({ name: 'No version' })), 400, {
      paths: ['version'],
    });
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('GET /api/team', () => {
  it('lists active teammates with id, name, e-mail and role only', async () => {
    const t = await apps.workspace();
    const editor = await addUser(t, { role: 'editor', name: 'Eddie' });
    const gone = await addUser(t, { role: 'viewer', name: 'Gone' });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', gone.id).execute();
    const res = await t.owner.get('/api/team');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: expect.arrayContaining([
        { id: t.user.id, name: 'Olivia Owner', email: 'owner@example.com', role: 'owner' },
        { id: editor.id, name: 'Eddie', email: editor.email, role: 'editor' },
      ]),
    });
    expect(res.body.items).toHaveLength(2);
    expect(res.text).not.toMatch(/password|hash/i);
  });

  it('may be read by a viewer', async () => {
    const t = await apps.workspace();
    const { client } = await signInAs(t, 'viewer');
    const res = await client.get('/api/team');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
  });
});
