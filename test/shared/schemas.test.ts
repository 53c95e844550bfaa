import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  centsSchema,
  currencySchema,
  daySchema,
  deliverableListQuerySchema,
  deliverableStatusSchema,
  emailSchema,
  idSchema,
  instantSchema,
  listFilter,
  platformSchema,
  timeZoneSchema,
  urlSchema,
} from '../../shared/schemas';
import {
  DEFAULT_INVOICE_EMAIL,
  DEFAULT_REMINDERS,
  invoiceEmailTemplateSchema,
  invoiceRemindersSchema,
} from '../../shared/schemas/billing';

describe('instantSchema', () => {
  it.each([
    ['2026-03-01T17:00:00Z', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T17:00:00.000Z', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T18:00:00+01:00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T12:00:00-05:00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T22:30:00+05:30', '2026-03-01T17:00:00.000Z'],
    ['2026-03-02T01:00:00+08:00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T17:00Z', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T17:00:00.5Z', '2026-03-01T17:00:00.500Z'],
    ['  2026-03-01T17:00:00Z  ', '2026-03-01T17:00:00.000Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('normalises %j to %j', (input, output) => {
    expect(instantSchema.parse(input)).toBe(output);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-03-00T10:00:00Z',
    '2026-03-01T25:00:00Z',
    '2026-03-01T17:60:00Z',
    '2026-03-01T17:00:00',
    '2026-03-01',
    '2026-03-01 17:00:00Z',
    '03/01/2026 17:00',
    'Sun, 01 Mar 2026 17:00:00 GMT',
    '2026-03-01T17:00:00+1:00',
    'now',
    '',
  ])('rejects %j', (input) => {
    const result = instantSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/ISO 8601/);
  });

  it.each([
    '9999-12-31T23:30:00-01:00',
    '9999-12-31T23:59:59.999-14:00',
    '1000-01-01T00:30:00+01:00',
    '2026-03-01T24:00:00Z',
    '2026-03-01T17:00:00+0100',
  ])(
    'answers %j, if it accepts it, as a four-digit-year UTC instant that sorts as text',
    (input) => {
      const result = instantSchema.safeParse(input);
      if (result.success)
        expect(result.data).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    },
  );

  it.each([1772384400000, null, undefined, {}, new Date('2026-03-01T17:00:00Z')])(
    'rejects the non-string %j',
    (input) => {
      expect(instantSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe('daySchema', () => {
  it.each(['2026-03-01', '2026-02-28', '2024-02-29', '2026-12-31', ' 2026-03-01 '])(
    'accepts %j',
    (input) => {
      expect(daySchema.parse(input)).toBe(input.trim());
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-01',
    '2026-01-00',
    '2026-3-1',
    '26-03-01',
    '2026/03/01',
    '2026-03-01T00:00:00Z',
    '',
  ])('rejects %j', (input) => {
    expect(daySchema.safeParse(input).success).toBe(false);
  });

  it('rejects a non-string', () => {
    expect(daySchema.safeParse(20260301).success).toBe(false);
  });
});

describe('centsSchema', () => {
  it.each([0, 1, 100, 450_000, Number.MAX_SAFE_INTEGER])('accepts %d', (input) => {
    expect(centsSchema.parse(input)).toBe(input);
  });

  it.each([
    ['negative', -1],
    ['fractional', 10.5],
    ['tiny fraction', 0.1],
    ['beyond safe integers', Number.MAX_SAFE_INTEGER + 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '100'],
    ['null', null],
    ['a bigint', 100n],
  ])('rejects %s', (_, input) => {
    expect(centsSchema.safeParse(input).success).toBe(false);
  });

  it('says why a negative or fractional amount is wrong', () => {
    expect(centsSchema.safeParse(-5).error?.issues[0]?.message).toMatch(/negative/i);
    expect(centsSchema.safeParse(1.5).error?.issues[0]?.message).toMatch(/integer/i);
  });
});

describe('listFilter', () => {
  const ids = listFilter(idSchema);
  const platforms = listFilter(platformSchema);

  it('splits a comma-separated value', () => {
    expect(ids.parse('a,b,c')).toEqual(['a', 'b', 'c']);
  });

  it('takes a repeated parameter, each of which may hold a list', () => {
    expect(ids.parse(['a', 'b,c'])).toEqual(['a', 'b', 'c']);
  });

  it('trims items and drops empty ones', () => {
    expect(ids.parse(' a , ,b ,')).toEqual(['a', 'b']);
    expect(ids.parse('')).toEqual([]);
    expect(ids.parse([',', ''])).toEqual([]);
  });

  it('validates every item', () => {
    expect(platforms.parse('tiktok,youtube')).toEqual(['tiktok', 'youtube']);
    expect(platforms.safeParse('tiktok,myspace').success).toBe(false);
    expect(listFilter(deliverableStatusSchema).safeParse(['planned', 'done']).success).toBe(false);
  });

  it('rejects values that are neither a string nor strings', () => {
    expect(ids.safeParse(3).success).toBe(false);
    expect(ids.safeParse([1, 2]).success).toBe(false);
    expect(ids.safeParse({ a: 'b' }).success).toBe(false);
  });

  it('works inside a query schema, naming the field of a bad item', () => {
    const result = deliverableListQuerySchema.safeParse({
      platform: 'tiktok,myspace',
      from: '2026-03-01T18:00:00+01:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(['platform']);
    const ok = deliverableListQuerySchema.parse({
      platform: ['tiktok', 'x'],
      from: '2026-03-01T18:00:00+01:00',
    });
    expect(ok).toEqual({ platform: ['tiktok', 'x'], from: '2026-03-01T17:00:00.000Z' });
  });
});

describe('other field schemas', () => {
  it('currencySchema takes three capital letters only', () => {
    expect(currencySchema.parse('EUR')).toBe('EUR');
    for (const bad of ['eur', 'EURO', 'EU', 'E1R', '€', ''])
      expect(currencySchema.safeParse(bad).success).toBe(false);
  });

  it('emailSchema lower-cases and trims', () => {
    expect(emailSchema.parse('  Maya@Glow.Example ')).toBe('maya@glow.example');
    expect(emailSchema.safeParse('maya@').success).toBe(false);
  });

  it('timeZoneSchema takes IANA zones only', () => {
    expect(timeZoneSchema.parse('Europe/Berlin')).toBe('Europe/Berlin');
    expect(timeZoneSchema.safeParse('Mars/Base').success).toBe(false);
    expect(timeZoneSchema.safeParse('').success).toBe(false);
  });

  it('urlSchema takes http(s) URLs only', () => {
    expect(urlSchema.parse('https://glow.example/a?b=c')).toBe('https://glow.example/a?b=c');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://x.example',
      'glow.example',
      'data:text/html,x',
    ]) {
      expect(urlSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('answers "Required" for a missing field', () => {
    const result = z.object({ name: idSchema }).safeParse({});
    expect(result.error?.issues[0]?.message).toBe('Required');
  });
});

describe('the billing defaults (kept apart from the schemas, in shared/billing-defaults.ts)', () => {
  it("pass the schemas a workspace's own e-mail and reminder ladder must pass", () => {
    expect(invoiceEmailTemplateSchema.parse(DEFAULT_INVOICE_EMAIL)).toEqual(DEFAULT_INVOICE_EMAIL);
    expect(invoiceRemindersSchema.parse(DEFAULT_REMINDERS)).toEqual(DEFAULT_REMINDERS);
  });
});
