import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useSmtpMailer } from '../../support/alerts';
import { addUser, type TestClient } from '../../support/app';
import { expectApiError, trackApps } from '../helpers';

const apps = trackApps();
const smtp = useSmtpMailer();

type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

const RATE_CARD = [
  { platform: 'instagram', format: 'reel', priceCents: 250_000, currency: 'USD' },
  { platform: 'tiktok', format: 'video', priceCents: 120_000, currency: 'USD' },
] as const;

interface KitOptions {
  enabled?: boolean;
  requiredFields?: string[];
}

/** A workspace whose kit is published at `casey` with the request form on (unless told). */
async function workspaceWithForm(options: KitOptions & { mail?: boolean } = {}) {
  const t = await apps.workspace(options.mail ? { mailer: smtp.mailer } : {});
  const res = await t.owner.patch('/api/kit', {
    version: 1,
    slug: 'casey',
    displayName: 'Casey Creator',
    contactEmail: 'hello@casey.example',
    rateCard: [...RATE_CARD],
    published: true,
    requestForm: {
      enabled: options.enabled ?? true,
      requiredFields: (options.requiredFields ?? []) as never,
      declineTemplate: 'Dear {{name}} of {{company}}, not this time. — {{creator}}',
    },
  });
  expect(res.status, res.text).toBe(200);
  return t;
}

/** The hidden token of the form page (as a browser would carry it). */
async function formToken(client: TestClient, slug = 'casey'): Promise<string> {
  const page = await client.raw('GET', `/kit/${slug}/request`);
  expect(page.status).toBe(200);
  const match = /name="token" value="([^"]+)"/.exec(page.text);
  expect(match, 'the form carries a token').not.toBeNull();
  return match![1]!;
}

const VALID = {
  company: 'Glow Skincare',
  name: 'Gina Glow',
  email: 'gina@glow.example',
  website: 'https://glow.example',
  qty_0: '2',
  qty_1: '0',
  want: '',
  budget: '5000',
  budgetMax: '',
  currency: 'USD',
  datesFrom: '2026-04-01',
  datesTo: '2026-04-11',
  usageRights: 'Paid social for 30 days',
  exclusivity: 'No other skincare for 60 days',
  message: 'We love your reviews.',
};

