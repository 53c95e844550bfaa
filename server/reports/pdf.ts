import { formatDay } from '../../shared/days';
import { FORMAT_LABELS, METRIC_LABELS, PLATFORM_LABELS } from '../../shared/labels';
import { formatCount, formatGrowth, formatRate, measuredKeys } from '../../shared/report-words';
import type { MetricValues, ReportView } from '../../shared/schemas/report';
import { COLORS, collect, createDocument, Flow } from '../invoices/pdf-layout';

function metricLine(metrics: MetricValues, keys: ReturnType<typeof measuredKeys>): string {
  return keys.map((key) => `${METRIC_LABELS[key]} ${formatCount(metrics[key])}`).join(' · ');
}

/**
 * The campaign report as its link shows it, printable: the same view as the
 * public page, nothing else of the workspace. Dated the day it was shared.
 */
export async function renderReportPdf(view: ReportView): Promise<Buffer<ArrayBuffer>> {
  const doc = await createDocument({
    Title: `Campaign report: ${view.dealTitle}`,
    Author: view.workspaceName,
    Creator: 'Sponsorcal',
    CreationDate: new Date(`${view.sharedOn}T00:00:00Z`),
  });
  const bytes = collect(doc);
  const flow = new Flow(doc);
  const full = { x: flow.left, width: flow.width };
  const keys = measuredKeys([view.totals.metrics]);

  flow.write(`Campaign report: ${view.dealTitle}`, { ...full, font: 'bold', size: 18 });
  flow.y += 6;
  flow.write(`From ${view.workspaceName} for ${view.brandName} · ${formatDay(view.sharedOn)}`, {
    ...full,
    color: COLORS.muted,
  });
  flow.y += 12;
  if (view.summary) {
    flow.write(view.summary, full);
    flow.y += 12;
  }
  flow.write('Totals', { ...full, font: 'bold', size: 11 });
  flow.write(
    `${view.totals.deliverables} live · ${metricLine(view.totals.metrics, keys)} · Engagement ${formatRate(view.totals.engagementRate)}`,
    full,
  );
  flow.write(
    `Average per post: ${metricLine(view.averages.metrics, keys)} · Engagement ${formatRate(view.averages.engagementRate)}`,
    { ...full, color: COLORS.muted },
  );
  flow.write(
    `Disclosure: ${view.disclosure.disclosed} of ${view.disclosure.published} live posts marked as paid`,
    { ...full, color: COLORS.muted },
  );
  flow.y += 10;
  if (view.platforms.length > 0) {
    flow.write('By platform', { ...full, font: 'bold', size: 11 });
    for (const p of view.platforms) {
      flow.write(
        `${PLATFORM_LABELS[p.platform]} (${p.deliverables}): ${metricLine(p.metrics, keys)} · Engagement ${formatRate(p.engagementRate)}`,
        full,
      );
    }
    flow.y += 10;
  }
  if (view.promised) {
    flow.write('Promised and live', { ...full, font: 'bold', size: 11 });
    for (const item of view.promised) {
      flow.write(`${item.description}: ${item.quantity} promised, ${item.live} live`, full);
    }
    flow.y += 10;
  }
  flow.write('Deliverables', { ...full, font: 'bold', size: 11 });
  flow.y += 4;
  for (const d of view.deliverables) {
    flow.keep(48);
    flow.write(d.title, { ...full, font: 'bold' });
    const posted = d.postedOn ? `posted ${formatDay(d.postedOn)}` : 'not live yet';
    flow.write(
      `${PLATFORM_LABELS[d.platform]} ${FORMAT_LABELS[d.format]} · ${posted} · ${d.disclosed ? 'disclosed' : 'disclosure not marked'}`,
      { ...full, color: COLORS.muted },
    );
    if (d.liveUrl) flow.write(d.liveUrl, { ...full, color: COLORS.muted });
    if (d.measuredOn) {
      flow.write(
        `${metricLine(d.metrics, keys)} · Engagement ${formatRate(d.engagementRate)} (as of ${formatDay(d.measuredOn)})`,
        full,
      );
    }
    if (d.growth && d.firstMeasuredOn) {
      const grown = keys.map((key) => `${METRIC_LABELS[key]} ${formatGrowth(d.growth![key])}`);
      flow.write(`Since ${formatDay(d.firstMeasuredOn)}: ${grown.join(' · ')}`, {
        ...full,
        color: COLORS.muted,
      });
    }
    flow.y += 6;
  }
  flow.numberPages((page, count) => `Campaign report · Page ${page} of ${count}`);
  doc.end();
  return bytes;
}
