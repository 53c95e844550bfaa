import type { Kysely } from 'kysely';
import type { Warning } from '../../../shared/schemas/common';
import type { DealStatus } from '../../../shared/schemas/deal';
import { addDays, firstOfMonth, formatDay, lastOfMonth, todayIn } from '../../../shared/days';
import { preparedQuery } from '../prepared';
import { cachedRead } from '../read-cache';
import type { Database } from '../schema';
import { getSettings } from './settings';

/** A deal binds its exclusivity once it is signed, until it is cancelled. */
export const EXCLUSIVE_DEAL_STATUSES: DealStatus[] = [
  'contracted',
  'in_progress',
  'delivered',
  'completed',
];

interface Exclusivity {
  dealTitle: string;
  brandId: string;
  brandName: string;
  category: string;
  /** The window, in days of the workspace's zone: from signing (open when unknown) to `until`, inclusive. */
  from: string | null;
  until: string;
}

const activeExclusivities = preparedQuery<
  { from: string; until: string },
  {
    dealTitle: string;
    brandId: string;
    brandName: string;
    exclusivityCategory: string | null;
    contractSignedOn: string | null;
    exclusivityUntil: string | null;
  }
>((db, param) =>
  db
    .selectFrom('deals')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select([
      'deals.title as dealTitle',
      'deals.brandId',
      'brands.name as brandName',
      'deals.exclusivityCategory',
      'deals.contractSignedOn',
      'deals.exclusivityUntil',
    ])
    .where('deals.exclusivityCategory', 'is not', null)
    .where('deals.exclusivityCategory', '!=', '')
    .where('deals.exclusivityUntil', '>=', param('from'))
    .where((eb) =>
      eb.or([
        eb('deals.contractSignedOn', 'is', null),
        eb('deals.contractSignedOn', '<=', param('until')),
      ]),
    )
    .where('deals.status', 'in', EXCLUSIVE_DEAL_STATUSES),
);

const brandCategory = preparedQuery<
  { id: string },
  { id: string; name: string; category: string | null }
>((db, param) =>
  db
    .selectFrom('brands')
    .select(['id', 'name', 'category'])
    .where('id', '=', param('id'))
    .where('category', 'is not', null),
);

const categoryKey = (category: string) => category.trim().toLowerCase();

/** Month windows by UTC day: every read of a deliverable asks, and a month has few days. */
const monthWindows = new Map<string, { from: string; until: string }>();

/** From the first of the month of the day before `day` to the last of the month of the day after. */
function monthsAround(day: string): { from: string; until: string } {
  let window = monthWindows.get(day);
  if (!window) {
    window = { from: firstOfMonth(addDays(day, -1)), until: lastOfMonth(addDays(day, 1)) };
    if (monthWindows.size >= 20_000) monthWindows.clear();
    monthWindows.set(day, window);
  }
  return window;
}

/**
 * For each deliverable whose go-live falls inside another brand's exclusivity
 * window in the same category, a warning naming that brand and deal. Costs one
 * small query when no exclusivity is active and two more when one is.
 */
