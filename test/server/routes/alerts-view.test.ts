import { describe, expect, it } from 'vitest';
import { addMember, createDeliverable, HOUR, scan } from '../../support/alerts';
import { trackApps } from '../helpers';

const apps = trackApps();

// 2026-03-01 12:00 UTC: 07:00 in New York, 13:00 in Berlin.
const NOW = '2026-03-01T12:00:00.000Z';

describe('GET /api/alerts wording', () => {
  it('words each alert for the reader: their zone, and "today"/"tomorrow" as of when they ask', async () => {
    const t = await apps.workspace({ now: NOW });
    await t.owner.patch('/api/settings', { version: 1, timeZone: 'Europe/Berlin' });
    const newYorker = await addMember(t, {
      role: 'editor',
      email: 'ny@example.com',
      timeZone: 'America/New_York',
    });
    // Goes live at 22:00 UTC: 23:00 in Berlin, 17:00 in New York, today in both.
    await createDeliverable(t.owner, t.deal.id, {
      title: 'Launch reel',
      publishAt: '2026-03-01T22:00:00.000Z',
    });
    await scan(t);

    const [forOwner] = (await t.owner.get('/api/alerts')).body.items;
    const [forNewYorker] = (await newYorker.client.get('/api/alerts')).body.items;
    expect(forOwner!.message).toMatch(/today at 11:00 PM GMT\+1/);
    expect(forNewYorker!.message).toMatch(/today at 5:00 PM EST/);
    expect(forNewYorker!.id).toBe(forOwner!.id);

    // Asked again at 01:00 Berlin time the next day, the same go-live was "yesterday".
    t.clock.advance(13 * HOUR);
    const later = (await t.owner.get('/api/alerts?state=all')).body.items[0];
    expect(later!.message).toMatch(/yesterday at 11:00 PM GMT\+1/);
  });

  it('names who acknowledged an alert', async () => {
    const t = await apps.workspace({ now: NOW });
    await createDeliverable(t.owner, t.deal.id, { publishAt: '2026-03-01T22:00:00.000Z' });
    await scan(t);
    const [alert] = (await t.owner.get('/api/alerts')).body.items;
    expect(alert!.acknowledgedByName).toBeNull();
    const acked = await t.owner.post(`/api/alerts/${alert!.id}/ack`);
    expect(acked.body).toMatchObject({
      acknowledgedBy: t.user.id,
      acknowledgedByName: 'Olivia Owner',
    });
  });
});
