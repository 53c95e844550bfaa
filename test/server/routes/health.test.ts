import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
afterEach(async () => t?.close());

describe('GET /api/health', () => {
  it('answers ok without a session', async () => {
    t = await createTestApp();
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
