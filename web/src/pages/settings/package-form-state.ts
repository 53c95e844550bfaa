import type { Format, Platform } from '../../../../shared/schemas/deliverable';
import type { DealPackage, PackageInput } from '../../../../shared/schemas/package';

/** One line of the editor: numbers as typed until sent. */
export interface PackageRow {
  key: number;
  title: string;
  platform: Platform;
  format: Format;
  day: string;
  count: string;
  draftDaysBefore: string;
  brief: string;
}

export interface PackageFormState {
  name: string;
  publishTime: string;
  usageRightsDays: string;
  items: PackageRow[];
}

let nextKey = 1;

export function newPackageRow(rows: readonly PackageRow[]): PackageRow {
  const last = rows.at(-1);
  return {
    key: nextKey++,
    title: '',
    platform: last?.platform ?? 'instagram',
    format: last?.format ?? 'post',
    day: last ? String(Number(last.day || 0) + Number(last.count || 1)) : '0',
    count: '1',
    draftDaysBefore: '',
    brief: '',
  };
}

export function packageFormState(pkg: DealPackage | null): PackageFormState {
  if (!pkg) {
    return { name: '', publishTime: '10:00', usageRightsDays: '', items: [newPackageRow([])] };
  }
  return {
    name: pkg.name,
    publishTime: pkg.publishTime,
    usageRightsDays: pkg.usageRightsDays === null ? '' : String(pkg.usageRightsDays),
    items: pkg.items.map((item) => ({
      key: nextKey++,
      title: item.title,
      platform: item.platform,
      format: item.format,
      day: String(item.day),
      count: String(item.count),
      draftDaysBefore: item.draftDaysBefore === null ? '' : String(item.draftDaysBefore),
      brief: item.brief,
    })),
  };
}

/** Text as a number for the schema to judge ('' → `blank`; other non-numbers → NaN). */
function numberOf<B>(text: string, blank: B): number | B {
  const trimmed = text.trim();
  return trimmed === '' ? blank : Number(trimmed);
}

export function packagePayload(state: PackageFormState): PackageInput {
  return {
    name: state.name,
    publishTime: state.publishTime,
    usageRightsDays: numberOf(state.usageRightsDays, null),
    items: state.items.map((row) => ({
      title: row.title,
      platform: row.platform,
      format: row.format,
      day: numberOf(row.day, NaN),
      count: numberOf(row.count, 1),
      draftDaysBefore: numberOf(row.draftDaysBefore, null),
      brief: row.brief,
    })),
  };
}
