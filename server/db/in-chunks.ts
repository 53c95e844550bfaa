/**
 * Ids per `where … in (…)` list. Each id is a bound parameter: SQLite allows
 * 32,766 per statement (999 in builds older than 3.32) and PostgreSQL 65,535,
 * so 500 stays inside both with room for the query's other parameters.
 */
export const IN_LIST_MAX = 500;

/** `items` cut into runs of at most `size`, in order. */
export function chunksOf<T>(items: readonly T[], size = IN_LIST_MAX): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Reads rows for any number of ids with one query per chunk of at most `size`
 * (`read` gets the chunk for its `in` list), one after another; the rows in
 * the chunks' order. No ids, no query.
 */
export async function inChunks<T, R>(
  ids: readonly T[],
  read: (chunk: T[]) => Promise<R[]>,
  size = IN_LIST_MAX,
): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of chunksOf(ids, size)) {
    for (const row of await read(chunk)) rows.push(row);
  }
  return rows;
}
