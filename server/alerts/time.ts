import { daysBetween, todayIn } from '../../shared/days';

const asDate = (instant: Date | string) =>
  typeof instant === 'string' ? new Date(instant) : instant;

/**
 * Whole calendar days from `from`'s local date to `to`'s local date in the
 * zone: 1 means "tomorrow", -3 "three days ago", whatever DST did in between.
 */
export function calendarDaysBetween(
  from: Date | string,
  to: Date | string,
  timeZone: string,
): number {
  return daysBetween(todayIn(asDate(from), timeZone), todayIn(asDate(to), timeZone));
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(instant: Date | string, timeZone: string): string {
  return todayIn(asDate(instant), timeZone);
}

/** Formatters by zone, made once: making one costs far more than formatting (a scan words thousands). */
function cachedFormat(
  options: Intl.DateTimeFormatOptions,
): (timeZone: string) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
      formats.set(timeZone, format);
    }
    return format;
  };
}

const timeFormat = cachedFormat({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
const weekdayFormat = cachedFormat({ weekday: 'long' });
const dateFormat = cachedFormat({ weekday: 'short', month: 'short', day: 'numeric' });

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

// Made once: building a formatter costs far more than formatting with it.
const DAY_WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });
const DAY_SHORT = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "today", "tomorrow", "on Friday, Nov 27": a due day said from the reader's today. */
export function describeDay(day: string, now: Date, timeZone: string): string {
  const days = daysBetween(todayIn(now, timeZone), day);
  const date = new Date(`${day}T12:00:00Z`);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days < 7) return `on ${DAY_WEEKDAY.format(date)}`;
  return `on ${DAY_SHORT.format(date)}`;
}
