import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/tokens';
import { type TestClient, unchecked } from '../../support/app';
import { signInAs } from '../../support/app';
import { addDeliverable, expectApiError, trackApps } from '../helpers';

const apps = trackApps();

interface ParsedEvent {
  uid: string;
  summary: string;
  sequence: number;
  start: ICAL.Time;
  dtstamp: ICAL.Time;
  alarms: ICAL.Component[];
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      start: event.startDate,
      dtstamp: component.getFirstPropertyValue('dtstamp') as ICAL.Time,
      alarms: component.getAllSubcomponents('valarm'),
    };
  });
}

/** A workspace with one deliverable (draft due and go-live) and one sent invoice. */
async function feedWorkspace() {
  const t = await apps.workspace({ now: '2026-03-01T12:00:00.000Z' });
  const deliverable = await addDeliverable(t, {
    title:
      'Unboxing reel, "take 2"; with commas, and a long title that must be folded by the generator',
    platform: 'instagram',
    draftDueAt: '2026-03-05T17:00:00.000Z',
    publishAt: '2026-03-10T16:30:00+01:00',
  });
  const invoice = (
    await t.owner.post('/api/invoices', {
      dealId: t.deal.id,
      amountCents: 50_000,
      issuedOn: '2026-03-01',
      paymentTermsDays: 30,
      status: 'sent',
    })
  ).body;
  return { ...t, deliverable, invoice };
}

async function fetchFeed(client: TestClient, url: string, headers: Record<string, string> = {}) {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return client.raw<string>('GET', path, undefined, headers);
}

