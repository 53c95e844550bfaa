import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/**
 * `c.json({ items })` for long lists, typed the same for the RPC client, with
 * the JSON encoded to bytes item by item. A string body is measured
 * (Buffer.byteLength) and encoded again as it is written, and one character
 * beyond Latin-1 anywhere (a curly quote in one warning, an emoji in one
 * title) makes V8 hold the whole string as UTF-16, which encodes several
 * times slower; item by item, only the items that have such characters pay.
 * For a month of the calendar (megabytes) that was most of the request.
 */
export function jsonItems<T, U extends ContentfulStatusCode>(
  c: Context,
  items: readonly T[],
  status: U,
): ItemsResponse<T, U> {
  const body = new JsonItemsBody<T>();
  for (let at = 0; at < items.length; at += PART_ITEMS) body.add(items.slice(at, at + PART_ITEMS));
  return body.respond(c, status);
}

type ItemsResponse<T, U extends ContentfulStatusCode> = Response &
  TypedResponse<JSONParsed<{ items: T[] }>, U, 'json'>;

/**
 * The buffer parts are written into before their exact-size copy, kept from one part to the
 * next up to `SCRATCH_KEPT` bytes. A fresh buffer three times each part's length, garbage at
 * once, was most of the server's memory outside the JavaScript heap under a load of months:
 * it is freed only when V8 collects, and V8 lets such memory grow by 64 MB before it does.
 */
let scratch = Buffer.alloc(0);
/** Items `jsonItems` writes at a time: a part of a few hundred KB, written in the kept scratch. */
const PART_ITEMS = 500;
const SCRATCH_KEPT = 1024 * 1024;

function scratchOf(size: number): Buffer {
  if (size <= scratch.length) return scratch;
  const fresh = Buffer.allocUnsafe(size);
  if (size <= SCRATCH_KEPT) scratch = fresh;
  return fresh;
}

/**
 * `jsonItems` written in parts: a long list encoded part by part as it is
 * read (a request can let others go first between parts), answered once.
 */
export class JsonItemsBody<T> {
  readonly #parts: Buffer[] = [OPEN];
  #count = 0;

  add(items: readonly T[]): this {
    if (items.length === 0) return this;
    const strings = items.map((item) => JSON.stringify(item) ?? 'null');
    // UTF-8 takes at most 3 bytes per UTF-16 unit; written once into a buffer that surely fits,
    // then copied out at its exact size.
    let most = strings.length;
    for (const s of strings) most += s.length * 3;
    const bytes = scratchOf(most);
    let at = 0;
    strings.forEach((s, i) => {
      if (i > 0 || this.#count > 0) at += COMMA.copy(bytes, at);
      at += bytes.write(s, at);
    });
    this.#parts.push(Buffer.from(bytes.subarray(0, at)));
    this.#count += items.length;
    return this;
  }

  respond<U extends ContentfulStatusCode>(c: Context, status: U): ItemsResponse<T, U> {
    // One buffer of the exact size: the parts' spare room is not kept while the answer is sent.
    const body = Buffer.concat([...this.#parts, CLOSE]);
    c.header('Content-Type', 'application/json');
    return c.body(body, status) as unknown as ItemsResponse<T, U>;
  }
}
