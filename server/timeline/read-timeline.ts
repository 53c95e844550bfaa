import type { Kysely } from 'kysely';
import {
  TIMELINE_DEFAULT_LIMIT,
  type TimelineItem,
  type TimelinePage,
} from '../../shared/schemas/timeline';
import type { Database } from '../db/schema';
import { assertBrandExists } from '../db/queries/pitches';
import { formatCursor, newestFirst, parseCursor, type SourcedItem } from './cursor';
import { TIMELINE_SOURCES, type TimelineSource } from './sources';

export interface ReadTimelineOptions {
  limit?: number;
  /** The `nextBefore` of the previous page. */
  before?: string;
  /** Where to read from; every source by default. */
  sources?: readonly TimelineSource[];
}

/**
 * One page of a brand's timeline, newest first. Each source reads at most
 * `limit + 1` of its own rows older than the cursor; the merge keeps the
 * newest `limit` of them all, and one more beyond them means there is an
 * older page, which starts after the last entry kept. 404 for an unknown brand.
 */
export async function readBrandTimeline(
  db: Kysely<Database>,
  brandId: string,
  options: ReadTimelineOptions = {},
): Promise<TimelinePage> {
  await assertBrandExists(db, brandId);
  const limit = options.limit ?? TIMELINE_DEFAULT_LIMIT;
  const before = options.before ? parseCursor(options.before) : null;
  const sources = options.sources ?? TIMELINE_SOURCES;
  const window = { brandId, before, limit: limit + 1 };
  // One at a time: SQLite answers on one connection anyway, and a PostgreSQL pool is shared.
  const merged: SourcedItem[] = [];
  for (const source of sources) merged.push(...(await source.read(db, window)));
  merged.sort(newestFirst);
  const page = merged.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(publicItem),
    nextBefore: merged.length > limit && last ? formatCursor(last) : null,
  };
}

function publicItem({ source: _source, rowId: _rowId, ...item }: SourcedItem): TimelineItem {
  return item;
}
