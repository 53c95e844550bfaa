import { Temporal } from '#temporal';
import { isValidTimeZone } from '../../shared/constants';
import { addDays as addDaysTo, startOfDay as dayStart, todayIn as dayIn } from '../../shared/days';

/**
 * An instant as the value of an `<input type="datetime-local">` in `timeZone`:
 * `2026-03-01T17:00:00Z` in Europe/Berlin → `2026-03-01T18:00`.
 */
export function instantToLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return Temporal.Instant.from(iso)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/**
 * A `datetime-local` value read as wall-clock time in `timeZone`, as a UTC
 * ISO instant; '' → null. A time skipped by a DST change moves forward.
 */
export function localInputToInstant(value: string, timeZone: string): string | null {
  if (!value) return null;
  try {
    return Temporal.PlainDateTime.from(value)
      .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
      .toInstant()
      .toString();
  } catch {
    // Left for the schema to reject with a readable message.
    return value;
  }
}

/** The browser's time zone, when it is one the server knows: offered to new accounts. */
export function browserTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/** Today's date in `timeZone`, `YYYY-MM-DD`. */
export function todayIn(timeZone: string): string {
  return dayIn(new Date(), timeZone);
}

/** The short name of a zone's current offset, e.g. "GMT+1". */
export function zoneLabel(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: 'short',
    }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

export interface SnoozeOption {
  /** The menu item's text: "1 hour", "Tomorrow 9:00", "Next week". */
  label: string;
  /** The wake-up instant, UTC ISO, for `POST /api/alerts/:id/snooze`. */
  until: string;
}

/**
 * The snooze menu, computed in the user's zone: an hour from now, tomorrow at
 * 9:00 and next Monday at 9:00 (wall-clock time, so DST changes are honoured).
 */
export function snoozeOptions(
  timeZone: string,
  now: Temporal.Instant = Temporal.Now.instant(),
): SnoozeOption[] {
  const here = now.toZonedDateTimeISO(timeZone);
  const today = here.toPlainDate();
  const atNine = (day: Temporal.PlainDate) =>
    day
      .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('09:00') })
      .toInstant()
      .toString();
  return [
    { label: '1 hour', until: now.add({ hours: 1 }).toString() },
    { label: 'Tomorrow 9:00', until: atNine(today.add({ days: 1 })) },
    { label: 'Next week', until: atNine(today.add({ days: 8 - today.dayOfWeek })) },
  ];
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function dayOf(iso: string, timeZone: string): string {
  return dayIn(new Date(Temporal.Instant.from(iso).epochMilliseconds), timeZone);
}

/** The day `days` after a `YYYY-MM-DD` day; '' when the day is not a valid date. */
export function addDays(day: string, days: number): string {
  try {
    return addDaysTo(day, days);
  } catch {
    return '';
  }
}

/** The instant a calendar day (`YYYY-MM-DD`) starts in `timeZone`, UTC ISO; null when it is not a day. */
export function startOfDay(day: string, timeZone: string): string | null {
  try {
    return Temporal.Instant.fromEpochMilliseconds(dayStart(day, timeZone).getTime()).toString();
  } catch {
    return null;
  }
}
