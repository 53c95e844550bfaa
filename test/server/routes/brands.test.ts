import { describe, expect, it } from 'vitest';
import {
  dataSnapshot,
  expectApiError,
  expectRefused,
  rowCounts,
  trackApps,
  UTC_INSTANT,
} from '../helpers';
import { unchecked } from '../../support/app';

const apps = trackApps();

const CREATED_AT = '2026-03-01T12:00:00.000Z';

describe('POST /api/brands', () => {
  it('creates a brand and answers it with every field', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const res = await owner.post('/api/brands', {
      name: '  Glow Skincare ',
      website: 'https://glow.example',
      category: 'beauty',
      stage: 'partner',
      nextFollowUpOn: '2026-03-10',
      notes: 'Tag @glowskin',
      contacts: [
        { name: 'Maya Chen', email: 'Maya@Glow.example', role: 'Influencer manager' },
        { name: 'Raj' },
        { name: 'Accounts', email: 'ap@glow.example', billing: true },
      ],
      invoiceReminders: {
        enabled: true,
        steps: [
          { offsetDays: 7, subject: 'Late: {{invoiceNumber}}', body: 'Please pay {{balance}}.' },
          { offsetDays: 0, subject: 'Due today: {{invoiceNumber}}', body: 'Due {{dueOn}}.' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Glow Skincare',
      website: 'https://glow.example',
      category: 'beauty',
      stage: 'partner',
      nextFollowUpOn: '2026-03-10',
      notes: 'Tag @glowskin',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      contacts: [
        {
          name: 'Maya Chen',
          email: 'maya@glow.example',
          role: 'Influencer manager',
          billing: false,
        },
        { name: 'Raj', email: null, role: null, billing: false },
        { name: 'Accounts', email: 'ap@glow.example', role: null, billing: true },
      ],
      // The ladder's steps in the order of their days.
      invoiceReminders: {
        enabled: true,
        steps: [
          { offsetDays: 0, subject: 'Due today: {{invoiceNumber}}', body: 'Due {{dueOn}}.' },
          { offsetDays: 7, subject: 'Late: {{invoiceNumber}}', body: 'Please pay {{balance}}.' },
        ],
      },
      dealCount: 0,
      lastContactedOn: null,
      version: 1,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
    expect((await owner.get(`/api/brands/${res.body.id}`)).body).toEqual(res.body);
  });

  it('fills defaults for a brand given only a name', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const res = await owner.post('/api/brands', { name: 'Globex' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Globex',
      website: null,
      category: null,
      stage: 'prospect',
      nextFollowUpOn: null,
      notes: '',
      contacts: [],
      invoiceReminders: null,
      version: 1,
    });
    expect(typeof res.body.id).toBe('string');
    expect(res.body.createdAt).toMatch(UTC_INSTANT);
  });

  it('returns 400 naming each bad field and writes nothing', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const refusal = {
      status: 400,
      code: 'validation_failed',
      paths: [
        'name',
        'website',
        'stage',
        'nextFollowUpOn',
        'color',
        'contacts.1.name',
        'contacts.1.email',
      ],
    };
    await expectRefused(t, refusal, () =>
      owner.post(
        '/api/brands',
        unchecked({
          name: 42,
          website: 'ftp://files.example',
          stage: 'famous',
          nextFollowUpOn: '2026-02-30',
          color: 'blue',
          contacts: [{ name: 'Ok' }, { name: '', email: 'not-an-email' }],
        }),
      ),
    );
  });

  it('returns 400 naming the missing name', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    expectApiError(await owner.post('/api/brands', unchecked({})), 400, { paths: ['name'] });
    expectApiError(await owner.post('/api/brands', { name: '   ' }), 400, { paths: ['name'] });
    expect((await rowCounts(t)).brands).toBe(0);
  });

  it('returns 400 for more than 50 contacts or an over-long name', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    const contacts = Array.from({ length: 51 }, (_, i) => ({ name: `Contact ${i}` }));
    expectApiError(await owner.post('/api/brands', { name: 'Crowded', contacts }), 400, {
      paths: ['contacts'],
    });
    expectApiError(await owner.post('/api/brands', { name: 'x'.repeat(201) }), 400, {
      paths: ['name'],
    });
    expect((await rowCounts(t)).brands).toBe(0);
  });

  it('returns 400 for a follow-up date that is not a day', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    for (const nextFollowUpOn of ['2026-3-1', '2026-03-01T10:00:00Z', '01/03/2026', 20260301]) {
      expectApiError(
        await owner.post('/api/brands', unchecked({ name: 'X', nextFollowUpOn })),
        400,
        {
          paths: ['nextFollowUpOn'],
        },
      );
    }
  });
});