/** Posts the HTML form as a browser does, `after` ms after the page was handed out. */
async function postForm(
  t: Workspace,
  fields: Record<string, string>,
  { after = 5_000, token }: { after?: number; token?: string } = {},
) {
  const client = t.client();
  const handedOut = token ?? (await formToken(client));
  t.clock.advance(after);
  const body = new URLSearchParams({ token: handedOut, homepage: '', ...fields }).toString();
  return client.raw('POST', '/kit/casey/request', body, {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

async function storedRequests(t: Workspace) {
  return t.db.selectFrom('brandRequests').selectAll().execute();
}

async function newRequest(t: Workspace, fields: Record<string, string> = {}) {
  const res = await postForm(t, { ...VALID, ...fields });
  expect(res.status, res.text.slice(0, 500)).toBe(303);
  const list = await t.owner.get('/api/requests?state=new');
  return list.body.items[0] as { id: string };
}

describe('GET /kit/:slug/request', () => {
  it('serves the form without script, under the CSP, with the rate card to pick from', async () => {
    const t = await workspaceWithForm();
    const res = await t.client().raw('GET', '/kit/casey/request');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('action="/kit/casey/request"');
    expect(res.text).toContain('Instagram reel');
    expect(res.text).toContain('$2,500');
    for (const name of ['company', 'name', 'email', 'budget', 'datesFrom', 'message', 'homepage'])
      expect(res.text).toContain(`name="${name}"`);
  });

  it('answers the same 404 for a form that is off, an unknown slug and an unpublished kit', async () => {
    const t = await workspaceWithForm({ enabled: false });
    const off = await t.client().raw('GET', '/kit/casey/request');
    const unknown = await t.client().raw('GET', '/kit/nobody/request');
    expect(off.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(off.text).toBe(unknown.text);
    const posted = await t.client().raw('POST', '/kit/casey/request', 'company=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(posted.status).toBe(404);
    expect(posted.text).toBe(unknown.text);
    const json = await t.client().get('/api/kit/casey/request-form');
    expectApiError(json, 404);
  });

  it('links "Send a request" from the kit page only while the form is on', async () => {
    const t = await workspaceWithForm();
    const on = await t.client().raw('GET', '/kit/casey');
    expect(on.text).toContain('href="/kit/casey/request"');
    const kit = await t.owner.get('/api/kit');
    await t.owner.patch('/api/kit', {
      version: kit.body.version,
      requestForm: { ...kit.body.requestForm, enabled: false },
    });
    const off = await t.client().raw('GET', '/kit/casey');
    expect(off.status).toBe(200);
    expect(off.text).not.toContain('/kit/casey/request');
  });

  it('shows nothing of the workspace beyond the creator and the rate card', async () => {
    const t = await workspaceWithForm();
    const viewer = await addUser(t, { role: 'viewer', email: 'vera.viewer@team.example' });
    const html = (await t.client().raw('GET', '/kit/casey/request')).text;
    const json = (await t.client().get('/api/kit/casey/request-form')).text;
    for (const text of [html, json]) {
      // Another deal's fee (100,000 cents), another brand, the team's e-mails.
      expect(text).not.toMatch(/1,000|100000/);
      expect(text).not.toContain(t.brand.name);
      expect(text).not.toContain(t.deal.title);
      expect(text).not.toContain(t.user.email);
      expect(text).not.toContain(viewer.email);
    }
  });
});

describe('POST /kit/:slug/request', () => {
  it('stores the request, alerts the team and sends the brand to the thank-you page', async () => {
    const t = await workspaceWithForm();
    const hook = await t.owner.post('/api/channels', {
      type: 'json',
      name: 'Ops',
      url: 'http://127.0.0.1:9/hook',
    });
    expect(hook.status, hook.text).toBe(201);
    const res = await postForm(t, VALID);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/kit/casey/request/thanks');
    const thanks = await t.client().raw('GET', '/kit/casey/request/thanks');
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('Thank you');

    const [row] = await storedRequests(t);
    expect(row).toMatchObject({ company: 'Glow Skincare', email: 'gina@glow.example' });
    expect(row!.ipHash).not.toContain('unknown');
    const list = await t.owner.get('/api/requests');
    expect(list.body.counts).toEqual({ new: 1, accepted: 0, declined: 0, spam: 0 });
    expect(list.body.items[0]).toMatchObject({
      status: 'new',
      budgetCents: 500_000,
      currency: 'USD',
      datesFrom: '2026-04-01',
      datesTo: '2026-04-11',
      items: [
        {
          rateCardIndex: 0,
          platform: 'instagram',
          format: 'reel',
          description: 'Instagram reel',
          quantity: 2,
          unitCents: 250_000,
          currency: 'USD',
        },
      ],
    });
    const alerts = await t.owner.get('/api/alerts?rule=request_received');
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0]).toMatchObject({
      subjectType: 'request',
      subjectId: list.body.items[0]!.id,
    });
    expect(alerts.body.items[0]!.message).toContain('Glow Skincare');
    // The usual channels: a webhook delivery is queued with the alert.
    const deliveries = await t.db
      .selectFrom('deliveries')
      .select(['channelType', 'status'])
      .where('alertId', '=', alerts.body.items[0]!.id)
      .execute();
    expect(deliveries).toEqual([{ channelType: 'webhook', status: 'pending' }]);
  });

  it('answers 400 with each message beside its field and the values kept, storing nothing', async () => {
    const t = await workspaceWithForm();
    const res = await postForm(t, {
      ...VALID,
      company: '',
      email: 'not-an-address',
      budget: 'lots',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toMatch(/id="company-error">\s*Required/);
    expect(res.text).toMatch(/id="email-error">\s*Expected an e-mail address/);
    expect(res.text).toMatch(/id="budget-error">/);
    expect(res.text).toMatch(/id="email"[^>]*aria-invalid="true"/);
    expect(res.text).toContain('value="Gina Glow"');
    expect(res.text).toContain('We love your reviews.');
    expect(res.text).not.toMatch(/<script/i);
    expect(await storedRequests(t)).toEqual([]);
  });

  it('refuses more than three links in the message, naming the message', async () => {
    const t = await workspaceWithForm();
    const message = 'see https://a.example https://b.example www.c.example http://d.example';
    const res = await postForm(t, { ...VALID, message });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="message-error">\s*At most 3 links/);
    const json = await t.client().post('/api/kit/casey/requests', {
      company: 'X',
      name: 'Y',
      email: 'y@x.example',
      message,
    });
    expectApiError(json, 400, { paths: ['message'] });
    expect(await storedRequests(t)).toEqual([]);
  });

  it('asks for the fields the owner made required', async () => {
    const t = await workspaceWithForm({ requiredFields: ['budget', 'dates', 'items'] });
    const page = await t.client().raw('GET', '/kit/casey/request');
    expect(page.text).toMatch(/id="budget" name="budget"\s+required/);
    const res = await postForm(t, {
      ...VALID,
      budget: '',
      datesFrom: '',
      datesTo: '',
      qty_0: '0',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="budget-error">\s*Required/);
    expect(res.text).toMatch(/id="datesFrom-error">\s*Required/);
    expect(res.text).toMatch(/id="items-error">\s*Pick at least one item/);
    expect(await storedRequests(t)).toEqual([]);
  });

  it('answers 413 to a body over 32 KB', async () => {
    const t = await workspaceWithForm();
    const res = await postForm(t, { ...VALID, message: 'x'.repeat(33 * 1024) });
    expect(res.status).toBe(413);
    expect(res.text).not.toContain('xxxx');
    expect(await storedRequests(t)).toEqual([]);
  });

  it('thanks a filled honeypot, a form sent too fast and a forged token, storing nothing', async () => {
    const t = await workspaceWithForm();
    const honeypot = await postForm(t, { ...VALID, homepage: 'https://spam.example' });
    const tooFast = await postForm(t, VALID, { after: 500 });
    const forged = await postForm(t, VALID, { token: 'lx0abc.forged' });
    for (const res of [honeypot, tooFast, forged]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/kit/casey/request/thanks');
    }
    expect(await storedRequests(t)).toEqual([]);
    expect((await t.owner.get('/api/alerts?rule=request_received')).body.items).toEqual([]);
  });

  it('tells a person who sends at once what is missing, and takes a quick fix after it', async () => {
    const t = await workspaceWithForm({ requiredFields: ['message'] });
    // Two seconds after it was handed out, without the message the owner asks for: the
    // fields, not a silent "thanks".
    const incomplete = await postForm(t, { ...VALID, message: '' }, { after: 2_000 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toMatch(/id="message-error">\s*Required/);
    // The page handed back keeps the first hand-out's time: a fix a second and a half
    // later is 3.5 s after it, which a person can do.
    const again = /name="token" value="([^"]+)"/.exec(incomplete.text)![1]!;
    const fixed = await postForm(t, VALID, { after: 1_500, token: again });
    expect(fixed.status).toBe(303);
    expect(await storedRequests(t)).toHaveLength(1);
  });

  it('gives a form left open for days back with a fresh token (400 naming it)', async () => {
    const t = await workspaceWithForm();
    const res = await postForm(t, VALID, { after: 3 * 24 * 60 * 60 * 1000 });
    expect(res.status).toBe(400);
    expect(res.text).toContain('open too long');
    expect(await storedRequests(t)).toEqual([]);
  });

  it('takes three requests a day from one e-mail, then answers 429 with Retry-After', async () => {
    const t = await workspaceWithForm();
    for (let i = 0; i < 3; i++) expect((await postForm(t, VALID)).status).toBe(303);
    const fourth = await postForm(t, VALID);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await storedRequests(t)).toHaveLength(3);
    // Another sender is not held back by it.
    expect((await postForm(t, { ...VALID, email: 'other@glow.example' })).status).toBe(303);
  });

  it('takes ten requests an hour from one address, then answers 429', async () => {
    const t = await workspaceWithForm();
    for (let i = 0; i < 10; i++) {
      const res = await postForm(
        t,
        { ...VALID, email: `buyer${i}@glow.example` },
        { after: 4_000 },
      );
      expect(res.status).toBe(303);
    }
    const eleventh = await postForm(t, { ...VALID, email: 'late@glow.example' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('retry-after')).toMatch(/^\d+$/);
    t.clock.advance(60 * 60 * 1000);
    expect((await postForm(t, { ...VALID, email: 'later@glow.example' })).status).toBe(303);
  });

  it('e-mails the brand a confirmation saying what happens next', async () => {
    const t = await workspaceWithForm({ mail: true });
    expect((await postForm(t, VALID)).status).toBe(303);
    expect(smtp.messages).toHaveLength(1);
    const [sent] = smtp.messages;
    expect(sent!.envelopeTo).toEqual(['gina@glow.example']);
    expect(sent!.mail.subject).toBe('Your request to Casey Creator has arrived');
    expect(sent!.mail.text).toContain('What happens next');
    expect(sent!.mail.replyTo?.text).toBe('hello@casey.example');
    expect(sent!.mail.headers.get('auto-submitted')).toBe('auto-generated');
  });
});

describe('POST /api/kit/:slug/requests', () => {
  it('takes a request as JSON with the token the form handed out (201)', async () => {
    const t = await workspaceWithForm();
    const form = await t.client().get('/api/kit/casey/request-form');
    expect(form.status).toBe(200);
    expect(form.body.rateCard).toHaveLength(2);
    t.clock.advance(4_000);
    const res = await t.client().post('/api/kit/casey/requests', {
      company: 'Globex',
      name: 'Gus',
      email: 'Gus@Globex.example',
      items: [{ rateCardIndex: 1, quantity: 3 }],
      budgetCents: 100_000,
      budgetMaxCents: 200_000,
      currency: 'EUR',
      token: form.body.token,
    });
    expect(res.status, res.text).toBe(201);
    const [row] = await storedRequests(t);
    expect(row).toMatchObject({ email: 'gus@globex.example', company: 'Globex' });
  });

  it('answers 400 naming each bad field, and an unknown rate-card line', async () => {
    const t = await workspaceWithForm();
    const bad = await t.client().post('/api/kit/casey/requests', {
      company: '',
      name: 'Gus',
      email: 'nope',
      budgetCents: 500,
      budgetMaxCents: 100,
      datesFrom: '2026-05-02',
      datesTo: '2026-05-01',
    });
    expectApiError(bad, 400, {
      paths: ['company', 'email', 'currency', 'budgetMaxCents', 'datesTo'],
    });
    const form = await t.client().get('/api/kit/casey/request-form');
    t.clock.advance(4_000);
    const unknownItem = await t.client().post('/api/kit/casey/requests', {
      company: 'Globex',
      name: 'Gus',
      email: 'gus@globex.example',
      items: [{ rateCardIndex: 7, quantity: 1 }],
      token: form.body.token,
    });
    expectApiError(unknownItem, 400, { paths: ['items.0.rateCardIndex'] });
    expect(await storedRequests(t)).toEqual([]);
  });
});

describe('the requests inbox', () => {
  it('lists by status with counts; viewers read, but only editors decide', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    const viewer = await addUser(t, { role: 'viewer' });
    const asViewer = t.client();
    await asViewer.login(viewer.email, 'another long test password');
    expect((await asViewer.get(`/api/requests/${id}`)).status).toBe(200);
    expectApiError(await asViewer.post(`/api/requests/${id}/accept`, {}), 403);
    expectApiError(await asViewer.post(`/api/requests/${id}/spam`), 403);
    expectApiError(await t.client().get('/api/requests'), 401);
    expectApiError(await t.owner.get('/api/requests/no-such-request'), 404);
    expectApiError(await t.owner.get('/api/requests?state=maybe' as '/api/requests'), 400, {
      paths: ['state'],
    });
  });

  it('suggests a known brand by the e-mail domain of a contact, else by name', async () => {
    const t = await workspaceWithForm();
    const glow = await t.owner.post('/api/brands', {
      name: 'Glow Beauty Group',
      contacts: [{ name: 'Old contact', email: 'ann@glow.example' }],
    });
    const { id } = await newRequest(t);
    const detail = await t.owner.get(`/api/requests/${id}`);
    expect(detail.body.suggestedBrand).toEqual({
      id: glow.body.id,
      name: 'Glow Beauty Group',
      matchedBy: 'email_domain',
    });
    const byName = await newRequest(t, { company: 'acme', email: 'someone@gmail.com' });
    expect((await t.owner.get(`/api/requests/${byName.id}`)).body.suggestedBrand).toEqual({
      id: t.brand.id,
      name: 'Acme',
      matchedBy: 'name',
    });
  });
});

describe('POST /api/requests/:id/accept', () => {
  it('makes a brand, a negotiating deal with the requested items across the dates, and links them', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    const res = await t.owner.post(`/api/requests/${id}/accept`, {});
    expect(res.status, res.text).toBe(200);
    const { brandId, dealId } = res.body;

    const brand = await t.owner.get(`/api/brands/${brandId}`);
    expect(brand.body).toMatchObject({
      name: 'Glow Skincare',
      website: 'https://glow.example',
      stage: 'negotiating',
    });
    expect(brand.body.contacts).toMatchObject([{ name: 'Gina Glow', email: 'gina@glow.example' }]);
    const deal = await t.owner.get(`/api/deals/${dealId}`);
    expect(deal.body).toMatchObject({
      brandId,
      status: 'negotiating',
      source: 'inbound',
      feeCents: 500_000,
      currency: 'USD',
    });
    expect(deal.body.notes).toContain('Paid social for 30 days');
    const deliverables = await t.owner.get(`/api/deliverables?dealId=${dealId}`);
    expect(
      deliverables.body.items
        .map((d: { title: string; publishAt: string | null; status: string }) => [
          d.title,
          d.publishAt,
          d.status,
        ])
        .sort(),
    ).toEqual([
      ['Instagram reel 1/2', '2026-04-01T17:00:00.000Z', 'planned'],
      ['Instagram reel 2/2', '2026-04-11T17:00:00.000Z', 'planned'],
    ]);
    const request = await t.owner.get(`/api/requests/${id}`);
    expect(request.body).toMatchObject({ status: 'accepted', brandId, dealId });
    expect(request.body.decidedBy).toMatchObject({ id: t.user.id });
    const fromDeal = await t.owner.get(`/api/requests?dealId=${dealId}` as '/api/requests');
    expect(fromDeal.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    // The alert has done its work.
    const open = await t.owner.get('/api/alerts?rule=request_received');
    expect(open.status).toBe(200);
  });

  it('files it under a chosen brand, adding the requester as a contact', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    const res = await t.owner.post(`/api/requests/${id}/accept`, { brandId: t.brand.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body.brandId).toBe(t.brand.id);
    const brand = await t.owner.get(`/api/brands/${t.brand.id}`);
    expect(brand.body.contacts.map((c: { email: string | null }) => c.email)).toContain(
      'gina@glow.example',
    );
    expect(brand.body.version).toBe(t.brand.version + 1);
  });

  it('answers 400 naming brandId for an unknown brand, writing nothing', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    const before = await t.db.selectFrom('deals').select('id').execute();
    const res = await t.owner.post(`/api/requests/${id}/accept`, { brandId: 'no-such-brand' });
    expectApiError(res, 400, { paths: ['brandId'] });
    expect(await t.db.selectFrom('deals').select('id').execute()).toEqual(before);
    expect((await t.owner.get(`/api/requests/${id}`)).body.status).toBe('new');
  });

  it('answers 409 when the request was already decided', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    expect((await t.owner.post(`/api/requests/${id}/accept`, {})).status).toBe(200);
    expectApiError(await t.owner.post(`/api/requests/${id}/accept`, {}), 409);
    expectApiError(await t.owner.post(`/api/requests/${id}/decline`, { sendReply: false }), 409);
    expectApiError(await t.owner.post(`/api/requests/${id}/spam`), 409);
    expect(
      await t.db.selectFrom('deals').select('id').where('source', '=', 'inbound').execute(),
    ).toHaveLength(1);
  });

  it('prices the deal from the budget when the items are in several currencies, unscheduled without dates', async () => {
    const t = await workspaceWithForm();
    const kit = await t.owner.get('/api/kit');
    await t.owner.patch('/api/kit', {
      version: kit.body.version,
      rateCard: [RATE_CARD[0], { ...RATE_CARD[1], currency: 'EUR' }],
    });
    const { id } = await newRequest(t, {
      qty_1: '1',
      budget: '3000',
      currency: 'GBP',
      datesFrom: '',
      datesTo: '',
    });
    const { dealId } = (await t.owner.post(`/api/requests/${id}/accept`, {})).body;
    const deal = await t.owner.get(`/api/deals/${dealId}`);
    expect(deal.body).toMatchObject({ feeCents: 300_000, currency: 'GBP' });
    const deliverables = await t.owner.get(`/api/deliverables?dealId=${dealId}`);
    expect(deliverables.body.items).toHaveLength(3);
    expect(
      deliverables.body.items.every((d: { publishAt: string | null }) => d.publishAt === null),
    ).toBe(true);
  });
});

describe('POST /api/requests/:id/decline and /spam', () => {
  it('declines, keeping the request, and replies from the template when asked', async () => {
    const t = await workspaceWithForm({ mail: true });
    const { id } = await newRequest(t);
    smtp.messages.length = 0;
    const res = await t.owner.post(`/api/requests/${id}/decline`, { sendReply: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('declined');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.envelopeTo).toEqual(['gina@glow.example']);
    expect(smtp.messages[0]!.mail.text?.trim()).toBe(
      'Dear Gina Glow of Glow Skincare, not this time. — Casey Creator',
    );
    // A reply someone chose to send, not an automatic one.
    expect(smtp.messages[0]!.mail.headers.has('auto-submitted')).toBe(false);
    const declined = await t.owner.get('/api/requests?state=declined');
    expect(declined.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('declines without a reply, and refuses a reply when e-mail is not set up (400 naming sendReply)', async () => {
    const t = await workspaceWithForm();
    const first = await newRequest(t);
    expectApiError(
      await t.owner.post(`/api/requests/${first.id}/decline`, { sendReply: true }),
      400,
      {
        paths: ['sendReply'],
      },
    );
    expect((await t.owner.get(`/api/requests/${first.id}`)).body.status).toBe('new');
    const res = await t.owner.post(`/api/requests/${first.id}/decline`, { sendReply: false });
    expect(res.body.status).toBe('declined');
    expectApiError(
      await t.owner.post(`/api/requests/${first.id}/decline`, { sendReply: false }),
      409,
    );
  });

  it('marks spam: hidden from the inbox, and the sender blocked from the form', async () => {
    const t = await workspaceWithForm();
    const { id } = await newRequest(t);
    const res = await t.owner.post(`/api/requests/${id}/spam`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('spam');
    const inbox = await t.owner.get('/api/requests');
    expect(inbox.body.items).toEqual([]);
    expect(inbox.body.counts).toMatchObject({ new: 0, spam: 1 });
    const again = await postForm(t, { ...VALID, email: 'GINA@glow.example' });
    expect(again.status).toBe(303);
    expect(await storedRequests(t)).toHaveLength(1);
  });
});

describe('POST /kit/:slug/request, fuzzed', () => {
  const FIELDS = [
    'company',
    'name',
    'email',
    'website',
    'qty_0',
    'qty_1',
    'qty_99',
    'want',
    'budget',
    'budgetMax',
    'budgetCents',
    'currency',
    'datesFrom',
    'datesTo',
    'usageRights',
    'exclusivity',
    'message',
    'token',
    'homepage',
  ];
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      '0',
      '-1',
      '1e309',
      '9'.repeat(30),
      '2026-02-30',
      'USD',
      'a@b.co',
      '\u0000',
    ),
  );
  const CONTENT_TYPES = [
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json',
    'text/plain',
  ];

  it('never answers 5xx, whatever the form fields and body type', async () => {
    const t = await workspaceWithForm();
    const token = await formToken(t.client());
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...FIELDS), value),
        fc.constantFrom(...CONTENT_TYPES),
        fc.boolean(),
        async (fields, contentType, withToken) => {
          t.clock.advance(4_000);
          const body = new URLSearchParams({ ...(withToken ? { token } : {}), ...fields });
          const res = await t
            .client()
            .raw('POST', '/kit/casey/request', body.toString(), { 'content-type': contentType });
          expect([303, 400, 413, 429]).toContain(res.status);
          expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
        },
      ),
      { numRuns: 150, seed: 20260301 },
    );
  });
});
