import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, describeWhen, localDay } from '../../../server/alerts/time';

const HOUR = 60 * 60 * 1000;
const elapsedHours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

interface Case {
  zone: string;
  what: string;
  now: string;
  due: string;
  /** Real hours between the two, to show that 24-hour blocks would get it wrong. */
  hours: number;
  days: number;
  said: string;
}

const CASES: Case[] = [
  // America/New_York: spring forward on 2026-03-08 (EST → EDT), fall back on 2026-11-01 (EDT → EST).
  {
    zone: 'America/New_York',
    what: 'the next day, 23 h later across spring-forward',
    now: '2026-03-07T22:00:00Z', // Sat 5:00 PM EST
    due: '2026-03-08T21:00:00Z', // Sun 5:00 PM EDT
    hours: 23,
    days: 1,
    said: 'tomorrow at 5:00 PM EDT',
  },
  {
    zone: 'America/New_York',
    what: 'the same day, 22 h later on the short day',
    now: '2026-03-08T05:30:00Z', // Sun 12:30 AM EST
    due: '2026-03-09T03:30:00Z', // Sun 11:30 PM EDT
    hours: 22,
    days: 0,
    said: 'today at 11:30 PM EDT',
  },
  {
    zone: 'America/New_York',
    what: 'the day before, only 23.5 h earlier',
    now: '2026-03-09T03:30:00Z', // Sun 11:30 PM EDT
    due: '2026-03-08T04:00:00Z', // Sat 11:00 PM EST
    hours: -23.5,
    days: -1,
    said: 'yesterday at 11:00 PM EST',
  },
  {
    zone: 'America/New_York',
    what: 'two calendar days before, only 47.5 h earlier',
    now: '2026-03-09T03:30:00Z', // Sun 11:30 PM EDT
    due: '2026-03-07T04:00:00Z', // Fri 11:00 PM EST
    hours: -47.5,
    days: -2,
    said: '2 days ago (Fri, Mar 6 at 11:00 PM EST)',
  },
  {
    zone: 'America/New_York',
    what: 'the next day, 25 h later across fall-back',
    now: '2026-10-31T21:00:00Z', // Sat 5:00 PM EDT
    due: '2026-11-01T22:00:00Z', // Sun 5:00 PM EST
    hours: 25,
    days: 1,
    said: 'tomorrow at 5:00 PM EST',
  },
  {
    zone: 'America/New_York',
    what: 'the same day, 24.5 h later on the long day',
    now: '2026-11-01T04:15:00Z', // Sun 12:15 AM EDT
    due: '2026-11-02T04:45:00Z', // Sun 11:45 PM EST
    hours: 24.5,
    days: 0,
    said: 'today at 11:45 PM EST',
  },
  {
    zone: 'America/New_York',
    what: 'two calendar days later, 26 h later across fall-back',
    now: '2026-11-01T03:30:00Z', // Sat 11:30 PM EDT
    due: '2026-11-02T05:30:00Z', // Mon 12:30 AM EST
    hours: 26,
    days: 2,
    said: 'on Monday at 12:30 AM EST',
  },
  // Europe/Berlin: spring forward on 2026-03-29, fall back on 2026-10-25.
  {
    zone: 'Europe/Berlin',
    what: 'the next day, 23 h later across spring-forward',
    now: '2026-03-28T16:00:00Z', // Sat 17:00 CET
    due: '2026-03-29T15:00:00Z', // Sun 17:00 CEST
    hours: 23,
    days: 1,
    said: 'tomorrow at 5:00 PM GMT+2',
  },
  {
    zone: 'Europe/Berlin',
    what: 'the day before, only 22.5 h earlier',
    now: '2026-03-29T21:00:00Z', // Sun 23:00 CEST
    due: '2026-03-28T22:30:00Z', // Sat 23:30 CET
    hours: -22.5,
    days: -1,
    said: 'yesterday at 11:30 PM GMT+1',
  },
  {
    zone: 'Europe/Berlin',
    what: 'the next day, 25 h later across fall-back',
    now: '2026-10-24T15:00:00Z', // Sat 17:00 CEST
    due: '2026-10-25T16:00:00Z', // Sun 17:00 CET
    hours: 25,
    days: 1,
    said: 'tomorrow at 5:00 PM GMT+1',
  },
  {
    zone: 'Europe/Berlin',
    what: 'the same day, 24 h 40 min later on the long day',
    now: '2026-10-24T22:10:00Z', // Sun 00:10 CEST
    due: '2026-10-25T22:50:00Z', // Sun 23:50 CET
    hours: 24 + 40 / 60,
    days: 0,
    said: 'today at 11:50 PM GMT+1',
  },
  // Australia/Melbourne: daylight saving ends on 2026-04-05 and starts on 2026-10-04.
  {
    zone: 'Australia/Melbourne',
    what: 'the next day, 25 h later as daylight saving ends',
    now: '2026-04-04T06:00:00Z', // Sat 17:00 AEDT
    due: '2026-04-05T07:00:00Z', // Sun 17:00 AEST
    hours: 25,
    days: 1,
    said: 'tomorrow at 5:00 PM GMT+10',
  },
  {
    zone: 'Australia/Melbourne',
    what: 'the next day, 23 h later as daylight saving starts',
    now: '2026-10-03T07:00:00Z', // Sat 17:00 AEST
    due: '2026-10-04T06:00:00Z', // Sun 17:00 AEDT
    hours: 23,
    days: 1,
    said: 'tomorrow at 5:00 PM GMT+11',
  },
  {
    zone: 'Australia/Melbourne',
    what: 'three calendar days before, only 70.5 h earlier',
    now: '2026-10-04T12:00:00Z', // Sun 23:00 AEDT
    due: '2026-10-01T13:30:00Z', // Thu 23:30 AEST
    hours: -70.5,
    days: -3,
    said: '3 days ago (Thu, Oct 1 at 11:30 PM GMT+10)',
  },
];