describe('GET /api/brands', () => {
  it('lists brands as {items} sorted by name, with their contacts and deal counts', async () => {
    const t = await apps.workspace();
    await t.owner.post('/api/brands', { name: 'Zeta', contacts: [{ name: 'Zoe' }] });
    await t.owner.post('/api/brands', { name: 'Beta' });
    const res = await t.owner.get('/api/brands');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    expect(res.body.items.map((b: { name: string }) => b.name)).toEqual(['Acme', 'Beta', 'Zeta']);
    const acme = res.body.items[0];
    expect(acme!.dealCount).toBe(1);
    expect(res.body.items[2]!.contacts).toEqual([
      { name: 'Zoe', email: null, role: null, billing: false },
    ]);
  });

  it('answers an empty list on an empty workspace', async () => {
    const t = await apps.app();
    const owner = t.client();
    await owner.setupOwner();
    expect((await owner.get('/api/brands')).body).toEqual({ items: [] });
  });

  it('filters by stage and by a name search', async () => {
    const t = await apps.workspace();
    await t.owner.post('/api/brands', { name: 'Northwind Coffee', stage: 'partner' });
    await t.owner.post('/api/brands', { name: 'North Face', stage: 'pitched' });
    const byStage = await t.owner.get('/api/brands?stage=partner');
    expect(byStage.body.items.map((b: { name: string }) => b.name)).toEqual(['Northwind Coffee']);
    const byName = await t.owner.get('/api/brands?q=NORTH');
    expect(byName.body.items.map((b: { name: string }) => b.name)).toEqual([
      'North Face',
      'Northwind Coffee',
    ]);
    const wildcard = await t.owner.get('/api/brands?q=%25');
    expect(wildcard.body.items).toEqual([]);
  });
});

