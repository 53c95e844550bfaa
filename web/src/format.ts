import type { BrandStage } from '../../shared/schemas/brand';
import type { DealSource, DealStatus } from '../../shared/schemas/deal';
import type { InvoiceStatus } from '../../shared/schemas/invoice';
import type { DeliverableStatus, Platform } from '../../shared/schemas/deliverable';
import { PLATFORM_LABELS } from '../../shared/labels';
import { NOT_NEGATIVE_MESSAGE } from '../../shared/constants';
import {
  currencyExponent,
  formatMoney as formatMoneyIn,
  minorToDecimal,
} from '../../shared/currency';

export * from './alert-labels';

/** The browser's locale, as `Intl` picks it when none is given. */
const READER_LOCALE = new Intl.NumberFormat().resolvedOptions().locale;

export { FORMAT_LABELS, METRIC_LABELS, PLATFORM_LABELS } from '../../shared/labels';

// Value lists derived from the label maps (which the compiler checks against the schema types),
// so the calendar's first bundle does not pull zod in just for these.
export const PLATFORM_VALUES = Object.keys(PLATFORM_LABELS) as Platform[];

/** Two-letter badges: short enough for a month cell, distinct enough to scan. */
export const PLATFORM_BADGES: Record<Platform, string> = {
  tiktok: 'TT',
  instagram: 'IG',
  youtube: 'YT',
  x: 'X',
  facebook: 'FB',
  linkedin: 'in',
  twitch: 'TW',
  pinterest: 'PI',
  threads: 'TH',
  snapchat: 'SC',
  blog: 'BL',
  newsletter: 'NL',
  podcast: 'PC',
  other: '··',
};

export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatus, string> = {
  planned: 'Planned',
  drafting: 'Drafting',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  cancelled: 'Cancelled',
};

export const DELIVERABLE_STATUS_VALUES = Object.keys(
  DELIVERABLE_STATUS_LABELS,
) as DeliverableStatus[];

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  pitched: 'Pitched',
  negotiating: 'Negotiating',
  contracted: 'Contracted',
  in_progress: 'In progress',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const DEAL_SOURCE_LABELS: Record<DealSource, string> = {
  direct: 'Direct',
  marketplace: 'Marketplace',
  agency: 'Agency',
  inbound: 'Inbound',
};

export const BRAND_STAGE_LABELS: Record<BrandStage, string> = {
  prospect: 'Prospect',
  pitched: 'Pitched',
  negotiating: 'Negotiating',
  partner: 'Partner',
  inactive: 'Inactive',
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  paid: 'Paid',
  void: 'Void',
};

export const ROLE_LABELS = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const;

/** "an editor", "a viewer", "an owner": a role in a sentence. */
export function roleInSentence(role: keyof typeof ROLE_LABELS): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** What each role may do, in the words the invite form, the invite page and the role menu use. */
export const ROLE_DESCRIPTIONS = {
  owner: 'Everything, including the team, settings and the audit log',
  editor: 'Adds and changes brands, deals, deliverables and invoices',
  viewer: 'Sees everything, changes nothing',
} as const;

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome on macOS" for a User-Agent header; good enough to tell one's own devices apart. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown device';
}

/** Formats integer minor units in their currency, in the reader's locale: 450000 USD → "$4,500.00". */
export function formatMoney(cents: number, currency: string): string {
  return formatMoneyIn(cents, currency, READER_LOCALE);
}

/** A short axis label: 450000 USD → "$4.5K". */
export function formatMoneyCompact(cents: number, currency: string): string {
  const decimal = Number(minorToDecimal(cents, currency));
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(decimal);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** The symbols a user may type before an amount in this currency ("$", "US$", "USD"). */
function currencyPrefixes(currency: string): string[] {
  const prefixes = [currency];
  for (const display of ['symbol', 'narrowSymbol'] as const) {
    try {
      const part = new Intl.NumberFormat('en', {
        style: 'currency',
        currency,
        currencyDisplay: display,
      })
        .formatToParts(1)
        .find((p) => p.type === 'currency');
      if (part) prefixes.push(part.value);
    } catch {
      // An unknown code: only the code itself is accepted.
    }
  }
  return prefixes;
}

/**
 * An amount typed by the user, as integer minor units, read digit by digit (never
 * through floating point): "4,500.50" USD → 450050, "1200" JPY → 1200, "" → 0.
 * Commas group thousands; more decimals than the currency has, or anything that is
 * not an amount, gives undefined.
 */
export function parseMoney(text: string, currency: string): number | undefined {
  let cleaned = text.trim().replace(/[\s_']/g, '');
  for (const prefix of currencyPrefixes(currency)) {
    if (cleaned.toUpperCase().startsWith(prefix.toUpperCase())) {
      cleaned = cleaned.slice(prefix.length);
      break;
    }
  }
  if (cleaned === '') return 0;
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return undefined;
  const whole = (m[1] ?? '').replace(/,/g, '');
  const fraction = m[2] ?? '';
  if (whole === '' && fraction === '') return undefined;
  const digits = currencyExponent(currency);
  if (fraction.length > digits) return undefined;
  const cents = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Why `parseMoney` refused a text, worded for the field: too many decimals, or not an amount. */
export function moneyInputError(text: string, currency: string): string {
  // A minus sign anywhere before the digits ("-500", "USD -5", "−5"): the API's own words.
  if (/^[^\d]*[-\u2212]/.test(text.trim())) return NOT_NEGATIVE_MESSAGE;
  const digits = currencyExponent(currency);
  const decimals = /\.(\d+)\s*$/.exec(text.trim())?.[1]?.length ?? 0;
  if (decimals > digits) {
    return digits === 0
      ? `${currency} amounts have no decimals`
      : `${currency} amounts have at most ${digits} decimals`;
  }
  const example = digits === 0 ? '4,500' : `4,500.${'5'.padEnd(digits, '0')}`;
  return `Enter an amount such as ${example}`;
}

/** Minor units as the text of an amount input: 450050 USD → "4500.50". */
export function centsToInput(cents: number, currency: string): string {
  return minorToDecimal(cents, currency);
}

/** "Mar 3, 2026" for a `YYYY-MM-DD` day, without shifting it through a time zone. */
export function formatDay(day: string | null): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "Tue, Mar 3, 9:00 AM" for an instant, in the given time zone. */
export function formatInstant(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "Mar 2026" (or "Mar" when `short`) for a `YYYY-MM` month. */
export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "US dollar" for "USD"; the code itself when the browser has no name for it. */
export function currencyName(currency: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

export function formatNumber(value: number | null): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(undefined, { notation: 'compact' }).format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60],
  ['day', 24],
  ['week', 7],
];

/** "just now", "5 minutes ago", "in 2 hours", "3 days ago" for an instant, relative to `now`. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  let value = seconds / 60;
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  for (let i = 1; i < RELATIVE_STEPS.length; i++) {
    const [nextUnit, size] = RELATIVE_STEPS[i]!;
    if (Math.abs(value) < size) break;
    value /= size;
    unit = nextUnit;
  }
  return format.format(Math.round(value), unit);
}
