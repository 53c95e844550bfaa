import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
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

/**
 * The iCalendar (RFC 5545) text of a feed. UIDs are derived from the record
 * and the kind of event, so they stay the same across every edit; SEQUENCE
 * is the record's version, which grows with each change; DTSTAMP is when it
 * last changed, in UTC; timed events are in UTC, invoice due days all-day.
 */
export async function buildCalendarFeed(
  db: Kysely<Database>,
  options: FeedOptions,
): Promise<string> {
  const since = new Date(options.now.getTime() - FEED_LOOKBACK_DAYS * 86_400_000).toISOString();
  const host = new URL(options.appUrl).host;
  const base = options.appUrl.replace(/\/+$/, '');
  const calendar = ical({
    name: `${options.workspaceName} — Sponsorcal`,
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
        'brands.name as brandName',
      ])
      .where('deliverables.status', '<>', 'cancelled');
    query = query.where((eb) =>
      eb.or([
        ...(options.drafts ? [eb('deliverables.draftDueAt', '>=', since)] : []),
        ...(options.goLives ? [eb('deliverables.publishAt', '>=', since)] : []),
      ]),
    );
    for (const d of await query.execute()) {
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
      if (options.drafts && d.draftDueAt && d.draftDueAt >= since) {
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
          summary: `Go live: ${d.title} on ${d.platform} (${d.brandName})`,
          alarms: [
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
        'brands.name as brandName',
      ])
      .where('invoices.status', '<>', 'void')
      .where('invoices.dueOn', '>=', sinceDay)
      .execute();
    for (const invoice of invoices) {
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
  return calendar.toString();
}
