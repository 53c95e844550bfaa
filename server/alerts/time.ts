import { Temporal } from 'temporal-polyfill';

function zoned(instant: Date | string, timeZone: string): Temporal.ZonedDateTime {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/**
 * Whole calendar days from `from`'s local date to `to`'s local date in the
 * zone: 1 means "tomorrow", -3 "three days ago", whatever DST did in between.
 */
export function calendarDaysBetween(from: Date | string, to: Date | string, timeZone: string): number {
  return zoned(from, timeZone).toPlainDate().until(zoned(to, timeZone).toPlainDate(), { largestUnit: 'days' }).days;
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(instant: Date | string, timeZone: string): string {
  return zoned(instant, timeZone).toPlainDate().toString();
}

const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
const weekdayFormat = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' });
const dateFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' });

/**
 * When something is due, said as a person would in the given zone:
 * "today at 5:00 PM EST", "tomorrow at …", "on Friday at …",
 * "yesterday at …", "3 days ago (Tue, Nov 24 at …)", "on Fri, Dec 4 at …".
 */
export function describeWhen(dueAt: Date | string, now: Date, timeZone: string): string {
  const due = typeof dueAt === 'string' ? new Date(dueAt) : dueAt;
  const days = calendarDaysBetween(now, due, timeZone);
  const time = timeFormat(timeZone).format(due);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  if (days > 1 && days < 7) return `on ${weekdayFormat(timeZone).format(due)} at ${time}`;
  if (days < -1) return `${-days} days ago (${dateFormat(timeZone).format(due)} at ${time})`;
  return `on ${dateFormat(timeZone).format(due)} at ${time}`;
}
