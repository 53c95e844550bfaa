import { Temporal } from 'temporal-polyfill';

/** The day `days` after `day` (both `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** The calendar day it is at `now` in the zone. */
export function todayIn(now: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The instant a calendar day begins in the zone (DST-safe: not always 00:00 in every zone). */
export function startOfDay(day: string, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Digits after the decimal point for a currency (USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain decimal string (`450000`, `USD` → `4500.00`): exact, no floating point. */
export function minorToDecimal(cents: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** `$4,500.00` — for messages; the web formats for the reader's locale itself. */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
      Number(minorToDecimal(cents, currency)),
    );
  } catch {
    return `${minorToDecimal(cents, currency)} ${currency}`;
  }
}
