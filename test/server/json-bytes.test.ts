import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonItems } from '../../server/json-bytes';

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
});
