import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { PLATFORM_LABELS } from '../../shared/labels';
import type { Database } from '../db/schema';

/** How far back a feed reaches; calendars keep what they already fetched. */
export const FEED_LOOKBACK_DAYS = 180;
/** Go-lives ring this long before (a VALARM on each). */
export const GO_LIVE_ALARM_SECONDS = 60 * 60;
/** A deadline is a point in time; calendars show it as a short block. */
const DEADLINE_MINUTES = 15;

export interface FeedOptions {
  drafts: boolean;
  goLives: boolean;
  invoices: boolean;
  workspaceName: string;
  appUrl: string;
  now: Date;
}

export interface CalendarFeed {
  /** The iCalendar text, CRLF-terminated. */
  text: string;
  /** When the newest record it shows (its deal and brand included) last changed. */
  lastModified: Date;
}

/** RFC 5545 TEXT: a backslash, comma and semicolon are escaped (ical-generator leaves the name as is). */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/**
 * Moves each VALARM to the end of its VEVENT, after the event's own
 * properties (ical-generator writes some, like URL, after the alarms), and
 * ends the last line with CRLF as RFC 5545 asks.
 */
function alarmsLast(text: string): string {
  const lines: string[] = [];
  let alarms: string[] = [];
  let inAlarm = false;
  for (const line of text.split('\r\n')) {
    if (line === 'BEGIN:VALARM') inAlarm = true;
    if (inAlarm) alarms.push(line);
    else if (line === 'END:VEVENT') {
      lines.push(...alarms, line);
      alarms = [];
    } else if (line !== '') lines.push(line);
    if (line === 'END:VALARM') inAlarm = false;
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The latest of some instants (PostgreSQL answers aggregates as Dates, SQLite as text). */
const latest = (...instants: Array<string | Date>) =>
  new Date(Math.max(...instants.map((at) => new Date(at).getTime())));

/**
 * The iCalendar (RFC 5545) text of a feed. UIDs are derived from the record
 * and the kind of event, so they stay the same across every edit; SEQUENCE
 * is the record's version, which grows with each change; DTSTAMP is when it
 * last changed, in UTC; timed events are in UTC, invoice due days all-day.
 * A published deliverable keeps its go-live, without the reminder, and drops
 * its draft deadline.
 */
export async function buildCalendarFeed(
  db: Kysely<Database>,
  options: FeedOptions,
): Promise<CalendarFeed> {
  let lastModified = new Date(0);
  const since = new Date(options.now.getTime() - FEED_LOOKBACK_DAYS * 86_400_000).toISOString();
  const host = new URL(options.appUrl).host;
  const base = options.appUrl.replace(/\/+$/, '');
  const calendar = ical({
    name: `${escapeText(options.workspaceName)} — Sponsorcal`,
    prodId: { company: 'Sponsorcal', product: 'Sponsorcal', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 15,
  });

  if (options.drafts || options.goLives) {
    let query = db
      .selectFrom('deliverables')
      .innerJoin('deals', 'deals.id', 'deliverables.dealId')
      .innerJoin('brands', 'brands.id', 'deliverables.brandId')
      .select([
        'deliverables.id',
        'deliverables.title',
        'deliverables.platform',
        'deliverables.status',
        'deliverables.draftDueAt',
        'deliverables.publishAt',
        'deliverables.brief',
        'deliverables.version',
        'deliverables.updatedAt',
        'deals.title as dealTitle',
        'deals.updatedAt as dealUpdatedAt',
        'brands.name as brandName',
        'brands.updatedAt as brandUpdatedAt',
      ])
      .where('deliverables.status', '<>', 'cancelled')
      // A stable order: the same records give the same text (and ETag).
      .orderBy('deliverables.id');
    query = query.where((eb) =>
      eb.or([
        ...(options.drafts ? [eb('deliverables.draftDueAt', '>=', since)] : []),
        ...(options.goLives ? [eb('deliverables.publishAt', '>=', since)] : []),
      ]),
    );
    for (const d of await query.execute()) {
      lastModified = latest(lastModified, d.updatedAt, d.dealUpdatedAt, d.brandUpdatedAt);
      const published = d.status === 'published';
      const common = {
        sequence: d.version,
        stamp: new Date(d.updatedAt),
        url: `${base}/?deliverable=${encodeURIComponent(d.id)}`,
        description: [
          `${d.brandName} · ${d.dealTitle}`,
          `Status: ${d.status.replace(/_/g, ' ')}`,
          d.brief,
        ]
          .filter(Boolean)
          .join('\n'),
      };
      if (options.drafts && !published && d.draftDueAt && d.draftDueAt >= since) {
        const start = new Date(d.draftDueAt);
        calendar.createEvent({
          ...common,
          id: `draft-${d.id}@${host}`,
          start,
          end: new Date(start.getTime() + DEADLINE_MINUTES * 60_000),
          summary: `Draft due: ${d.title} (${d.brandName})`,
        });
      }
      if (options.goLives && d.publishAt && d.publishAt >= since) {
        const start = new Date(d.publishAt);
        calendar.createEvent({
          ...common,
          id: `golive-${d.id}@${host}`,
          start,
          end: new Date(start.getTime() + DEADLINE_MINUTES * 60_000),
          summary: `Go live: ${d.title} on ${PLATFORM_LABELS[d.platform]} (${d.brandName})`,
          alarms: published
            ? []
            : [
                {
                  type: ICalAlarmType.display,
                  trigger: GO_LIVE_ALARM_SECONDS,
                  description: `Goes live in an hour: ${d.title}`,
                },
              ],
        });
      }
    }
  }

  if (options.invoices) {
    const sinceDay = since.slice(0, 10);
    const invoices = await db
      .selectFrom('invoices')
      .innerJoin('deals', 'deals.id', 'invoices.dealId')
      .innerJoin('brands', 'brands.id', 'deals.brandId')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.dueOn',
        'invoices.status',
        'invoices.version',
        'invoices.updatedAt',
        'invoices.dealId',
        'deals.updatedAt as dealUpdatedAt',
        'brands.name as brandName',
        'brands.updatedAt as brandUpdatedAt',
      ])
      .where('invoices.status', '<>', 'void')
      .where('invoices.dueOn', '>=', sinceDay)
      .orderBy('invoices.id')
      .execute();
    for (const invoice of invoices) {
      lastModified = latest(
        lastModified,
        invoice.updatedAt,
        invoice.dealUpdatedAt,
        invoice.brandUpdatedAt,
      );
      const day = Temporal.PlainDate.from(String(invoice.dueOn).slice(0, 10));
      calendar.createEvent({
        id: `invoice-${invoice.id}@${host}`,
        allDay: true,
        start: day,
        end: day.add({ days: 1 }),
        sequence: invoice.version,
        stamp: new Date(invoice.updatedAt),
        summary: `Invoice ${invoice.number} due (${invoice.brandName})${invoice.status === 'paid' ? ' — paid' : ''}`,
        url: `${base}/deals/${encodeURIComponent(invoice.dealId)}`,
      });
    }
  }
  // A deletion leaves no row to date it; the audit trail's entry does.
  const deleted = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('action', '=', 'delete')
    .where('entityType', 'in', ['deliverable', 'deal', 'brand', 'invoice'])
    .executeTakeFirst();
  if (deleted?.at) lastModified = latest(lastModified, deleted.at);
  return { text: alarmsLast(calendar.toString()), lastModified };
}
