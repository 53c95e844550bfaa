import { describe, expect, it } from 'vitest';
import { signInAs } from '../../support/app';
import { trackApps } from '../helpers';

const apps = trackApps();

describe('GET /api/users lastActiveAt', () => {
  it('still shows when a user was last active after they signed out', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    t.clock.set('2026-03-01T15:00:00.000Z');
    expect((await editor.client.get('/api/brands')).status).toBe(200);
    expect((await editor.client.post('/api/auth/logout')).status).toBe(204);
    const items = (await t.owner.get('/api/users')).body.items;
    expect(items.find((u) => u.id === editor.user.id)!.lastActiveAt).toBe(
      '2026-03-01T15:00:00.000Z',
    );
  });

  it('still shows when a disabled user was last active', async () => {
    const t = await apps.workspace();
    const editor = await signInAs(t, 'editor');
    t.clock.set('2026-03-01T15:00:00.000Z');
    expect((await editor.client.get('/api/brands')).status).toBe(200);
    const res = await t.owner.patch(`/api/users/${editor.user.id}`, {
      version: 1,
      disabled: true,
    });
    expect(res.body.lastActiveAt).toBe('2026-03-01T15:00:00.000Z');
  });
});

describe('GET /api/audit order', () => {
  it('lists entries written at the same instant newest first', async () => {
    const t = await apps.workspace();
    const ids: string[] = [];
    for (let i = 1; i <= 8; i++)
      ids.push((await t.owner.post('/api/brands', { name: `Brand ${i}` })).body.id);
    const items = (await t.owner.get('/api/audit?entityType=brand&limit=200')).body.items as Array<{
      entityId: string;
    }>;
    expect(items.map((e) => e.entityId)).toEqual([...ids].reverse().concat(t.brand.id));
  });
});
