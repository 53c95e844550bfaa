import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TimelineActor } from '../../../shared/schemas/timeline';
import type { SourcedItem, TimelineWindow } from '../cursor';

/**
 * One kind of record a brand's timeline is read from: answers, newest first,
 * at most `window.limit` of the brand's entries older than `window.before`,
 * reading only that brand's rows. Its `name` is part of each entry's id and
 * of the paging cursor, so it never changes once shipped.
 */
export interface TimelineSource {
  name: string;
  read: (db: Kysely<Database>, window: TimelineWindow) => Promise<SourcedItem[]>;
}

/** An entry of `source`, its id made from the source's name and the row's. */
export function entry(
  source: string,
  rowId: string,
  fields: Omit<SourcedItem, 'id' | 'source' | 'rowId' | 'dealId' | 'detail'> &
    Partial<Pick<SourcedItem, 'dealId' | 'detail'>>,
): SourcedItem {
  return {
    id: `${source}~${rowId}`,
    source,
    rowId,
    dealId: null,
    detail: null,
    ...fields,
    at: new Date(fields.at).toISOString(),
  };
}

/** A teammate by id and name (null when the account is gone or it was nobody). */
export function teammate(id: string | null, name: string | null): TimelineActor {
  return id && name ? { kind: 'team', id, name } : null;
}

/** Someone at the brand, by the name they gave. */
export function brandPerson(name: string | null | undefined, fallback: string): TimelineActor {
  return { kind: 'brand', id: null, name: name?.trim() || fallback };
}

/** Free text cut to a line for a summary. */
export function clip(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
