import { parse } from 'csv-parse/sync';
import { Temporal } from 'temporal-polyfill';
import type { DateOrder, ImportField, ImportMapping } from '../../shared/schemas/imports';
import { IMPORT_FIELDS } from '../../shared/schemas/imports';
import { currencyExponent } from '../../shared/currency';

export class CsvFileError extends Error {}

/**
 * The file's text. Spreadsheets save CSV as UTF-8 (with or without a BOM) or,
 * from older Excel, in a legacy code page; the latter is refused with how to fix it
 * rather than importing mojibake.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvFileError(
      'The file is UTF-16 text. Save it as "CSV UTF-8 (comma delimited)" and upload it again.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvFileError(
      'The file is not UTF-8 text (perhaps Windows-1252 from an older Excel). Save it as "CSV UTF-8 (comma delimited)" and upload it again.',
    );
  }
}

export interface ParsedCsv {
  headers: string[];
  /** Data rows, each as long as the header row. */
  rows: string[][];
}

/** RFC 4180 CSV with a header row; commas, semicolons or tabs between fields. */
export function parseCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvFileError(`The file is not valid CSV: ${message}`);
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => h === ''))
    throw new CsvFileError('The file is empty: expected a header row and data rows.');
  const headers = header.map((h, i) => h || `Column ${i + 1}`);
  if (new Set(headers).size !== headers.length) {
    throw new CsvFileError('Two columns have the same header; give every column its own name.');
  }
  return { headers, rows: rows.map((row) => headers.map((_, i) => row[i] ?? '')) };
}

const SYNONYMS: Record<ImportField, string[]> = {
  brand: ['brand', 'brandname', 'client', 'sponsor', 'company', 'advertiser'],
  deal: ['deal', 'dealtitle', 'dealname', 'campaign', 'campaignname', 'contract', 'project'],
  title: ['title', 'deliverable', 'deliverabletitle', 'post', 'posttitle', 'content', 'name'],
  platform: ['platform', 'channel', 'network', 'socialnetwork'],
  format: ['format', 'type', 'contenttype', 'posttype'],
  status: ['status', 'stage', 'state'],
  draftDueAt: ['draftdue', 'draftdueat', 'draftdeadline', 'draftdate', 'draft'],
  publishAt: [
    'publishat',
    'publishdate',
    'golive',
    'golivedate',
    'livedate',
    'postdate',
    'publish',
    'date',
  ],
  fee: ['fee', 'dealfee', 'amount', 'rate', 'price', 'budget'],
  currency: ['currency', 'cur'],
  caption: ['caption', 'copy', 'text'],
  brief: ['brief', 'notes', 'description', 'details'],
  liveUrl: ['liveurl', 'url', 'link', 'postlink', 'posturl'],
  disclosureDone: ['disclosuredone', 'disclosed', 'disclosure'],
  paidPartnershipLabel: ['paidpartnershiplabel', 'paidpartnership'],
  adInCaption: ['adhashtag', 'adincaption', 'hashtagad'],
  brandedContentToggle: ['brandedcontenttoggle', 'brandedcontent'],
  views: ['views', 'impressions', 'plays'],
  likes: ['likes'],
  comments: ['comments'],
  shares: ['shares'],
  saves: ['saves'],
  clicks: ['clicks', 'linkclicks'],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Each field's most likely column, by header name; each column used once. */
export function suggestMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const column = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(normalise(h)));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

const PLATFORM_ALIASES: Record<string, string> = {
  ig: 'instagram',
  insta: 'instagram',
  yt: 'youtube',
  tt: 'tiktok',
  twitter: 'x',
  fb: 'facebook',
  li: 'linkedin',
};

/** A platform, format or status as people write them: any case, spaces or dashes for underscores. */
export function enumValue(
  value: string,
  aliases: Record<string, string> = PLATFORM_ALIASES,
): string {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return aliases[key] ?? key;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓']);
const NO = new Set(['no', 'n', 'false', '0']);

/** A yes/no cell (`yes`, `true`, `1`, `x`; `no`, `false`, `0`); null when it is neither. */
export function parseYesNo(value: string): boolean | null {
  const key = value.trim().toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : null;
}

/** A count such as `1200` or `1,200`; null when it is not a whole number of at least 0. */
export function parseCount(value: string): number | null {
  const text = value.trim().replace(/[\s,'_]/g, '');
  if (!/^\d+$/.test(text)) return null;
  const count = Number(text);
  return Number.isSafeInteger(count) ? count : null;
}

/** Date-only values mean this time of day, in the import's zone. */
export const DATE_ONLY_TIME = { hour: 9, minute: 0 };

const NUMERIC =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * An instant from a spreadsheet cell: ISO 8601 with an offset or `Z` as it
 * says; otherwise a local date and time in `timeZone` — `2026-03-05 17:00`,
 * `05/03/2026 5:00 PM` (read with `dateOrder`), `5.3.2026` — a date alone
 * meaning 09:00 that day. Answers null when the cell is not a date.
 */
export function parseWhen(value: string, timeZone: string, dateOrder: DateOrder): string | null {
  const text = value.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && text.includes('T')) {
    try {
      return new Date(Temporal.Instant.from(text).epochMilliseconds).toISOString();
    } catch {
      return null;
    }
  }
  let year: number, month: number, day: number;
  let hour = DATE_ONLY_TIME.hour,
    minute = DATE_ONLY_TIME.minute,
    second = 0;
  const iso = ISO_LOCAL.exec(text);
  const numeric = iso ? null : NUMERIC.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined)
      [hour, minute, second] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
  } else if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (numeric[1]!.length === 4) [year, month, day] = [a, b, c];
    else if (dateOrder === 'MDY') [month, day, year] = [a, b, c];
    else [day, month, year] = [a, b, c];
    if (year < 1000) return null;
    if (numeric[4] !== undefined) {
      hour = Number(numeric[4]);
      minute = Number(numeric[5]);
      second = Number(numeric[6] ?? 0);
      const meridiem = numeric[7]?.toLowerCase().replace(/\./g, '');
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
      }
    }
  } else {
    return null;
  }
  try {
    const local = Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second },
      { overflow: 'reject' },
    );
    const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
    return new Date(zoned.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

/**
 * Money as people type it — `1500`, `1,500.00`, `1.500,00`, `$1,500` — in
 * minor units of `currency`; null when it is not an amount or has more decimals
 * than the currency has.
 */
export function parseMoney(value: string, currency: string): number | null {
  let text = value.trim().replace(/[^\d.,-]/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  // The later of `.` and `,` is the decimal mark when two or fewer digits follow it.
  const mark = lastComma > lastDot ? ',' : '.';
  const markAt = Math.max(lastComma, lastDot);
  const decimals = markAt >= 0 ? text.length - markAt - 1 : 0;
  if (
    markAt >= 0 &&
    decimals <= 2 &&
    (mark === ',' ? text.split(',').length === 2 : text.split('.').length === 2)
  ) {
    const whole = text.slice(0, markAt).replace(/[.,]/g, '');
    const fraction = text.slice(markAt + 1);
    text = `${whole}.${fraction}`;
  } else {
    text = text.replace(/[.,]/g, '');
  }
  const [whole, fraction = ''] = text.split('.');
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) return null;
  const cents = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || 0);
  return Number.isSafeInteger(cents) ? cents : null;
}
