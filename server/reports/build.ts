import type { Kysely } from 'kysely';
import { todayIn } from '../../shared/days';
import { engagementRate, METRIC_KEYS } from '../../shared/schemas/deliverable';
import type {
  MetricValues,
  ReportDeliverable,
  ReportTotals,
  ReportView,
} from '../../shared/schemas/report';
import { snapshotsOfDeal } from '../db/queries/metric-snapshots';
import { parseTerms } from '../db/queries/proposals';
import type { ReportLinkRow } from '../db/queries/report-links';
import { toDeliverable } from '../db/queries/deliverables';
import type { Database } from '../db/schema';

const EMPTY: MetricValues = {
  views: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
};

/** Sums each count over the list; a count nobody measured stays null. */
function sumMetrics(list: readonly MetricValues[]): MetricValues {
  const total: MetricValues = { ...EMPTY };
  for (const metrics of list) {
    for (const key of METRIC_KEYS) {
      const value = metrics[key];
      if (value !== null) total[key] = (total[key] ?? 0) + value;
    }
  }
  return total;
}

function totalsOf(list: readonly ReportDeliverable[]): ReportTotals {
  const metrics = sumMetrics(list.map((d) => d.metrics));
  return { deliverables: list.length, metrics, engagementRate: engagementRate(metrics) };
}

function growthOf(first: MetricValues, latest: MetricValues): MetricValues {
  const growth: MetricValues = { ...EMPTY };
  for (const key of METRIC_KEYS) {
    const a = first[key];
    const b = latest[key];
    growth[key] = a === null || b === null ? null : b - a;
  }
  return growth;
}

/**
 * One deal's campaign report as its link shows it: the deal's deliverables
 * that are not cancelled, their latest metrics and growth since the first
 * snapshot, totals, per-platform figures and averages, what the accepted
 * proposal promised against what went live, and the disclosure state. Nothing
 * of the deal's money or of the team is read into it.
 */
export async function buildReport(
  db: Kysely<Database>,
  link: ReportLinkRow,
  { workspaceName, timeZone }: { workspaceName: string; timeZone: string },
): Promise<ReportView> {
  const deal = await db
    .selectFrom('deals')
    .innerJoin('brands', 'brands.id', 'deals.brandId')
    .select(['deals.title', 'brands.name as brandName'])
    .where('deals.id', '=', link.dealId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('deliverables')
    .selectAll()
    .where('dealId', '=', link.dealId)
    .where('status', '!=', 'cancelled')
    .orderBy('publishAt')
    .orderBy('id')
    .execute();
  const history = await snapshotsOfDeal(db, link.dealId);
  const deliverables = rows.map(toDeliverable).map((d): ReportDeliverable => {
    const snapshots = history.get(d.id) ?? [];
    const first = snapshots[0];
    const latest = snapshots.at(-1);
    const published = d.status === 'published';
    return {
      title: d.title,
      platform: d.platform,
      format: d.format,
      status: d.status,
      postedOn: published && d.publishAt ? todayIn(new Date(d.publishAt), timeZone) : null,
      liveUrl: published ? d.liveUrl : null,
      disclosed: d.disclosureDone,
      metrics: d.metrics,
      engagementRate: d.engagementRate,
      measuredOn: latest?.measuredOn ?? null,
      firstMeasuredOn: first?.measuredOn ?? null,
      growth:
        first && latest && snapshots.length > 1 ? growthOf(first.metrics, latest.metrics) : null,
      history: snapshots.map((s) => ({ measuredOn: s.measuredOn, metrics: s.metrics })),
    };
  });
  const live = deliverables.filter((d) => d.status === 'published');
  const totals = totalsOf(live);
  const averages: MetricValues = { ...EMPTY };
  for (const key of METRIC_KEYS) {
    const value = totals.metrics[key];
    averages[key] = value === null || live.length === 0 ? null : Math.floor(value / live.length);
  }
  const platforms = [...new Set(live.map((d) => d.platform))].map((platform) => ({
    platform,
    ...totalsOf(live.filter((d) => d.platform === platform)),
  }));
  const accepted = await db
    .selectFrom('proposals')
    .select('terms')
    .where('dealId', '=', link.dealId)
    .where('status', '=', 'accepted')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const promised = accepted
    ? parseTerms(accepted.terms).items.map((item) => ({
        description: item.description,
        quantity: item.quantity,
        platform: item.platform,
        format: item.format,
        live: live.filter(
          (d) =>
            (item.platform === null || d.platform === item.platform) &&
            (item.format === null || d.format === item.format),
        ).length,
      }))
    : null;
  return {
    workspaceName,
    brandName: deal.brandName,
    dealTitle: deal.title,
    summary: link.summary,
    sharedOn: todayIn(new Date(link.createdAt), timeZone),
    deliverables,
    totals,
    averages: { metrics: averages, engagementRate: totals.engagementRate },
    platforms,
    promised,
    disclosure: { disclosed: live.filter((d) => d.disclosed).length, published: live.length },
  };
}
