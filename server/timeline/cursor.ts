import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type ReferenceExpression,
  type SqlBool,
} from 'kysely';
import { TIMELINE_CURSOR, type TimelineItem } from '../../shared/schemas/timeline';

/**
 * A place in a brand's timeline. Entries sort by instant, then by source
 * name, then by the row's id (newest first), so entries of the same
 * millisecond still each have one place and a page boundary between them
 * neither repeats nor skips one. On the wire: `<at>~<source>~<row id>`.
 */
export interface TimelineCursor {
  at: string;
  source: string;
  rowId: string;
}

/** A source's entry before it is named: where it sorts, and what it says. */
export type SourcedItem = TimelineItem & { source: string; rowId: string };

export function parseCursor(text: string): TimelineCursor {
  const m = TIMELINE_CURSOR.exec(text);
  if (!m) throw new Error(`not a timeline cursor: ${text}`);
  return { at: m[1]!, source: m[2]!, rowId: m[3]! };
}

export function formatCursor({ at, source, rowId }: TimelineCursor): string {
  return `${at}~${source}~${rowId}`;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first: negative when `a` comes before `b` on the timeline. */
export function newestFirst(a: TimelineCursor, b: TimelineCursor): number {
  return order(b.at, a.at) || order(b.source, a.source) || order(b.rowId, a.rowId);
}

/** What one source is asked for: at most `limit` entries strictly older than `before`. */
export interface TimelineWindow {
  brandId: string;
  before: TimelineCursor | null;
  limit: number;
}

/**
 * The rows of `source` that come after the cursor on the timeline (older),
 * by its instant and id columns. At the cursor's own instant, a source that
 * sorts before the cursor's keeps all its rows, one that sorts after keeps
 * none, and the cursor's own source keeps those with a smaller id.
 */
export function olderThan<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  at: ReferenceExpression<DB, TB>,
  id: ReferenceExpression<DB, TB>,
  source: string,
  before: TimelineCursor | null,
): Expression<SqlBool> {
  if (!before) return sql<SqlBool>`1 = 1`;
  if (source > before.source) return eb(at, '<', before.at);
  if (source < before.source) return eb(at, '<=', before.at);
  return eb.or([
    eb(at, '<', before.at),
    eb.and([eb(at, '=', before.at), eb(id, '<', before.rowId)]),
  ]);
}