describe('GET /api/brands/:id', () => {
  it('answers the brand', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get(`/api/brands/${t.brand.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.brand.id,
      name: 'Acme',
      category: 'tech',
      dealCount: 1,
    });
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.get('/api/brands/no-such-brand'), 404, { code: 'not_found' });
  });
});

describe('PATCH /api/brands/:id', () => {
  it('changes the given fields, bumps the version and keeps the rest', async () => {
    const t = await apps.workspace();
    t.clock.advance(60_000);
    const res = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 1,
      stage: 'negotiating',
      website: 'https://acme.example',
      contacts: [{ name: 'Wile E.', email: 'wile@acme.example', role: 'Buyer' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: t.brand.id,
      name: 'Acme',
      category: 'tech',
      stage: 'negotiating',
      website: 'https://acme.example',
      contacts: [{ name: 'Wile E.', email: 'wile@acme.example', role: 'Buyer' }],
      version: 2,
      createdAt: CREATED_AT,
      updatedAt: '2026-03-01T12:01:00.000Z',
    });
    expect((await t.owner.get(`/api/brands/${t.brand.id}`)).body).toEqual(res.body);
  });

  it('sets billing contacts and its own reminder ladder, and clears the ladder with null', async () => {
    const t = await apps.workspace();
    const ladder = {
      enabled: false,
      steps: [{ offsetDays: -2, subject: 'Soon: {{invoiceNumber}}', body: 'Due {{dueOn}}.' }],
    };
    const res = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 1,
      contacts: [
        { name: 'Wile E.', email: 'wile@acme.example' },
        { name: 'Payables', email: 'ap@acme.example', billing: true },
      ],
      invoiceReminders: ladder,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.contacts).toEqual([
      { name: 'Wile E.', email: 'wile@acme.example', role: null, billing: false },
      { name: 'Payables', email: 'ap@acme.example', role: null, billing: true },
    ]);
    expect(res.body.invoiceReminders).toEqual(ladder);
    expect((await t.owner.get(`/api/brands/${t.brand.id}`)).body).toEqual(res.body);

    // Leaving the ladder out keeps it; null hands the brand back to the workspace's.
    const renamed = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 2,
      name: 'Acme Co',
    });
    expect(renamed.body.invoiceReminders).toEqual(ladder);
    const cleared = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 3,
      invoiceReminders: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.invoiceReminders).toBeNull();
    expect(cleared.body.contacts[1]!.billing).toBe(true);
  });

  it('returns 400 naming a bad billing flag or reminder step, and writes nothing', async () => {
    const t = await apps.workspace();
    const refusal = {
      status: 400,
      code: 'validation_failed',
      paths: ['contacts.0.billing', 'invoiceReminders.steps.0.subject'],
    };
    await expectRefused(t, refusal, () =>
      t.owner.patch(
        `/api/brands/${t.brand.id}`,
        unchecked({
          version: 1,
          contacts: [{ name: 'A', billing: 'yes' }],
          invoiceReminders: { enabled: true, steps: [{ offsetDays: 1, subject: '', body: 'x' }] },
        }),
      ),
    );
  });

  it('clears nullable fields with null and contacts with []', async () => {
    const t = await apps.workspace();
    await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 1,
      contacts: [{ name: 'A' }],
      nextFollowUpOn: '2026-04-01',
    });
    const res = await t.owner.patch(`/api/brands/${t.brand.id}`, {
      version: 2,
      category: null,
      nextFollowUpOn: null,
      contacts: [],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      category: null,
      nextFollowUpOn: null,
      contacts: [],
      version: 3,
    });
  });

  it('returns 409 when the version is stale and writes nothing', async () => {
    const t = await apps.workspace();
    expect(
      (await t.owner.patch(`/api/brands/${t.brand.id}`, { version: 1, name: 'First' })).status,
    ).toBe(200);
    await expectRefused(t, { status: 409, code: 'version_conflict' }, () =>
      t.owner.patch(`/api/brands/${t.brand.id}`, {
        version: 1,
        name: 'Second',
        contacts: [],
      }),
    );
    expect((await t.owner.get(`/api/brands/${t.brand.id}`)).body).toMatchObject({
      name: 'First',
      version: 2,
    });
  });

  it('returns 409 for a version from the future', async () => {
    const t = await apps.workspace();
    expectApiError(
      await t.owner.patch(`/api/brands/${t.brand.id}`, { version: 7, name: 'X' }),
      409,
    );
  });

  it('returns 404 for an unknown id', async () => {
    const t = await apps.workspace();
    expectApiError(
      await t.owner.patch('/api/brands/no-such-brand', { version: 1, name: 'X' }),
      404,
      {
        code: 'not_found',
      },
    );
  });

  it('returns 400 naming a missing version and each bad field, and writes nothing', async () => {
    const t = await apps.workspace();
    const before = await dataSnapshot(t);
    const res = await t.owner.patch(
      `/api/brands/${t.brand.id}`,
      unchecked({
        name: '',
        stage: 'best',
        website: 'nope',
      }),
    );
    expectApiError(res, 400, {
      code: 'validation_failed',
      paths: ['version', 'name', 'stage', 'website'],
    });
    for (const version of ['1', 0, -1, 1.5, null]) {
      expectApiError(
        await t.owner.patch(`/api/brands/${t.brand.id}`, unchecked({ version, name: 'X' })),
        400,
        {
          paths: ['version'],
        },
      );
    }
    expect(await dataSnapshot(t)).toEqual(before);
  });
});

describe('DELETE /api/brands/:id', () => {
  it('deletes a brand without deals, with its contacts', async () => {
    const t = await apps.workspace();
    const brand = (await t.owner.post('/api/brands', { name: 'Solo', contacts: [{ name: 'Sam' }] }))
      .body;
    const res = await t.owner.delete(`/api/brands/${brand.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectApiError(await t.owner.get(`/api/brands/${brand.id}`), 404);
    const contacts = await t.db
      .selectFrom('brandContacts')
      .select('id')
      .where('brandId', '=', brand.id)
      .execute();
    expect(contacts).toEqual([]);
  });

  it('returns 409 mentioning deals while the brand has deals, and keeps it', async () => {
    const t = await apps.workspace();
    await expectRefused(t, { status: 409, message: /deal/i }, () =>
      t.owner.delete(`/api/brands/${t.brand.id}`),
    );
  });

  it('deletes the brand once its deals are gone', async () => {
    const t = await apps.workspace();
    expect((await t.owner.delete(`/api/deals/${t.deal.id}`)).status).toBe(204);
    expect((await t.owner.delete(`/api/brands/${t.brand.id}`)).status).toBe(204);
  });

  it('returns 404 for an unknown id, also the second time', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.delete('/api/brands/no-such-brand'), 404, { code: 'not_found' });
    const brand = (await t.owner.post('/api/brands', { name: 'Once' })).body;
    expect((await t.owner.delete(`/api/brands/${brand.id}`)).status).toBe(204);
    expectApiError(await t.owner.delete(`/api/brands/${brand.id}`), 404);
  });
});