describe('describeWhen and calendarDaysBetween across DST changes', () => {
  it.each(CASES)('$zone: $what', ({ zone, now, due, hours, days, said }) => {
    expect(elapsedHours(now, due)).toBeCloseTo(hours, 6);
    expect(calendarDaysBetween(now, due, zone)).toBe(days);
    expect(describeWhen(due, new Date(now), zone)).toBe(said);
  });
});

describe('describeWhen renders the local hour', () => {
  it.each([
    [
      'America/New_York',
      '2026-03-06',
      [
        '2026-03-06T22:00:00Z',
        '2026-03-07T22:00:00Z',
        '2026-03-08T21:00:00Z',
        '2026-03-09T21:00:00Z',
      ],
    ],
    [
      'America/New_York',
      '2026-10-30',
      [
        '2026-10-30T21:00:00Z',
        '2026-10-31T21:00:00Z',
        '2026-11-01T22:00:00Z',
        '2026-11-02T22:00:00Z',
      ],
    ],
    [
      'Europe/Berlin',
      '2026-03-27',
      [
        '2026-03-27T16:00:00Z',
        '2026-03-28T16:00:00Z',
        '2026-03-29T15:00:00Z',
        '2026-03-30T15:00:00Z',
      ],
    ],
    [
      'Europe/Berlin',
      '2026-10-23',
      [
        '2026-10-23T15:00:00Z',
        '2026-10-24T15:00:00Z',
        '2026-10-25T16:00:00Z',
        '2026-10-26T16:00:00Z',
      ],
    ],
    [
      'Australia/Melbourne',
      '2026-04-03',
      [
        '2026-04-03T06:00:00Z',
        '2026-04-04T06:00:00Z',
        '2026-04-05T07:00:00Z',
        '2026-04-06T07:00:00Z',
      ],
    ],
    [
      'Australia/Melbourne',
      '2026-10-02',
      [
        '2026-10-02T07:00:00Z',
        '2026-10-03T07:00:00Z',
        '2026-10-04T06:00:00Z',
        '2026-10-05T06:00:00Z',
      ],
    ],
  ] as const)(
    '17:00 in %s on four days from %s, across a change, stays "5:00 PM"',
    (zone, firstDay, instants) => {
      const [first] = instants;
      const now = new Date(Date.parse(first) - 2 * HOUR);
      instants.forEach((instant, i) => {
        const said = describeWhen(instant, now, zone);
        expect(said).toMatch(/ at 5:00 PM \S+$/);
        expect(calendarDaysBetween(now, instant, zone)).toBe(i);
      });
      // Consecutive local days, whatever the UTC offset did.
      const start = Date.parse(`${firstDay}T12:00:00Z`);
      expect(instants.map((instant) => localDay(instant, zone))).toEqual(
        instants.map((_, i) => new Date(start + i * 24 * HOUR).toISOString().slice(0, 10)),
      );
    },
  );
});

describe('describeWhen wording', () => {
  const zone = 'America/New_York';
  const now = new Date('2026-03-02T14:00:00Z'); // Mon 9:00 AM EST

  it.each([
    ['2026-03-02T22:00:00Z', 'today at 5:00 PM EST'],
    ['2026-03-03T22:00:00Z', 'tomorrow at 5:00 PM EST'],
    ['2026-03-05T22:00:00Z', 'on Thursday at 5:00 PM EST'],
    ['2026-03-09T21:00:00Z', 'on Mon, Mar 9 at 5:00 PM EDT'],
    ['2026-03-01T22:00:00Z', 'yesterday at 5:00 PM EST'],
    ['2026-02-25T22:00:00Z', '5 days ago (Wed, Feb 25 at 5:00 PM EST)'],
  ])('%s is "%s"', (due, said) => {
    expect(describeWhen(due, now, zone)).toBe(said);
  });

  it('takes the calendar day of the reader, not of UTC', () => {
    // 03:30 UTC on the 3rd is still the evening of the 2nd in New York.
    expect(describeWhen('2026-03-03T03:30:00Z', now, zone)).toBe('today at 10:30 PM EST');
    expect(describeWhen('2026-03-03T03:30:00Z', now, 'UTC')).toBe('tomorrow at 3:30 AM UTC');
  });
});
