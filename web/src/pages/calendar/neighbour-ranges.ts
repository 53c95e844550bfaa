import { Temporal } from 'temporal-polyfill';

/** A range the calendar asks its event sources for: instants, start inclusive, end exclusive. */
export interface CalendarRange {
  start: Date;
  end: Date;
}

function dayIn(date: Date, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
}

function midnight(day: Temporal.PlainDate, timeZone: string): Date {
  return new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/**
 * The ranges Previous and Next will ask for after `range`, as FullCalendar computes them for
 * this app's views: a week (week grid, list week), a month of days (list month), or a month
 * padded to whole weeks (month grid, `fixedWeekCount: false`). A wrong guess costs nothing but
 * the prefetch: a range is only ever served from the prefetch when it is asked for exactly.
 */
export function neighbourRanges(range: CalendarRange, timeZone: string): CalendarRange[] {
  const first = dayIn(range.start, timeZone);
  const last = dayIn(new Date(range.end.getTime() - 1), timeZone);
  const days = first.until(last).days + 1;
  if (days === 7) {
    return [-7, 7].map((shift) => ({
      start: midnight(first.add({ days: shift }), timeZone),
      end: midnight(last.add({ days: shift + 1 }), timeZone),
    }));
  }
  // A list month runs from a 1st to the next 1st; a grid runs whole weeks (the one February
  // that is both is taken for a grid, the default view).
  const wholeMonth = first.day === 1 && last.add({ days: 1 }).equals(first.add({ months: 1 }));
  const padded = !wholeMonth || days % 7 === 0;
  // The grid's first week holds the 1st of the month it shows.
  const month = first.add({ days: 6 }).with({ day: 1 });
  return [-1, 1].map((shift) => {
    const from = month.add({ months: shift });
    const to = from.add({ months: 1 });
    if (!padded) return { start: midnight(from, timeZone), end: midnight(to, timeZone) };
    // Whole weeks starting on the grid's first weekday, around the month's days.
    const lead = (from.dayOfWeek - first.dayOfWeek + 7) % 7;
    const trail = (first.dayOfWeek - to.dayOfWeek + 7) % 7;
    return {
      start: midnight(from.subtract({ days: lead }), timeZone),
      end: midnight(to.add({ days: trail }), timeZone),
    };
  });
}
