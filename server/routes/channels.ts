import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  channelCreateSchema,
  channelPatchSchema,
  type Channel,
  channelSchema,
  channelTestResultSchema,
} from '../../shared/schemas/channel';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { checkWebhookUrl } from '../alerts/channels/address-guard';
import { sendWebhook } from '../alerts/channels/webhook';
import {
  deleteChannel,
  getChannelRow,
  toChannel,
  insertChannel,
  listChannels,
  updateChannel,
} from '../db/queries/channels';
import type { AppDeps, AppEnv } from '../env';
import type { ChannelRow } from '../db/schema';
import { invalidField } from '../errors';
import { newId } from '../ids';
import { validate } from '../validate';
import { declare, list } from './declare';

/**
 * A channel as the audit trail keeps it. A webhook URL is itself a credential
 * (anyone holding a Slack or Discord webhook URL can post), so only its host
 * and a fingerprint are kept, and a new signing secret is recorded as a fact.
 */
function auditedChannel(channel: Channel) {
  let host = '';
  try {
    host = new URL(channel.url).host;
  } catch {
    // stored URLs are validated; nothing to show otherwise
  }
  // A changed URL shows as changed, without revealing it.
  const fingerprint = createHash('sha256').update(channel.url).digest('hex').slice(0, 8);
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    enabled: channel.enabled,
    url: `${host}/… (#${fingerprint})`,
    secret: channel.secret,
  };
}

const route = {
  list: declare({
    access: 'owner',
    summary: 'Alert channels',
    answers: { 200: list(channelSchema) },
  }),
  create: declare({
    access: 'owner',
    summary: 'Add a webhook channel',
    body: channelCreateSchema,
    answers: { 201: channelSchema },
  }),
  update: declare({
    access: 'owner',
    summary: 'Change a channel (with its version)',
    body: channelPatchSchema,
    answers: { 200: channelSchema },
    errors: [409],
  }),
  remove: declare({ access: 'owner', summary: 'Delete a channel', answers: { 204: null } }),
  test: declare({
    access: 'owner',
    summary: 'Send a test message (200 either way: `ok` says whether it arrived)',
    answers: { 200: channelTestResultSchema },
  }),
};

export function channelRoutes({ db, clock, config, webhookAllowPrivate }: AppDeps) {
  /** A new or changed URL must not point inside the network (each send checks again). */
  const assertPublicUrl = async (url: string | undefined) => {
    const refusal =
      url === undefined ? null : await checkWebhookUrl(url, { allowPrivate: webhookAllowPrivate });
    if (refusal) throw invalidField('url', refusal);
  };
  const target = (c: Context<AppEnv>): AuditedTarget<ReturnType<typeof auditedChannel>> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'channel',
    summary: (channel) => `Channel "${channel.name}" (${channel.type})`,
  });
  const loadAudited = async (trx: typeof db, id: string) =>
    auditedChannel(toChannel(await getChannelRow(trx, id), true));
  return new Hono<AppEnv>()
    .get('/', route.list, async (c) => c.json({ items: await listChannels(db) }, 200))
    .post('/', route.create, validate('json', channelCreateSchema), async (c) => {
      await assertPublicUrl(c.req.valid('json').url);
      const t = target(c);
      let channel: Channel | undefined;
      await auditedCreate(t, async (trx) => {
        channel = await insertChannel(trx, c.req.valid('json'), t.now);
        return auditedChannel(channel);
      });
      return c.json(channel!, 201);
    })
    .patch('/:id', route.update, validate('json', channelPatchSchema), async (c) => {
      await assertPublicUrl(c.req.valid('json').url);
      const t = target(c);
      const id = c.req.param('id');
      let current: ChannelRow | undefined;
      let channel: Channel | undefined;
      await auditedUpdate(
        t,
        async (trx) => auditedChannel(toChannel((current = await getChannelRow(trx, id)), true)),
        async (trx) => {
          channel = await updateChannel(trx, current!, c.req.valid('json'), t.now);
          return auditedChannel({ ...channel, secret: channel.secret ?? current!.secret });
        },
      );
      return c.json(channel!, 200);
    })
    .delete('/:id', route.remove, async (c) => {
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => loadAudited(trx, id),
        (trx) => deleteChannel(trx, id),
      );
      return c.body(null, 204);
    })
    .post('/:id/test', route.test, async (c) => {
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
          { allowPrivate: webhookAllowPrivate },
        );
        return c.json({ ok: true, error: null }, 200);
      } catch (error) {
        return c.json(
          { ok: false, error: error instanceof Error ? error.message : String(error) },
          200,
        );
      }
    });
}
