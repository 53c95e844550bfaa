import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, startOfDay, todayIn } from '../../shared/days';

// Zones with DST, half- and quarter-hour offsets, and the date line on either side.
const ZONES = [
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Europe/London',
];

/** Instants every 7 h 13 min over 12 years: every hour of the day, DST changes included. */
const INSTANTS = Array.from(
  { length: 15_000 },
  (_, i) => Date.UTC(2018, 0, 1) + i * (7 * 60 + 13) * 60_000,
);

describe('day arithmetic fast paths agree with Temporal', () => {
  it('todayIn gives the zone’s calendar day for any instant', () => {
    for (const [i, ms] of INSTANTS.entries()) {
      const zone = ZONES[i % ZONES.length]!;
      const expected = Temporal.Instant.fromEpochMilliseconds(ms)
        .toZonedDateTimeISO(zone)
        .toPlainDate()
        .toString();
      expect(todayIn(new Date(ms), zone), `${new Date(ms).toISOString()} in ${zone}`).toBe(
        expected,
      );
    }
  });

  it('addDays, daysBetween and startOfDay agree across month, year and DST boundaries', () => {
    for (const [i, ms] of INSTANTS.entries()) {
      if (i % 7 !== 0) continue;
      const zone = ZONES[i % ZONES.length]!;
      const day = new Date(ms).toISOString().slice(0, 10);
      const days = (i % 1201) - 600;
      const later = Temporal.PlainDate.from(day).add({ days }).toString();
      expect(addDays(day, days)).toBe(later);
      expect(daysBetween(day, later)).toBe(days);
      expect(startOfDay(day, zone).getTime()).toBe(
        Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
      );
    }
  });

  it('still refuses what is not a day', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', 'soon']) {
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
      expect(() => daysBetween(bad, '2026-01-01'), bad).toThrow(RangeError);
    }
  });
});
