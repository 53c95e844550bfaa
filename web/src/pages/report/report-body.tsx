import { FORMAT_LABELS, METRIC_LABELS, PLATFORM_LABELS } from '../../../../shared/labels';
import {
  formatCount,
  formatGrowth,
  formatRate,
  measuredKeys,
} from '../../../../shared/report-words';
import type { ReportView } from '../../../../shared/schemas/report';
import { formatDay } from '../../format';
import { DescriptionItem } from '../../components/ui/description-item';

/** The report itself: summary, totals, per platform, promised against live, each post. */
export function ReportBody({ view }: { view: ReportView }) {
  const keys = measuredKeys([view.totals.metrics]);
  return (
    <div className="report__body">
      {view.summary && <p className="report__summary">{view.summary}</p>}
      <section aria-labelledby="report-totals">
        <h2 id="report-totals" className="section-title">
          Totals
        </h2>
        <dl className="report__stats" data-testid="report-totals">
          <DescriptionItem term="Live posts">{view.totals.deliverables}</DescriptionItem>
          {keys.map((key) => (
            <div key={key}>
              <dt>{METRIC_LABELS[key]}</dt>
              <dd>{formatCount(view.totals.metrics[key])}</dd>
            </div>
          ))}
          <DescriptionItem term="Engagement">
            {formatRate(view.totals.engagementRate)}
          </DescriptionItem>
        </dl>
        <p className="muted small">
          Average per post:{' '}
          {keys
            .map((key) => `${METRIC_LABELS[key]} ${formatCount(view.averages.metrics[key])}`)
            .join(' · ')}
          . Disclosure: {view.disclosure.disclosed} of {view.disclosure.published} live posts marked
          as paid.
        </p>
      </section>
      {view.platforms.length > 1 && (
        <section aria-labelledby="report-platforms">
          <h2 id="report-platforms" className="section-title">
            By platform
          </h2>
          <ul className="report__list">
            {view.platforms.map((p) => (
              <li key={p.platform}>
                <strong>{PLATFORM_LABELS[p.platform]}</strong> ({p.deliverables}):{' '}
                {keys
                  .map((key) => `${METRIC_LABELS[key]} ${formatCount(p.metrics[key])}`)
                  .join(' · ')}{' '}
                · Engagement {formatRate(p.engagementRate)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.promised && (
        <section aria-labelledby="report-promised">
          <h2 id="report-promised" className="section-title">
            Promised and live
          </h2>
          <ul className="report__list">
            {view.promised.map((item, i) => (
              <li key={i}>
                {item.description}: {item.quantity} promised, {item.live} live
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="report-posts">
        <h2 id="report-posts" className="section-title">
          Posts
        </h2>
        <ul className="report__posts">
          {view.deliverables.map((d, i) => (
            <li key={i} className="report__post" data-testid="report-post">
              <h3 className="report__post-title">{d.title}</h3>
              <p className="muted small">
                {PLATFORM_LABELS[d.platform]} {FORMAT_LABELS[d.format]} ·{' '}
                {d.postedOn ? `posted ${formatDay(d.postedOn)}` : 'not live yet'} ·{' '}
                {d.disclosed ? 'disclosed' : 'disclosure not marked'}
              </p>
              {d.liveUrl && (
                <p className="report__url">
                  <a href={d.liveUrl} rel="noopener noreferrer nofollow" target="_blank">
                    {d.liveUrl}
                  </a>
                </p>
              )}
              {d.measuredOn && (
                <dl className="report__stats report__stats--small">
                  {keys.map((key) => (
                    <div key={key}>
                      <dt>{METRIC_LABELS[key]}</dt>
                      <dd>
                        {formatCount(d.metrics[key])}
                        {d.growth && d.growth[key] !== null && (
                          <span className="report__growth"> ({formatGrowth(d.growth[key])})</span>
                        )}
                      </dd>
                    </div>
                  ))}
                  <DescriptionItem term="Engagement">
                    {formatRate(d.engagementRate)}
                  </DescriptionItem>
                </dl>
              )}
              {d.measuredOn && (
                <p className="muted small">
                  As of {formatDay(d.measuredOn)}
                  {d.growth && d.firstMeasuredOn
                    ? `; growth since ${formatDay(d.firstMeasuredOn)} in brackets`
                    : ''}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
