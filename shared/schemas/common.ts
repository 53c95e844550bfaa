import { z } from 'zod';
import { NOT_NEGATIVE_MESSAGE, isValidTimeZone } from '../constants';

export { NOT_NEGATIVE_MESSAGE, isValidTimeZone };

// One wording for the commonest mistake, on both sides: a missing field is "Required".
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined,
});

/** NUL cannot be stored by PostgreSQL and has no place in text anyway. */
const hasNoNul = (value: string) => !value.includes('\u0000');
const NUL_MESSAGE = 'Must not contain NUL characters';

/** Ids are opaque strings on the wire. */
export const idSchema = z.string().trim().min(1, 'Required').max(64).refine(hasNoNul, NUL_MESSAGE);

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function isRealCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * An ISO 8601 instant. Offsets are accepted on input and normalised to UTC
 * (`2026-03-01T17:00:00.000Z`), which is how instants are stored and answered.
 */
export const instantSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const m = INSTANT_PATTERN.exec(value);
    const parsed = Date.parse(value);
    if (
      !m ||
      !isRealCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ||
      Number.isNaN(parsed) ||
      // Stored as fixed-width text that must sort correctly: four-digit UTC years only.
      !/^\d{4}-/.test(new Date(parsed).toISOString())
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'Expected an ISO 8601 instant such as 2026-03-01T17:00:00Z',
      });
    }
  })
  .transform((value) => new Date(value).toISOString());

/** A calendar day, `YYYY-MM-DD`. */
export const daySchema = z
  .string()
  .trim()
  .refine((value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // Years up to 9000 leave room for due days and reminders after them to stay four-digit.
    return (
      m !== null &&
      Number(m[1]) <= 9000 &&
      isRealCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))
    );
  }, 'Expected a calendar day such as 2026-03-01');

export const currencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'Expected a 3-letter ISO 4217 currency code such as USD');

/** Money in minor units (cents): a non-negative integer. */
export const centsSchema = z
  .number({ error: 'Expected an integer amount in minor units (cents)' })
  .int('Expected an integer amount in minor units (cents)')
  .min(0, NOT_NEGATIVE_MESSAGE)
  .max(Number.MAX_SAFE_INTEGER);

/** Versions are 32-bit integers in the database; one that could not be incremented was never read. */
export const versionSchema = z
  .number({ error: 'Expected the version number you last read' })
  .int()
  .positive()
  .max(2_147_483_646, 'Expected the version number you last read');

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .refine(isValidTimeZone, 'Expected an IANA time zone such as Europe/Berlin');

export const urlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(hasNoNul, NUL_MESSAGE)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Expected an http(s) URL');

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Expected an e-mail address'))
  .transform((value) => value.toLowerCase());

/** Free text with a sane upper bound; empty strings are kept as written. */
export const textSchema = (max: number) =>
  z.string().max(max, `At most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);

/** A required, non-blank name or title. */
export const nameSchema = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine(hasNoNul, NUL_MESSAGE);

export const colorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour such as #3b82f6');

/** A list filter that accepts `a,b` or a repeated parameter. */
export function listFilter<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    )
    .pipe(z.array(item));
}

export interface ApiErrorIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: ApiErrorIssue[] };
}

export interface Warning {
  code: string;
  message: string;
}
