import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Which kind of network an address belongs to. Only `public` ones are open to
 * webhooks, so a channel cannot be pointed at the server's own machine, its
 * cloud metadata service (169.254.169.254) or the network behind it.
 */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'reserved';

type RefusedKind = Exclude<AddressKind, 'public'>;

/** Checked in this order: `::1` is loopback, though `::/96` around it is reserved. */
const RANGES: ReadonlyArray<readonly [RefusedKind, string, number]> = [
  ['unspecified', '0.0.0.0', 8],
  ['unspecified', '::', 128],
  ['loopback', '127.0.0.0', 8],
  ['loopback', '::1', 128],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['private', 'fc00::', 7], // unique-local
  ['private', 'fec0::', 10], // the former site-local
  ['shared', '100.64.0.0', 10], // carrier-grade NAT
  ['link-local', '169.254.0.0', 16],
  ['link-local', 'fe80::', 10],
  ['multicast', '224.0.0.0', 4],
  ['multicast', 'ff00::', 8],
  ['reserved', '192.0.0.0', 24], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24], // documentation
  ['reserved', '192.88.99.0', 24], // 6to4 relays
  ['reserved', '198.18.0.0', 15], // benchmarking
  ['reserved', '198.51.100.0', 24], // documentation
  ['reserved', '203.0.113.0', 24], // documentation
  ['reserved', '240.0.0.0', 4], // future use, and the broadcast address
  ['reserved', '::', 96], // IPv4-compatible (deprecated)
  ['reserved', '100::', 64], // discard-only
  ['reserved', '2001::', 23], // IETF protocol assignments (Teredo among them)
  ['reserved', '2001:db8::', 32], // documentation
  ['reserved', '3fff::', 20], // documentation
];

const REFUSED: ReadonlyArray<readonly [RefusedKind, BlockList]> = (() => {
  const lists = new Map<RefusedKind, BlockList>();
  for (const [kind, network, prefix] of RANGES) {
    const list = lists.get(kind) ?? new BlockList();
    list.addSubnet(network, prefix, isIP(network) === 4 ? 'ipv4' : 'ipv6');
    lists.set(kind, list);
  }
  return [...lists];
})();

/** IPv6 outside 2000::/3 (global unicast) is not assigned to the public internet. */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted quad included). */
function ipv6Words(address: string): number[] {
  let text = address;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const words = (part: string | undefined) =>
    part ? part.split(':').map((w) => parseInt(w, 16)) : [];
  const front = words(head);
  const back = words(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * The IPv4 address an IPv6 one stands for, when it carries one: IPv4-mapped
 * (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 * Each reaches that IPv4 address, so it is judged as that address.
 */
function embeddedIPv4(address: string): string | null {
  const w = ipv6Words(address);
  const zeros = (from: number, to: number) => w.slice(from, to).every((word) => word === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return ipv4Of(w[6]!, w[7]!);
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return ipv4Of(w[6]!, w[7]!);
  if (w[0] === 0x2002) return ipv4Of(w[1]!, w[2]!);
  return null;
}

/** Classifies an IP address (v4 or v6; a zone id such as `%eth0` is ignored). */
export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) throw new TypeError(`Not an IP address: ${address}`);
  if (family === 6) {
    const ipv4 = embeddedIPv4(bare);
    if (ipv4) return classifyAddress(ipv4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of REFUSED) {
    if (list.check(bare, type)) return kind;
  }
  if (type === 'ipv6' && !GLOBAL_UNICAST.check(bare, 'ipv6')) return 'reserved';
  return 'public';
}

const DESCRIPTIONS: Record<RefusedKind, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private address',
  shared: 'a shared (carrier-grade NAT) address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/** Thrown (or passed to the socket) when a webhook would reach a non-public address. */
export class AddressRefusedError extends Error {
  constructor(host: string, kind: RefusedKind, resolved: boolean) {
    super(
      `Refused: ${host} ${resolved ? 'resolves to' : 'is'} ${DESCRIPTIONS[kind]} (set WEBHOOK_ALLOW_PRIVATE=true to allow)`,
    );
    this.name = 'AddressRefusedError';
  }
}

/** Every address a name resolves to; injectable so tests can play a DNS-rebinding name. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveHost: ResolveHost = (hostname) => dns.lookup(hostname, { all: true });

/** The URL's host without IPv6 brackets, and whether it is an IP literal (no lookup happens for those). */
function hostOf(url: URL): { hostname: string; literal: boolean } {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { hostname, literal: isIP(hostname) !== 0 };
}

function firstRefused(addresses: readonly string[]): RefusedKind | null {
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') return kind;
  }
  return null;
}

/** The refusal of an IP-literal URL whose address is not public, or null (names are left to `guardedLookup`). */
export function refuseLiteral(url: URL): AddressRefusedError | null {
  const { hostname, literal } = hostOf(url);
  const kind = literal ? firstRefused([hostname]) : null;
  return kind ? new AddressRefusedError(url.hostname, kind, false) : null;
}

/**
 * A `lookup` for `http.request`: resolves the name and refuses the connection
 * when any address is not public, so the check and the connection use the
 * same answer (a DNS-rebinding name cannot pass the check, then connect
 * inside). Answers in both callback forms (`options.all` or one address).
 */
export function guardedLookup(resolve: ResolveHost, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const kind = allowPrivate ? null : firstRefused(all.map((a) => a.address));
        if (kind) return callback(new AddressRefusedError(hostname, kind, true), '');
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = family ? all.filter((a) => a.family === family) : all;
        const [first] = usable;
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

export interface CheckWebhookUrlOptions {
  allowPrivate: boolean;
  resolve?: ResolveHost;
  /** How long to wait for DNS before accepting the name (it is checked again at connect time). */
  lookupTimeoutMs?: number;
}

/**
 * Why a webhook URL may not be saved, or null. An IP literal is judged as
 * is; a name by every address it resolves to now. A name that does not
 * resolve (offline, not yet in DNS) passes: each send checks again.
 */
export async function checkWebhookUrl(
  url: string,
  options: CheckWebhookUrlOptions,
): Promise<string | null> {
  if (options.allowPrivate) return null;
  const parsed = new URL(url);
  const { hostname, literal } = hostOf(parsed);
  if (literal) return refuseLiteral(parsed)?.message ?? null;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.lookupTimeoutMs ?? 5_000);
  });
  const resolved = (options.resolve ?? resolveHost)(hostname).catch(() => null);
  const addresses = await Promise.race([resolved, gaveUp]).finally(() => clearTimeout(timer));
  const kind = addresses ? firstRefused(addresses.map((a) => a.address)) : null;
  return kind ? new AddressRefusedError(parsed.hostname, kind, true).message : null;
}
