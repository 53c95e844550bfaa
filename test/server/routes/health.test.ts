import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, trackApps } from '../helpers';

const apps = trackApps();

describe('GET /api/health', () => {
  it('answers status ok with 200 without a session', async () => {
    const t = await apps.app();
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('answers ok with a session too', async () => {
    const t = await apps.workspace();
    const res = await t.owner.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  it('answers 503, not 200 or 500, when the database does not answer', async () => {
    const t = await apps.app();
    // Use the connection first: destroying a Kysely instance that never ran a query closes nothing.
    await t.db.selectFrom('users').select('id').execute();
    await t.db.destroy();
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.status).not.toBe('ok');
    expectNoStackTrace(res);
  });
});
