import type { Format, Platform } from '../../../../shared/schemas/deliverable';
import type { MediaKit, MediaKitPatch } from '../../../../shared/schemas/kit';
import type { RequirableRequestField } from '../../../../shared/schemas/request';
import { centsToInput, moneyInputError, parseMoney } from '../../format';
import type { SchemaForm } from '../../forms/use-schema-form';
import type { IssueLike } from '../../hooks/use-form-errors';

/** The media kit editor's state: what the inputs hold, numbers still as typed. */
export interface AudienceRow {
  key: number;
  platform: Platform;
  handle: string;
  followers: string;
  averageViews: string;
}

export interface RateRow {
  key: number;
  platform: Platform;
  format: Format;
  price: string;
  currency: string;
  note: string;
}

export interface KitState {
  displayName: string;
  headline: string;
  bio: string;
  contactEmail: string;
  platforms: AudienceRow[];
  demographics: string;
  topLocations: string;
  rates: RateRow[];
  caseStudyIds: string[];
  slug: string;
  published: boolean;
  /** The "Work with me" form. */
  requestFormEnabled: boolean;
  requestRequired: RequirableRequestField[];
  declineTemplate: string;
}

/** What each part of the media kit editor is handed: the form, and the base of its ids. */
export interface KitPartProps {
  form: SchemaForm<KitState>;
  formId: string;
}

export const MAX_CASE_STUDIES = 12;

/** A React key for each row, stable while the row lives. */
let rowKey = 0;

export function newAudienceRow(): AudienceRow {
  return { key: rowKey++, platform: 'instagram', handle: '', followers: '', averageViews: '' };
}

/** A new rate repeats the last rate's platform and currency. */
export function newRateRow(rates: readonly RateRow[], defaultCurrency: string): RateRow {
  return {
    key: rowKey++,
    platform: rates.at(-1)?.platform ?? 'instagram',
    format: 'reel',
    price: '',
    currency: rates.at(-1)?.currency ?? defaultCurrency,
    note: '',
  };
}

export function initialState(kit: MediaKit, pickable: ReadonlySet<string>): KitState {
  return {
    displayName: kit.displayName,
    headline: kit.headline,
    bio: kit.bio,
    contactEmail: kit.contactEmail ?? '',
    platforms: kit.audience.platforms.map((p) => ({
      key: rowKey++,
      platform: p.platform,
      handle: p.handle,
      followers: String(p.followers),
      averageViews: p.averageViews === null ? '' : String(p.averageViews),
    })),
    demographics: kit.audience.demographics,
    topLocations: kit.audience.topLocations,
    rates: kit.rateCard.map((r) => ({
      key: rowKey++,
      platform: r.platform,
      format: r.format,
      price: centsToInput(r.priceCents, r.currency),
      currency: r.currency,
      note: r.note,
    })),
    // A pick that is no longer published cannot be saved again: it is dropped from the form.
    caseStudyIds: kit.caseStudyIds.filter((id) => pickable.has(id)),
    slug: kit.slug ?? '',
    published: kit.published,
    requestFormEnabled: kit.requestForm.enabled,
    requestRequired: kit.requestForm.requiredFields,
    declineTemplate: kit.requestForm.declineTemplate,
  };
}

/** A count typed by the user: digits only (thousands separators allowed). */
function parseCount(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,\s_']/g, '');
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The form as a PATCH, and the fields that cannot be read as numbers. */
export function toPatch(
  state: KitState,
  version: number,
): { patch: MediaKitPatch; issues: IssueLike[] } {
  const issues: IssueLike[] = [];
  const platforms = state.platforms.map((row, index) => {
    const followers = parseCount(row.followers);
    if (followers === undefined) {
      issues.push({
        path: `audience.platforms.${index}.followers`,
        message: 'Enter a whole number',
      });
    }
    const averageViews = row.averageViews.trim() === '' ? null : parseCount(row.averageViews);
    if (averageViews === undefined) {
      issues.push({
        path: `audience.platforms.${index}.averageViews`,
        message: 'Enter a whole number, or leave it empty',
      });
    }
    return {
      platform: row.platform,
      handle: row.handle,
      followers: followers ?? 0,
      averageViews: averageViews ?? null,
    };
  });
  const rateCard = state.rates.map((row, index) => {
    const priceCents = row.price.trim() === '' ? undefined : parseMoney(row.price, row.currency);
    if (priceCents === undefined) {
      issues.push({
        path: `rateCard.${index}.priceCents`,
        message: moneyInputError(row.price, row.currency),
      });
    }
    return {
      platform: row.platform,
      format: row.format,
      priceCents: priceCents ?? 0,
      currency: row.currency,
      note: row.note,
    };
  });
  return {
    issues,
    patch: {
      version,
      displayName: state.displayName,
      headline: state.headline,
      bio: state.bio,
      contactEmail: state.contactEmail.trim() === '' ? null : state.contactEmail,
      audience: { platforms, demographics: state.demographics, topLocations: state.topLocations },
      rateCard,
      caseStudyIds: state.caseStudyIds,
      slug: state.slug.trim() === '' ? null : state.slug.trim(),
      published: state.published,
      requestForm: {
        enabled: state.requestFormEnabled,
        requiredFields: state.requestRequired,
        declineTemplate: state.declineTemplate,
      },
    },
  };
}

/** The rows with the one at `index` changed. */
export function patchAt<R>(rows: readonly R[], index: number, patch: Partial<R>): R[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

/** The rows without the one at `index`. */
export function removeAt<R>(rows: readonly R[], index: number): R[] {
  return rows.filter((_, i) => i !== index);
}