export async function exclusivityWarnings(
  db: Kysely<Database>,
  deliverables: ReadonlyArray<{
    id: string;
    brandId: string;
    publishAt: string | null;
    status: string;
  }>,
  now: Date,
): Promise<Map<string, Warning[]>> {
  const warnings = new Map<string, Warning[]>();
  const scheduled = deliverables.filter((d) => d.publishAt !== null && d.status !== 'cancelled');
  if (scheduled.length === 0) return warnings;
  let earliest = scheduled[0]!.publishAt!;
  let latest = earliest;
  for (const d of scheduled) {
    if (d.publishAt! < earliest) earliest = d.publishAt!;
    if (d.publishAt! > latest) latest = d.publishAt!;
  }

  // The windows that can cover a go-live, read for whole months: a day earlier than the
  // earliest go-live's UTC day (zones ahead of UTC) to a day after the latest (zones behind),
  // widened to the months around them, so that the reads of one month's deliverables share
  // one read (kept by read-cache.ts). Each go-live is then checked against its own day.
  const window = {
    from: monthsAround(todayIn(new Date(earliest), 'UTC')).from,
    until: monthsAround(todayIn(new Date(latest), 'UTC')).until,
  };
  const byCategory = await exclusivitiesBetween(db, window);
  if (byCategory.size === 0) return warnings;

  const brandId = scheduled[0]!.brandId;
  // A single deliverable's read: one prepared lookup. A list's: every brand with a category,
  // kept for a few seconds (read-cache.ts), not the list's brands by id: for a calendar month
  // that `in` list of hundreds of ids was most of the warnings' time (4 of 5 ms).
  const categoryOf = scheduled.every((d) => d.brandId === brandId)
    ? await cachedRead(db, `brand-category:${brandId}`, ['brands'], async () =>
        categoriesByBrand(await brandCategory(db, { id: brandId })),
      )
    : await cachedRead(db, 'brand-categories', ['brands'], async () =>
        categoriesByBrand(
          await db
            .selectFrom('brands')
            .select(['id', 'name', 'category'])
            .where('category', 'is not', null)
            .execute(),
        ),
      );

  let timeZone: string | undefined;
  for (const d of scheduled) {
    const brand = categoryOf.get(d.brandId);
    const exclusivities = brand && byCategory.get(brand.category);
    if (!exclusivities) continue;
    // Only once a go-live may clash: most reads of most workspaces never get here.
    timeZone ??= (await getSettings(db, now)).timeZone;
    const day = todayIn(new Date(d.publishAt!), timeZone);
    for (const e of exclusivities) {
      if (e.brandId === d.brandId) continue;
      if (day > e.until || (e.from !== null && day < e.from)) continue;
      const list = warnings.get(d.id) ?? [];
      list.push({
        code: 'exclusivity_conflict',
        message: `${e.brandName} has exclusivity in ${e.category} until ${formatDay(e.until)} (deal “${e.dealTitle}”); this ${brand.name} post goes live on ${formatDay(day)}.`,
      });
      warnings.set(d.id, list);
    }
  }
  return warnings;
}

/**
 * Brands with a category by id, the category as exclusivities are grouped (`categoryKey`):
 * worked out once per read kept, not on every list's warnings (a month of the calendar asks
 * for each of its steps, and every brand of the workspace has a category).
 */
function categoriesByBrand(
  rows: ReadonlyArray<{ id: string; name: string; category: string | null }>,
): ReadonlyMap<string, { name: string; category: string }> {
  return new Map(
    rows.map((row) => [row.id, { name: row.name, category: categoryKey(row.category!) }]),
  );
}

/**
 * The exclusivity windows that can cover a go-live between two days, by
 * category; read and grouped once, then kept a few seconds (read-cache.ts):
 * nearly every read of a deliverable asks.
 */
function exclusivitiesBetween(
  db: Kysely<Database>,
  window: { from: string; until: string },
): Promise<ReadonlyMap<string, readonly Exclusivity[]>> {
  return cachedRead(
    db,
    `exclusivities:${window.from}:${window.until}`,
    ['deals', 'brands'],
    async () => {
      const byCategory = new Map<string, Exclusivity[]>();
      for (const d of await activeExclusivities(db, window)) {
        const exclusivity: Exclusivity = {
          dealTitle: d.dealTitle,
          brandId: d.brandId,
          brandName: d.brandName,
          category: categoryKey(d.exclusivityCategory!),
          from: d.contractSignedOn ? String(d.contractSignedOn).slice(0, 10) : null,
          until: String(d.exclusivityUntil).slice(0, 10),
        };
        const list = byCategory.get(exclusivity.category);
        if (list) list.push(exclusivity);
        else byCategory.set(exclusivity.category, [exclusivity]);
      }
      return byCategory;
    },
  );
}
