import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  firstOfMonth,
  lastOfMonth,
  startOfDay,
  todayIn,
} from '../../shared/days';

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2028-01-31', 30, '2028-03-01'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-03-10', 365, '2027-03-10'],
    ['2027-03-10', 365, '2028-03-09'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it('counts days, not hours, across a DST change (there is no zone in a calendar day)', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-10', '2026-03-10', 0],
    ['2026-03-10', '2026-03-11', 1],
    ['2026-03-11', '2026-03-10', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-05', '2026-03-12', 7],
    ['2026-10-30', '2026-11-02', 3],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addDays', () => {
    for (const n of [-400, -31, -1, 0, 1, 29, 59, 366, 1000]) {
      expect(daysBetween('2026-02-15', addDays('2026-02-15', n))).toBe(n);
    }
  });
});

describe('todayIn', () => {
  const instant = new Date('2026-03-10T23:30:00.000Z');
  it.each([
    ['UTC', '2026-03-10'],
    ['America/Los_Angeles', '2026-03-10'],
    ['America/New_York', '2026-03-10'],
    ['Europe/Berlin', '2026-03-11'],
    ['Asia/Kolkata', '2026-03-11'],
    ['Pacific/Auckland', '2026-03-11'],
    ['Pacific/Kiritimati', '2026-03-11'],
    ['Pacific/Pago_Pago', '2026-03-10'],
  ])('at 2026-03-10T23:30Z it is %s’s %s', (zone, expected) => {
    expect(todayIn(instant, zone)).toBe(expected);
  });

  it('turns the day at local midnight, not at UTC midnight', () => {
    // Los Angeles is on PDT (UTC−7) after 2026-03-08.
    expect(todayIn(new Date('2026-03-11T06:59:59.999Z'), 'America/Los_Angeles')).toBe('2026-03-10');
    expect(todayIn(new Date('2026-03-11T07:00:00.000Z'), 'America/Los_Angeles')).toBe('2026-03-11');
    // Auckland is on NZDT (UTC+13) until 2026-04-05.
    expect(todayIn(new Date('2026-03-10T10:59:59.999Z'), 'Pacific/Auckland')).toBe('2026-03-10');
    expect(todayIn(new Date('2026-03-10T11:00:00.000Z'), 'Pacific/Auckland')).toBe('2026-03-11');
    // Kolkata is UTC+5:30 all year.
    expect(todayIn(new Date('2026-03-10T18:29:59.999Z'), 'Asia/Kolkata')).toBe('2026-03-10');
    expect(todayIn(new Date('2026-03-10T18:30:00.000Z'), 'Asia/Kolkata')).toBe('2026-03-11');
  });

  it('answers the new year in zones already past midnight', () => {
    const newYearsEve = new Date('2026-12-31T12:00:00.000Z');
    expect(todayIn(newYearsEve, 'UTC')).toBe('2026-12-31');
    expect(todayIn(newYearsEve, 'Pacific/Auckland')).toBe('2027-01-01');
    expect(todayIn(newYearsEve, 'Pacific/Honolulu')).toBe('2026-12-31');
  });
});

describe('startOfDay', () => {
  it.each([
    ['2026-03-10', 'UTC', '2026-03-10T00:00:00.000Z'],
    ['2026-03-10', 'America/Los_Angeles', '2026-03-10T07:00:00.000Z'],
    ['2026-03-10', 'Europe/Berlin', '2026-03-09T23:00:00.000Z'],
    ['2026-03-10', 'Pacific/Auckland', '2026-03-09T11:00:00.000Z'],
    ['2026-07-01', 'Europe/Berlin', '2026-06-30T22:00:00.000Z'],
    ['2026-03-11', 'Asia/Kolkata', '2026-03-10T18:30:00.000Z'],
  ])('%s begins in %s at %s', (day, zone, expected) => {
    expect(startOfDay(day, zone).toISOString()).toBe(expected);
  });

  it('is local midnight on the days DST starts and ends at 2 AM (New York)', () => {
    // 2026-03-08: 02:00 EST → 03:00 EDT; midnight is still EST (UTC−5).
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    // 2026-11-01: 02:00 EDT → 01:00 EST; midnight is still EDT (UTC−4).
    expect(startOfDay('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(startOfDay('2026-11-02', 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('is the first instant that exists when midnight itself is skipped (America/Santiago, 2026-09-06)', () => {
    // Chile springs forward at 24:00 on Saturday: 2026-09-06 00:00 −04 never happens, the day starts at 01:00 −03.
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // The instant just before it is still Saturday there.
    expect(todayIn(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
    expect(todayIn(start, 'America/Santiago')).toBe('2026-09-06');
    // A 23-hour day: the next one starts 23 hours later.
    expect(startOfDay('2026-09-07', 'America/Santiago').getTime() - start.getTime()).toBe(
      23 * 3600_000,
    );
  });

  it('is the first instant that exists when midnight itself is skipped (Asia/Beirut, 2026-03-29)', () => {
    // Lebanon springs forward at 00:00 on the last Sunday of March: the day starts at 01:00 +03.
    const start = startOfDay('2026-03-29', 'Asia/Beirut');
    expect(start.toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(todayIn(new Date(start.getTime() - 1), 'Asia/Beirut')).toBe('2026-03-28');
    expect(todayIn(start, 'Asia/Beirut')).toBe('2026-03-29');
  });

  it('is the earlier midnight when midnight happens twice (America/Santiago, 2026-04-05)', () => {
    // Chile falls back at 24:00 on Saturday 2026-04-04: 23:00 −03 → 23:00 −04, so Sunday starts once, at 00:00 −04.
    expect(startOfDay('2026-04-05', 'America/Santiago').toISOString()).toBe(
      '2026-04-05T04:00:00.000Z',
    );
    expect(startOfDay('2026-04-04', 'America/Santiago').toISOString()).toBe(
      '2026-04-04T03:00:00.000Z',
    );
  });

  it('agrees with todayIn: the day begins at its start and not one millisecond before', () => {
    const cases: Array<[string, string]> = [
      ['2026-03-08', 'America/New_York'],
      ['2026-11-01', 'America/New_York'],
      ['2026-09-06', 'America/Santiago'],
      ['2026-03-29', 'Asia/Beirut'],
      ['2026-03-29', 'Europe/Berlin'],
      ['2026-04-05', 'Pacific/Auckland'],
    ];
    for (const [day, zone] of cases) {
      const start = startOfDay(day, zone);
      expect(todayIn(start, zone), `${day} ${zone}`).toBe(day);
      expect(todayIn(new Date(start.getTime() - 1), zone), `${day} ${zone}`).toBe(addDays(day, -1));
    }
  });
});

describe('firstOfMonth and lastOfMonth', () => {
  it.each([
    ['2026-03-17', '2026-03-01', '2026-03-31'],
    ['2026-02-01', '2026-02-01', '2026-02-28'],
    ['2028-02-29', '2028-02-01', '2028-02-29'],
    ['2026-12-31', '2026-12-01', '2026-12-31'],
    ['2026-04-30', '2026-04-01', '2026-04-30'],
  ])('%s is in the month from %s to %s', (day, first, last) => {
    expect(firstOfMonth(day)).toBe(first);
    expect(lastOfMonth(day)).toBe(last);
  });
});
