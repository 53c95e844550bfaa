/**
 * The test client's URLs are typed against the app's routes (test/support/app.ts):
 * a renamed or misspelt route fails `npm run typecheck`, not a test run. Each
 * `@ts-expect-error` below fails the typecheck if the typing ever loosens.
 */
import { describe, expect, it } from 'vitest';
import type { RoutedUrl, TestClient } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();

const id = 'some-id';

describe('the typed test client', () => {
  it('accepts the routes the app declares, with params, queries and the pages outside /api', () => {
    const reads: RoutedUrl<'GET'>[] = [
      '/api/brands',
      `/api/deliverables/${id}`,
      `/api/invoices/${id}/pdf`,
      `/api/deliverables?from=2026-03-01&to=2026-04-01`,
      '/api/openapi.json',
      `/kit/${id}`,
      '/',
    ];
    const writes: RoutedUrl<'PATCH'>[] = [`/api/deliverables/${id}`, '/api/settings'];
    const heads: RoutedUrl<'HEAD'>[] = ['/kit/casey'];
    expect([...reads, ...writes, ...heads]).toHaveLength(10);
  });

  it('refuses a misspelt route, a route under a method it does not answer, and any string', () => {
    // @ts-expect-error: misspelt resource
    const misspelt: RoutedUrl<'GET'> = `/api/deliverablez/${id}`;
    // @ts-expect-error: no such sub-route
    const nested: RoutedUrl<'POST'> = `/api/deliverables/${id}/nothing`;
    // @ts-expect-error: the settings are read and patched, never posted
    const wrongMethod: RoutedUrl<'POST'> = '/api/settings';
    // @ts-expect-error: a plain string could be any path
    const anyString: RoutedUrl<'GET'> = String('/api/brands');
    expect([misspelt, nested, wrongMethod, anyString]).toHaveLength(4);

    const calls = (client: TestClient) => [
      // @ts-expect-error: get, post, patch, delete and request all take routed URLs only
      client.get('/api/brandz'),
      // @ts-expect-error: DELETE has no /api/settings route
      client.delete('/api/settings'),
      // @ts-expect-error: the method decides which URLs fit
      client.request('PUT', '/api/brands'),
      client.raw('PUT', '/api/brands'),
    ];
    expect(calls).toBeTypeOf('function');
  });

  it('sends what no route declares through raw, which the app answers 404', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.raw('GET', '/api/deliverablez'), 404, { code: 'not_found' });
    expect((await t.owner.get('/api/brands')).status).toBe(200);
  });
});
