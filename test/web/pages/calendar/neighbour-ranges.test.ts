import { describe, expect, it } from 'vitest';
import { neighbourRanges } from '../../../../web/src/pages/calendar/neighbour-ranges';

const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const iso = (ranges: { start: Date; end: Date }[]) =>
  ranges.map((r) => [r.start.toISOString(), r.end.toISOString()]);

describe('neighbourRanges', () => {
  it('answers the month grids FullCalendar asks for before and after December 2026 (UTC)', () => {
    // The ranges a Sunday-first month grid (fixedWeekCount: false) asked for, as logged.
    const december = range('2026-11-29T00:00:00Z', '2027-01-03T00:00:00Z');
    expect(iso(neighbourRanges(december, 'UTC'))).toEqual([
      ['2026-11-01T00:00:00.000Z', '2026-12-06T00:00:00.000Z'],
      ['2026-12-27T00:00:00.000Z', '2027-02-07T00:00:00.000Z'],
    ]);
    const january = range('2026-12-27T00:00:00Z', '2027-02-07T00:00:00Z');
    expect(iso(neighbourRanges(january, 'UTC'))[1]).toEqual([
      '2027-01-31T00:00:00.000Z',
      '2027-03-07T00:00:00.000Z',
    ]);
  });

  it('keeps a Monday-first grid on Mondays, at midnight in the zone across a DST change', () => {
    // March 2027 in Berlin, Monday first: Mon 1 Mar to Mon 5 Apr (CET, then CEST).
    const march = range('2027-02-28T23:00:00Z', '2027-04-04T22:00:00Z');
    expect(iso(neighbourRanges(march, 'Europe/Berlin'))).toEqual([
      // February 2027: Mon 1 Feb to Mon 1 Mar.
      ['2027-01-31T23:00:00.000Z', '2027-02-28T23:00:00.000Z'],
      // April 2027: Mon 29 Mar to Mon 3 May.
      ['2027-03-28T22:00:00.000Z', '2027-05-02T22:00:00.000Z'],
    ]);
  });

  it('moves a list month by whole months and a week by seven days', () => {
    const listMonth = range('2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z');
    expect(iso(neighbourRanges(listMonth, 'UTC'))).toEqual([
      ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      ['2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
    ]);
    const week = range('2027-03-21T23:00:00Z', '2027-03-28T22:00:00Z');
    expect(iso(neighbourRanges(week, 'Europe/Berlin'))).toEqual([
      ['2027-03-14T23:00:00.000Z', '2027-03-21T23:00:00.000Z'],
      ['2027-03-28T22:00:00.000Z', '2027-04-04T22:00:00.000Z'],
    ]);
  });
});
