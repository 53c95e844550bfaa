import { describe, expect, it } from 'vitest';
import { unchecked } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

describe('GET/PUT /api/me/preferences', () => {
  it('answers the caller’s alert e-mail switch and own time zone, and changes only what is sent', async () => {
    const t = await apps.workspace();
    expect((await t.owner.get('/api/me/preferences')).body).toEqual({
      emailAlerts: true,
      timeZone: null,
      emailConfigured: false,
    });

    const zoned = await t.owner.put('/api/me/preferences', {
      timeZone: 'America/New_York',
    });
    expect(zoned.status).toBe(200);
    expect(zoned.body).toEqual({
      emailAlerts: true,
      timeZone: 'America/New_York',
      emailConfigured: false,
    });
    const me = await t.owner.get('/api/auth/me');
    expect(me.body).toMatchObject({
      timeZone: 'America/New_York',
      effectiveTimeZone: 'America/New_York',
    });

    const back = await t.owner.put('/api/me/preferences', {
      timeZone: null,
      emailAlerts: false,
    });
    expect(back.body).toEqual({ emailAlerts: false, timeZone: null, emailConfigured: false });
    expect((await t.owner.get('/api/auth/me')).body).toMatchObject({
      timeZone: null,
      effectiveTimeZone: 'UTC',
    });
  });

  it('returns 400 naming a zone that does not exist and changes nothing', async () => {
    const t = await apps.workspace();
    const res = await t.owner.put(
      '/api/me/preferences',
      unchecked({ timeZone: 'Mars/Olympus', emailAlerts: 'no' }),
    );
    expectApiError(res, 400, { code: 'validation_failed', paths: ['timeZone', 'emailAlerts'] });
    expect((await t.owner.get('/api/me/preferences')).body).toEqual({
      emailAlerts: true,
      timeZone: null,
      emailConfigured: false,
    });
  });

  it('needs a session', async () => {
    const t = await apps.app();
    expectApiError(await t.client().get('/api/me/preferences'), 401);
    expectApiError(await t.client().put('/api/me/preferences', { emailAlerts: false }), 401);
  });
});
