import { Hono } from 'hono';
import { channelCreateSchema, channelPatchSchema } from '../../shared/schemas/channel';
import { sendWebhook } from '../alerts/channels/webhook';
import {
  deleteChannel,
  getChannelRow,
  insertChannel,
  listChannels,
  updateChannel,
} from '../db/queries/channels';
import type { AppDeps, AppEnv } from '../env';
import { newId } from '../ids';
import { validate } from '../validate';

export function channelRoutes({ db, clock, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await listChannels(db) }, 200))
    .post('/', validate('json', channelCreateSchema), async (c) => {
      return c.json(await insertChannel(db, c.req.valid('json'), clock.now()), 201);
    })
    .patch('/:id', validate('json', channelPatchSchema), async (c) => {
      return c.json(await updateChannel(db, c.req.param('id'), c.req.valid('json'), clock.now()), 200);
    })
    .delete('/:id', async (c) => {
      await deleteChannel(db, c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/test', async (c) => {
      const channel = await getChannelRow(db, c.req.param('id'));
      try {
        await sendWebhook(
          { type: channel.type, url: channel.url, secret: channel.secret },
          {
            idempotencyKey: `test-${newId()}`,
            headline: 'Test from Sponsorcal',
            text: `This channel is set up: alerts will arrive here (${channel.name}).`,
            link: config.APP_URL,
            alert: null,
          },
          clock.now(),
        );
        return c.json({ ok: true, error: null }, 200);
      } catch (error) {
        return c.json({ ok: false, error: error instanceof Error ? error.message : String(error) }, 200);
      }
    });
}
