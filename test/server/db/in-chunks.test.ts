import { describe, expect, it } from 'vitest';
import { IN_LIST_MAX, inChunks } from '../../../server/db/in-chunks';

describe('inChunks', () => {
  it('reads any number of ids in lists of at most IN_LIST_MAX, rows in the order read', async () => {
    const ids = Array.from({ length: 2 * IN_LIST_MAX + 1 }, (_, i) => `id-${i}`);
    const lists: string[][] = [];
    const rows = await inChunks(ids, async (chunk) => {
      lists.push(chunk);
      return chunk.map((id) => ({ id }));
    });
    expect(lists.map((l) => l.length)).toEqual([IN_LIST_MAX, IN_LIST_MAX, 1]);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('takes a smaller size, and makes no read for no ids', async () => {
    const sizes: number[] = [];
    const read = async (chunk: number[]) => {
      sizes.push(chunk.length);
      return chunk;
    };
    expect(await inChunks([1, 2, 3, 4, 5], read, 2)).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
    expect(await inChunks([], read)).toEqual([]);
    expect(sizes).toHaveLength(3);
  });
});
