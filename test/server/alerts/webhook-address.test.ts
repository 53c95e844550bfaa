import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyAddress,
  checkWebhookUrl,
  guardedLookup,
  type AddressKind,
  type ResolveHost,
} from '../../../server/alerts/channels/address-guard';
import {
  sendWebhook,
  WebhookError,
  type WebhookMessage,
} from '../../../server/alerts/channels/webhook';
import { deadPort, startWebhookReceiver, type TestWebhookReceiver } from '../../support/alerts';

let receiver: TestWebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const ALLOW_HINT = '(set WEBHOOK_ALLOW_PRIVATE=true to allow)';

/** A resolver that answers the same addresses for every name, as a rebinding DNS server would. */
function resolvingTo(...addresses: string[]): ResolveHost {
  return async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

const MESSAGE: WebhookMessage = {
  idempotencyKey: 'test-1',
  headline: 'Test',
  text: 'Hello',
  link: 'https://cal.example.com/',
  alert: null,
};
const SENT_AT = new Date('2026-03-01T12:00:00.000Z');

/** sendWebhook's error message, or null when it sent. */
async function sendError(...args: Parameters<typeof sendWebhook>): Promise<string | null> {
  try {
    await sendWebhook(...args);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookError);
    return (error as Error).message;
  }
}

