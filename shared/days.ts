import { Temporal } from '#temporal';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` days and the zone a day is read in:
 * one implementation for the server and the web app.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds since the epoch of a `YYYY-MM-DD` day at 00:00 UTC, or null
 * for anything else (then Temporal decides, and explains what is wrong). Day
 * arithmetic runs per row in the alert scan and the calendar: Temporal's
 * generality costs tens of microseconds a call, this a fraction of one.
 */
function utcDayMs(day: string): number | null {
  let ms = dayMs.get(day);
  if (ms !== undefined) return ms;
  const m = PLAIN_DAY.exec(day);
  if (!m) return null;
  ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls Feb 30 over into March; Temporal rejects it, so leave those to Temporal.
  if (!new Date(ms).toISOString().startsWith(day)) return null;
  if (dayMs.size >= 20_000) dayMs.clear();
  dayMs.set(day, ms);
  return ms;
}

/** Days already read (a scan meets the same few thousand days over and over). */
const dayMs = new Map<string, number>();

/** The day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  const ms = utcDayMs(day);
  const result = ms === null ? null : new Date(ms + days * DAY_MS).toISOString();
  if (result && /^\d{4}-/.test(result)) return result.slice(0, 10);
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = utcDayMs(from);
  const b = utcDayMs(to);
  if (a !== null && b !== null) return Math.round((b - a) / DAY_MS);
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' })
    .days;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The calendar day it is at `now` in the zone. */
export function todayIn(now: Date, timeZone: string): string {
  // Read from the date's fields: toISOString builds the whole instant and costs several times more.
  const utcYear = timeZone === 'UTC' ? now.getUTCFullYear() : NaN;
  if (utcYear >= 0 && utcYear <= 9999) {
    return `${String(utcYear).padStart(4, '0')}-${twoDigits(now.getUTCMonth() + 1)}-${twoDigits(now.getUTCDate())}`;
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of dayFormat(timeZone).formatToParts(now)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  if (/^\d{4}$/.test(year)) return `${year}-${month}-${day}`;
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** The instant a calendar day begins in the zone (DST-safe: not always 00:00 in every zone). */
export function startOfDay(day: string, timeZone: string): Date {
  if (timeZone === 'UTC') {
    const ms = utcDayMs(day);
    if (ms !== null) return new Date(ms);
  }
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The instant a wall-clock `HH:MM` on `day` is in the zone (a time skipped by DST moves forward). */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  return new Date(
    Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(timeZone, {
      disambiguation: 'compatible',
    }).epochMilliseconds,
  ).toISOString();
}

/** The first day of a day's month. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of a day's month. */
export function lastOfMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const MEDIUM_DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * "Mar 31, 2026" for a `YYYY-MM-DD` day, as the app shows days (web/src/format.ts
 * `formatDay` in an English browser): for words the server writes, such as warnings.
 */
export function formatDay(day: string): string {
  let words = dayWords.get(day);
  if (words === undefined) {
    words = MEDIUM_DAY.format(new Date(`${day}T12:00:00Z`));
    if (dayWords.size >= 20_000) dayWords.clear();
    dayWords.set(day, words);
  }
  return words;
}

/** Days already written out: Intl formats one in microseconds, and warnings name the same few days again and again. */
const dayWords = new Map<string, string>();