describe('POST /api/me/feed-token and GET /api/calendar.ics', () => {
  it('serves drafts due, go-lives and invoice due days as valid iCalendar', async () => {
    const t = await feedWorkspace();
    const created = await t.owner.post('/api/me/feed-token', {});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(
      /^http:\/\/localhost:8787\/api\/calendar\.ics\?token=[\w-]{40,}$/,
    );

    const res = await fetchFeed(t.client(), created.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    // RFC 5545: CRLF line ends, no line over 75 octets.
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of res.text.split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const events = parseFeed(res.text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const draft = byUid.get(`draft-${t.deliverable.id}@localhost:8787`)!;
    const goLive = byUid.get(`golive-${t.deliverable.id}@localhost:8787`)!;
    const invoice = byUid.get(`invoice-${t.invoice.id}@localhost:8787`)!;
    expect(events).toHaveLength(3);
    expect(draft.summary).toBe(`Draft due: ${t.deliverable.title} (Acme)`);
    expect(draft.start.toJSDate().toISOString()).toBe('2026-03-05T17:00:00.000Z');
    expect(draft.start.zone?.tzid).toBe('UTC');
    expect(goLive.start.toJSDate().toISOString()).toBe('2026-03-10T15:30:00.000Z');
    expect(goLive.alarms).toHaveLength(1);
    expect(goLive.alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(goLive.alarms[0]!.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    expect(draft.alarms).toHaveLength(0);
    expect(invoice.start.isDate).toBe(true);
    expect(invoice.start.toString()).toBe('2026-03-31');
    expect(invoice.summary).toMatch(/^Invoice INV-2026-\d{4} due \(Acme\)$/);
    for (const event of events) {
      expect(event.dtstamp.zone?.tzid).toBe('UTC');
      expect(res.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    }
  });

  it('keeps every UID across a reschedule and raises SEQUENCE', async () => {
    const t = await feedWorkspace();
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    const before = parseFeed((await fetchFeed(t.client(), url)).text);
    t.clock.set('2026-03-02T09:00:00.000Z');
    const moved = await t.owner.patch(`/api/deliverables/${t.deliverable.id}`, {
      version: t.deliverable.version,
      publishAt: '2026-03-12T18:00:00.000Z',
    });
    expect(moved.status).toBe(200);
    const after = parseFeed((await fetchFeed(t.client(), url)).text);
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    const uid = `golive-${t.deliverable.id}@localhost:8787`;
    const was = before.find((e) => e.uid === uid)!;
    const is = after.find((e) => e.uid === uid)!;
    expect(is.sequence).toBeGreaterThan(was.sequence);
    expect(is.start.toJSDate().toISOString()).toBe('2026-03-12T18:00:00.000Z');
    expect(is.dtstamp.toJSDate().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('carries only the kinds of events the feed was made with', async () => {
    const t = await feedWorkspace();
    const { url } = (
      await t.owner.post('/api/me/feed-token', { drafts: false, goLives: true, invoices: false })
    ).body;
    const events = parseFeed((await fetchFeed(t.client(), url)).text);
    expect(events.map((e) => e.uid)).toEqual([`golive-${t.deliverable.id}@localhost:8787`]);
    const shown = await t.owner.get('/api/me/feed-token');
    expect(shown.body).toMatchObject({
      active: true,
      drafts: false,
      goLives: true,
      invoices: false,
    });
    expect(JSON.stringify(shown.body)).not.toContain('token=');
  });

  it('leaves out cancelled deliverables and void invoices', async () => {
    const t = await feedWorkspace();
    await t.owner.patch(`/api/deliverables/${t.deliverable.id}`, {
      version: t.deliverable.version,
      status: 'cancelled',
    });
    await t.owner.patch(`/api/invoices/${t.invoice.id}`, {
      version: t.invoice.version,
      status: 'void',
    });
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    expect(parseFeed((await fetchFeed(t.client(), url)).text)).toEqual([]);
  });

  it('stores only the hash of the token', async () => {
    const t = await feedWorkspace();
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    const token = new URL(url).searchParams.get('token')!;
    const rows = await t.db.selectFrom('calendarFeeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers 404 once the feed is revoked, and a new feed replaces the old URL', async () => {
    const t = await feedWorkspace();
    const first = (await t.owner.post('/api/me/feed-token', {})).body.url;
    const second = (await t.owner.post('/api/me/feed-token', {})).body.url;
    expectApiError(await fetchFeed(t.client(), first), 404);
    expect((await fetchFeed(t.client(), second)).status).toBe(200);
    expect((await t.owner.delete('/api/me/feed-token')).status).toBe(204);
    expectApiError(await fetchFeed(t.client(), second), 404);
    expect((await t.owner.get('/api/me/feed-token')).body.active).toBe(false);
    expectApiError(await t.owner.delete('/api/me/feed-token'), 404);
  });

  it('answers 404 for a guessed token and 400 naming a missing one', async () => {
    const t = await feedWorkspace();
    await t.owner.post('/api/me/feed-token', {});
    expectApiError(await t.client().get('/api/calendar.ics?token=guess'), 404);
    expectApiError(await t.client().get('/api/calendar.ics'), 400, { paths: ['token'] });
  });

  it('stops serving the feed of a disabled user', async () => {
    const t = await feedWorkspace();
    const { client, user } = await signInAs(t, 'viewer');
    const { url } = (await client.post('/api/me/feed-token', {})).body;
    expect((await fetchFeed(t.client(), url)).status).toBe(200);
    const member = (await t.owner.get('/api/users')).body.items.find(
      (u: { id: string }) => u.id === user.id,
    );
    await t.owner.patch(`/api/users/${user.id}`, { version: member!.version, disabled: true });
    expectApiError(await fetchFeed(t.client(), url), 404);
  });

  it('is every signed-in user’s own, viewers included, and needs a session to make', async () => {
    const t = await feedWorkspace();
    const { client } = await signInAs(t, 'viewer');
    expect((await client.post('/api/me/feed-token', { invoices: false })).status).toBe(201);
    expect((await t.owner.get('/api/me/feed-token')).body.active).toBe(false);
    expectApiError(await t.client().post('/api/me/feed-token', {}), 401);
    expectApiError(await client.post('/api/me/feed-token', unchecked({ drafts: 'yes' })), 400, {
      paths: ['drafts'],
    });
  });

  it('keeps a published deliverable’s go-live without its reminder, and drops its draft event', async () => {
    const t = await feedWorkspace();
    const published = await t.owner.patch(`/api/deliverables/${t.deliverable.id}`, {
      version: t.deliverable.version,
      status: 'published',
      liveUrl: 'https://instagram.example/p/abc',
    });
    expect(published.status).toBe(200);
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    const events = parseFeed((await fetchFeed(t.client(), url)).text);
    expect(events.map((e) => e.uid).sort()).toEqual(
      [
        `golive-${t.deliverable.id}@localhost:8787`,
        `invoice-${t.invoice.id}@localhost:8787`,
      ].sort(),
    );
    const goLive = events.find((e) => e.uid.startsWith('golive-'))!;
    expect(goLive.alarms).toEqual([]);
  });

  it('names platforms by their labels, escapes the calendar name, puts properties before alarms and ends with CRLF', async () => {
    const t = await feedWorkspace();
    const settings = (await t.owner.get('/api/settings')).body;
    const renamed = await t.owner.patch('/api/settings', {
      version: settings.version,
      name: 'Mia, Co; back\\slash',
    });
    expect(renamed.status).toBe(200);
    await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Dance trend',
      platform: 'tiktok',
      publishAt: '2026-03-11T18:00:00.000Z',
    });
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    const { text } = await fetchFeed(t.client(), url);

    expect(text).toContain('X-WR-CALNAME:Mia\\, Co\\; back\\\\slash — Sponsorcal\r\n');
    expect(text).toContain('\r\nNAME:Mia\\, Co\\; back\\\\slash — Sponsorcal\r\n');
    const summaries = parseFeed(text).map((e) => e.summary);
    expect(summaries).toContain(`Go live: ${t.deliverable.title} on Instagram (Acme)`);
    expect(summaries).toContain('Go live: Dance trend on TikTok (Acme)');
    expect(text).toMatch(/END:VCALENDAR\r\n$/);
    // In each event, the alarm is the last thing before END:VEVENT.
    expect(text).toMatch(/END:VALARM\r\n/);
    expect(text).not.toMatch(/END:VALARM\r\n(?!END:VEVENT\r\n|BEGIN:VALARM\r\n)/);
  });

  it('answers 304 without a body to a poll that already has the feed, by ETag or by date', async () => {
    const t = await feedWorkspace();
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    const first = await fetchFeed(t.client(), url);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);

    const byTag = await fetchFeed(t.client(), url, { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.text).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);
    const byWeakTag = await fetchFeed(t.client(), url, { 'if-none-match': `"other", W/${etag}` });
    expect(byWeakTag.status).toBe(304);
    const byDate = await fetchFeed(t.client(), url, { 'if-modified-since': lastModified });
    expect(byDate.status).toBe(304);
    expect(byDate.text).toBe('');
    // If-None-Match decides when both are sent (RFC 9110).
    const staleTag = await fetchFeed(t.client(), url, {
      'if-none-match': '"other"',
      'if-modified-since': lastModified,
    });
    expect(staleTag.status).toBe(200);
    expect(staleTag.text).toBe(first.text);
  });

  it('changes the ETag and Last-Modified when a deliverable, its deal, a deletion or the workspace changes', async () => {
    const t = await feedWorkspace();
    const { url } = (await t.owner.post('/api/me/feed-token', {})).body;
    let seen = await fetchFeed(t.client(), url);
    /** After a change a minute later: the old ETag and date get the new feed (200), which has a new ETag. */
    const expectChanged = async () => {
      const byTag = await fetchFeed(t.client(), url, {
        'if-none-match': seen.headers.get('etag')!,
      });
      expect(byTag.status).toBe(200);
      expect(byTag.headers.get('etag')).not.toBe(seen.headers.get('etag'));
      const byDate = await fetchFeed(t.client(), url, {
        'if-modified-since': seen.headers.get('last-modified')!,
      });
      expect(byDate.status).toBe(200);
      seen = byTag;
    };
    const minuteLater = () => t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());

    minuteLater();
    const moved = await t.owner.patch(`/api/deliverables/${t.deliverable.id}`, {
      version: t.deliverable.version,
      publishAt: '2026-03-12T18:00:00.000Z',
    });
    expect(moved.status).toBe(200);
    await expectChanged();

    minuteLater();
    const deal = (await t.owner.get(`/api/deals/${t.deal.id}`)).body;
    const renamedDeal = await t.owner.patch(`/api/deals/${t.deal.id}`, {
      version: deal.version,
      title: 'Spring launch',
    });
    expect(renamedDeal.status).toBe(200);
    await expectChanged();

    minuteLater();
    const settings = (await t.owner.get('/api/settings')).body;
    const renamed = await t.owner.patch('/api/settings', {
      version: settings.version,
      name: 'Mia Studio',
    });
    expect(renamed.status).toBe(200);
    await expectChanged();

    minuteLater();
    const other = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Story',
      platform: 'instagram',
      publishAt: '2026-03-11T18:00:00.000Z',
    });
    expect(other.status).toBe(201);
    await expectChanged();
    minuteLater();
    expect((await t.owner.delete(`/api/deliverables/${other.body.id}`)).status).toBe(204);
    await expectChanged();
  });
});