describe('classifyAddress', () => {
  it.each<[string, AddressKind]>([
    ['0.0.0.0', 'unspecified'],
    ['0.255.255.255', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.168.0.1', 'private'],
    ['192.169.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.0', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.0', 'public'],
    ['169.254.169.254', 'link-local'],
    ['169.253.255.255', 'public'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::2', 'reserved'],
    ['4000::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
  ])('classifies %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each<[string, AddressKind]>([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:100.64.0.1', 'shared'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:0808:0808::1', 'public'],
  ])('judges %s, which carries an IPv4 address, as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('throws on what is not an IP address', () => {
    expect(() => classifyAddress('localhost')).toThrow(TypeError);
  });
});

describe('checkWebhookUrl', () => {
  const refuse = { allowPrivate: false };

  it.each([
    ['http://127.0.0.1:1/x', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://2130706433/', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://[::1]/', 'Refused: [::1] is a loopback address'],
    [
      'http://[::ffff:169.254.169.254]/latest',
      'Refused: [::ffff:a9fe:a9fe] is a link-local address',
    ],
    ['https://100.64.1.1/', 'Refused: 100.64.1.1 is a shared (carrier-grade NAT) address'],
    ['http://0.0.0.0/', 'Refused: 0.0.0.0 is an unspecified address'],
  ])('refuses the IP literal in %s without a lookup', async (url, reason) => {
    const resolve: ResolveHost = () => Promise.reject(new Error('no lookup expected'));
    expect(await checkWebhookUrl(url, { ...refuse, resolve })).toBe(`${reason} ${ALLOW_HINT}`);
  });

  it('refuses a name when any address it resolves to is not public', async () => {
    const resolve = resolvingTo('93.184.216.34', '10.0.0.7');
    expect(await checkWebhookUrl('https://hooks.example.com/x', { ...refuse, resolve })).toBe(
      `Refused: hooks.example.com resolves to a private address ${ALLOW_HINT}`,
    );
  });

  it('accepts a name that resolves only to public addresses', async () => {
    const resolve = resolvingTo('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946');
    expect(await checkWebhookUrl('https://hooks.example.com/x', { ...refuse, resolve })).toBeNull();
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('accepts a name whose lookup fails with %s', async (code) => {
    const resolve: ResolveHost = () => Promise.reject(Object.assign(new Error(code), { code }));
    expect(await checkWebhookUrl('https://hooks.example.com/x', { ...refuse, resolve })).toBeNull();
  });

  it('accepts a name whose lookup does not answer in time', async () => {
    const resolve: ResolveHost = () => new Promise<LookupAddress[]>(() => undefined);
    expect(
      await checkWebhookUrl('https://hooks.example.com/x', {
        ...refuse,
        resolve,
        lookupTimeoutMs: 20,
      }),
    ).toBeNull();
  });

  it('accepts anything when private addresses are allowed', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1/x', { allowPrivate: true })).toBeNull();
  });
});

describe('guardedLookup', () => {
  function lookUp(resolve: ResolveHost, allowPrivate: boolean, all: boolean) {
    return new Promise<{ error: Error | null; address: unknown; family?: number }>((done) => {
      guardedLookup(resolve, allowPrivate)('hooks.example.com', { all }, (error, address, family) =>
        done({ error, address, family }),
      );
    });
  }

  it('answers every address when asked for all, and the first one otherwise', async () => {
    const resolve = resolvingTo('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946');
    expect(await lookUp(resolve, false, true)).toMatchObject({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
      ],
    });
    expect(await lookUp(resolve, false, false)).toEqual({
      error: null,
      address: '93.184.216.34',
      family: 4,
    });
  });

  it.each([true, false])(
    'refuses a name resolving to a non-public address (all: %s)',
    async (all) => {
      const { error } = await lookUp(resolvingTo('93.184.216.34', '::ffff:127.0.0.1'), false, all);
      expect(error?.message).toBe(
        `Refused: hooks.example.com resolves to a loopback address ${ALLOW_HINT}`,
      );
    },
  );

  it('lets it through when private addresses are allowed', async () => {
    expect(await lookUp(resolvingTo('127.0.0.1'), true, false)).toEqual({
      error: null,
      address: '127.0.0.1',
      family: 4,
    });
  });
});

describe('sendWebhook', () => {
  it('refuses a name that passed the check but resolves to loopback at send time (DNS rebinding)', async () => {
    receiver = await startWebhookReceiver();
    const url = `http://rebind.example.com:${receiver.port}/admin`;
    // When the channel was saved the name answered a public address ...
    expect(
      await checkWebhookUrl(url, { allowPrivate: false, resolve: resolvingTo('93.184.216.34') }),
    ).toBeNull();
    // ... and now it answers 127.0.0.1.
    const error = await sendError({ type: 'json', url, secret: null }, MESSAGE, SENT_AT, {
      resolve: resolvingTo('127.0.0.1'),
    });
    expect(error).toBe(`Refused: rebind.example.com resolves to a loopback address ${ALLOW_HINT}`);
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to the address the guarded lookup answered', async () => {
    receiver = await startWebhookReceiver();
    const url = `http://rebind.example.com:${receiver.port}/hook`;
    const error = await sendError({ type: 'json', url, secret: null }, MESSAGE, SENT_AT, {
      allowPrivate: true,
      resolve: resolvingTo('127.0.0.1'),
    });
    expect(error).toBeNull();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers.host).toBe(`rebind.example.com:${receiver.port}`);
  });

  it('refuses an IP literal before connecting', async () => {
    receiver = await startWebhookReceiver();
    const error = await sendError(
      { type: 'slack', url: receiver.url, secret: null },
      MESSAGE,
      SENT_AT,
    );
    expect(error).toBe(`Refused: 127.0.0.1 is a loopback address ${ALLOW_HINT}`);
    expect(receiver.received).toHaveLength(0);
  });

  it('posts signed JSON with its headers, and reports a failure by status alone', async () => {
    receiver = await startWebhookReceiver();
    receiver.secret = 'whsec_test';
    receiver.respond = () => ({ status: 500, body: 'INTERNAL-SECRET-4711' });
    const error = await sendError(
      { type: 'json', url: receiver.url, secret: 'whsec_test' },
      MESSAGE,
      SENT_AT,
      {
        allowPrivate: true,
      },
    );
    expect(error).toBe('HTTP 500 (Internal Server Error)');
    const [request] = receiver.received;
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Sponsorcal-Webhooks/1',
      'idempotency-key': 'test-1',
      'x-sponsorcal-timestamp': String(SENT_AT.getTime() / 1000),
    });
    expect(request?.signatureValid).toBe(true);
    expect(request?.json).toMatchObject({ type: 'test', idempotencyKey: 'test-1' });
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    receiver = await startWebhookReceiver();
    receiver.respond = () => ({ status: 307, body: '' });
    const error = await sendError(
      { type: 'slack', url: receiver.url, secret: null },
      MESSAGE,
      SENT_AT,
      {
        allowPrivate: true,
      },
    );
    expect(error).toBe('HTTP 307 (Temporary Redirect)');
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    receiver = await startWebhookReceiver();
    receiver.respond = () => new Promise(() => undefined);
    const error = await sendError(
      { type: 'slack', url: receiver.url, secret: null },
      MESSAGE,
      SENT_AT,
      {
        allowPrivate: true,
        timeoutMs: 200,
      },
    );
    expect(error).toBe(`Could not reach 127.0.0.1:${receiver.port}: no answer within 0.2 s`);
  });

  it('says the connection was refused when nothing listens', async () => {
    const port = await deadPort();
    const error = await sendError(
      { type: 'slack', url: `http://127.0.0.1:${port}/hook`, secret: null },
      MESSAGE,
      SENT_AT,
      { allowPrivate: true },
    );
    expect(error).toBe(`Could not reach 127.0.0.1:${port}: connection refused`);
  });
});
