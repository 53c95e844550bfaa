import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { JsonItemsBody, jsonItems } from '../../server/json-bytes';

async function answer(items: unknown[]) {
  const app = new Hono().get('/', (c) => jsonItems(c, items, 200));
  const res = await app.request('/');
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('jsonItems', () => {
  it('answers exactly the bytes of JSON.stringify({ items }), as application/json', async () => {
    const items = [
      { id: 'a', n: 1, nested: { ok: true, none: null } },
      { id: 'b', list: [1, 'two'] },
    ];
    const { res, bytes } = await answer(items);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(bytes.equals(Buffer.from(JSON.stringify({ items })))).toBe(true);
  });

  it('encodes text beyond Latin-1 (curly quotes, emoji, CJK) as UTF-8, item by item', async () => {
    const items = [
      { title: 'plain ascii' },
      { title: 'Deal “Spring” ⚠ 🎬 über 日本' },
      { title: 'lone surrogate \ud800 and "quotes" and \\ backslash' },
    ];
    const { bytes } = await answer(items);
    expect(bytes.equals(Buffer.from(JSON.stringify({ items })))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify({ items })));
  });

  it('answers an empty list as {"items":[]}', async () => {
    const { bytes } = await answer([]);
    expect(bytes.toString('utf8')).toBe('{"items":[]}');
  });

  it('answers a long list written in parts of every size exactly as one JSON.stringify', async () => {
    const item = (i: number) => ({ i, title: i % 7 === 0 ? `“Spring” 🎬 ${i}` : `plain ${i}` });
    // Parts: one item, a few hundred, one far beyond the scratch kept between parts (1 MB), none.
    const parts = [
      [item(0)],
      Array.from({ length: 700 }, (_, i) => item(i + 1)),
      [],
      Array.from({ length: 9000 }, (_, i) => ({ ...item(i + 701), pad: 'x'.repeat(200) })),
    ];
    const app = new Hono().get('/', (c) => {
      const body = new JsonItemsBody<unknown>();
      for (const part of parts) body.add(part);
      return body.respond(c, 200);
    });
    const bytes = Buffer.from(await (await app.request('/')).arrayBuffer());
    expect(bytes.equals(Buffer.from(JSON.stringify({ items: parts.flat() })))).toBe(true);
    // A shorter list afterwards is not followed by what the scratch held before.
    const { bytes: short } = await answer([item(1)]);
    expect(short.toString('utf8')).toBe(JSON.stringify({ items: [item(1)] }));
  });
});
