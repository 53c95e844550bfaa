/**
 * The test client's URLs are typed against the app's routes (test/support/app.ts):
 * a renamed or misspelt route fails `npm run typecheck`, not a test run. Each
 * `@ts-expect-error` below fails the typecheck if the typing ever loosens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { call, send } from '../../e2e/browser';
import type { Answer, AnswerBody, RequestBody, SentBody } from '../../support/api-types';
import { type RoutedUrl, type TestClient, unchecked } from '../../support/app';
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

  it('types what a route answers, for the route the URL names, and what it takes', () => {
    type OneDeal = Answer<'GET', `/api/deals/${string}`>;
    const deal: Pick<OneDeal, 'title' | 'feeCents'> = { title: 'Launch', feeCents: 100_000 };
    // @ts-expect-error: a deal has no `name`: a renamed answer field fails here
    const renamed: OneDeal['name'] = 'Launch';
    // A static route wins over the :param route its URL also fits.
    const next: Answer<'GET', '/api/invoices/next-number'> = { number: 'INV-0001' };
    const listed: Answer<'GET', '/api/deals?status=pitched'>['items'] = [];
    // An error answer reads as the one error shape, with no cast.
    const refused: AnswerBody<OneDeal>['error']['code'] = 'not_found';
    const gone: AnswerBody<Answer<'DELETE', `/api/deals/${string}`>>['error']['code'] = 'conflict';

    type NewDeal = RequestBody<'POST', '/api/deals'>;
    const created: NewDeal = { brandId: id, title: 'Launch', feeCents: 100_000 };
    // @ts-expect-error: the route takes `feeCents`: a renamed body field fails here
    const misnamed: NewDeal = { brandId: id, title: 'Launch', fee: 100_000 };
    // @ts-expect-error: a body field of the wrong type fails too
    const mistyped: RequestBody<'PATCH', `/api/deals/${string}`> = { version: '1' };
    // `request` (a method held in a variable) answers as `get` does, headers or not.
    const viaRequest = (client: TestClient) =>
      client.request('GET', `/api/deals/${id}`, undefined, { headers: { 'x-test': '1' } });
    type ViaRequest = Awaited<ReturnType<typeof viaRequest>>['body'];
    const title: ViaRequest['title'] = 'Launch';
    // @ts-expect-error: a deal has no `name`, through `request` too
    const renamedViaRequest: ViaRequest['name'] = 'Launch';
    expect([deal, renamed, next, listed, refused, gone, created, misnamed, mistyped]).toHaveLength(
      9,
    );
    expect([title, renamedViaRequest, viaRequest]).toHaveLength(3);
  });

  it('finds the route of a URL with several params, and takes bad input only through unchecked', () => {
    type Confirmed = Answer<'POST', `/api/invoices/${string}/remittances/${string}/confirm`>;
    // @ts-expect-error: the answer is the invoice's, which has no `remittance` field
    const field: Confirmed['remittance'] = null;
    // Two routes, one param name each (`:id`, `:token`): the URL finds either by its method.
    const invite: Answer<'GET', `/api/invites/${string}`> | null = null;
    const bad: SentBody<'POST', '/api/deals'> = unchecked({ brandId: 1, fee: 'lots' });
    // @ts-expect-error: without unchecked, a body of the wrong shape fails
    const wrong: SentBody<'POST', '/api/deals'> = { brandId: 1, fee: 'lots' };
    expect([field, invite, bad, wrong]).toHaveLength(4);
  });

  it('sends what no route declares through raw, which the app answers 404', async () => {
    const t = await apps.workspace();
    expectApiError(await t.owner.raw('GET', '/api/deliverablez'), 404, { code: 'not_found' });
    expect((await t.owner.get('/api/brands')).status).toBe(200);
  });

  it("types the browser tests' calls from the page the same way", () => {
    const calls = async (inPage: typeof call, withStatus: typeof send, page: Page) => {
      const brand = await inPage(page, 'POST', '/api/brands', { name: 'Glow' });
      const deal = await inPage(page, 'POST', '/api/deals', { brandId: brand.id, title: 'Launch' });
      // @ts-expect-error: a deal has no `name`: a renamed answer field fails here
      const renamed: string = deal.name;
      // @ts-expect-error: the route takes `feeCents`: a renamed body field fails here
      await inPage(page, 'POST', '/api/deals', { brandId: brand.id, title: 'Launch', fee: 1 });
      // @ts-expect-error: misspelt route
      await inPage(page, 'GET', '/api/brandz');
      // @ts-expect-error: the settings are read and patched, never posted
      await withStatus(page, 'POST', '/api/settings', {});
      const me = await withStatus(page, 'GET', '/api/auth/me');
      // An error answer reads as the one error shape.
      const code: string | undefined = me.body.error?.code;
      return [renamed, me.body.email, code];
    };
    expect(calls).toBeTypeOf('function');
  });
});
