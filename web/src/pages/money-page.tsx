import './money-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { MoneySummary } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { OverdueChip, Spinner } from '../components/badges';
import { DownloadIcon } from '../components/icons';
import { Link } from '../components/link';
import { MoneyFeesSection } from '../components/money-fees-section';
import { PaymentsChart } from '../components/payments-chart';
import { currencyName, formatDay, formatMoney, formatMonth } from '../format';
import { exportPaths } from '../resources/exports';
import { useMoneySummary } from '../resources/money';

function ExportLinks() {
  return (
    <>
      <a className="button" href={exportPaths.invoices()} download>
        <DownloadIcon /> Export invoices (CSV)
      </a>
      <a className="button" href={exportPaths.payments()} download>
        <DownloadIcon /> Export payments (CSV)
      </a>
    </>
  );
}

/** What has come in, what is owed and what is late, per currency; by month and by brand. */
export default function MoneyPage({ user }: { user: User }) {
  const summary = useMoneySummary();
  const data = summary.data;
  const empty = data !== undefined && data.totals.length === 0 && data.byBrand.length === 0;

  return (
    <div className="page page--money">
      <div className="page-header">
        <div>
          <h1 className="page-title">Money</h1>
          <p className="page-subtitle">
            {data
              ? `Invoices and payments as of ${formatDay(data.asOf)} · overdue counted in ${data.timeZone.replace(/_/g, ' ')}`
              : 'Invoices and payments'}
          </p>
        </div>
        {!empty && (
          <div className="page-actions">
            <ExportLinks />
          </div>
        )}
      </div>

      {summary.isPending ? (
        <div className="card card--center">
          <Spinner label="Adding it up…" />
        </div>
      ) : summary.error || !data ? (
        <div className="card card--center">
          <p className="banner banner--error" role="alert">
            {errorMessage(summary.error)}
          </p>
          <button type="button" className="button" onClick={() => void summary.refetch()}>
            Try again
          </button>
        </div>
      ) : empty ? (
        <MoneyEmpty canEdit={user.role !== 'viewer'} />
      ) : (
        <MoneyOverview data={data} />
      )}
    </div>
  );
}

function MoneyEmpty({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="card empty-state">
      <svg
        className="empty-state__art"
        viewBox="0 0 64 64"
        width="64"
        height="64"
        aria-hidden="true"
      >
        <rect
          x="6"
          y="14"
          width="52"
          height="36"
          rx="6"
          fill="#eef2ff"
          stroke="#6366f1"
          strokeWidth="2"
        />
        <circle cx="32" cy="32" r="8" fill="none" stroke="#6366f1" strokeWidth="2" />
        <path d="M14 22h6M44 42h6" stroke="#6366f1" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <h2 className="empty-state__title">No invoices sent yet</h2>
      <p className="empty-state__text">
        Once you send an invoice, what you have earned, what brands still owe you and what is
        overdue shows up here — with a chart of payments by month.
        {canEdit ? ' Open a deal and choose “New invoice” to bill the brand.' : ''}
      </p>
      <div className="empty-state__actions">
        <Link href="/deals" className="button button--primary">
          Go to deals
        </Link>
      </div>
    </div>
  );
}

function MoneyOverview({ data }: { data: MoneySummary }) {
  // The busiest currency first (most received and owed); the chart starts on it.
  const totals = [...data.totals].sort(
    (a, b) =>
      b.earnedCents + b.outstandingCents - (a.earnedCents + a.outstandingCents) ||
      a.currency.localeCompare(b.currency),
  );
  const currencies = [
    ...new Set([...totals.map((t) => t.currency), ...data.byMonth.map((m) => m.currency)]),
  ];
  const [picked, setPicked] = useState<string | null>(null);
  const chartCurrency = picked && currencies.includes(picked) ? picked : (currencies[0] ?? 'USD');
  const months = data.byMonth
    .filter((m) => m.currency === chartCurrency)
    .map(({ month, paidCents }) => ({ month, paidCents }));
  const first = months[0];
  const last = months[months.length - 1];

  return (
    <>
      <div className="money-totals">
        {totals.map((t) => (
          <section
            key={t.currency}
            className="card money-total"
            aria-labelledby={`money-total-${t.currency}`}
          >
            <h2 id={`money-total-${t.currency}`} className="money-total__currency">
              <span className="money-total__code">{t.currency}</span>
              <span className="muted">{currencyName(t.currency)}</span>
            </h2>
            <dl className="money-total__figures">
              <div className="money-figure money-figure--earned">
                <dt>Earned</dt>
                <dd data-testid={`money-earned-${t.currency}`}>
                  {formatMoney(t.earnedCents, t.currency)}
                </dd>
                <dd className="money-figure__note">Payments received</dd>
              </div>
              <div className="money-figure">
                <dt>Outstanding</dt>
                <dd data-testid={`money-outstanding-${t.currency}`}>
                  {formatMoney(t.outstandingCents, t.currency)}
                </dd>
                <dd className="money-figure__note">Sent, not yet paid</dd>
              </div>
              <div
                className={`money-figure money-figure--overdue${t.overdueCents > 0 ? ' money-figure--late' : ''}`}
              >
                <dt>Overdue</dt>
                <dd data-testid={`money-overdue-${t.currency}`}>
                  {formatMoney(t.overdueCents, t.currency)}
                </dd>
                <dd className="money-figure__note">
                  {t.overdueCents > 0 ? 'Past the due day' : 'Nothing late'}
                </dd>
              </div>
            </dl>
          </section>
        ))}
      </div>

      <section className="card" aria-labelledby="chart-title">
        <div className="section-header">
          <div>
            <h2 id="chart-title" className="section-title">
              Payments received
            </h2>
            {first && last && (
              <p className="muted small">
                By month paid, {formatMonth(first.month)} – {formatMonth(last.month)}
              </p>
            )}
          </div>
          {currencies.length > 1 && (
            <div className="segmented" role="group" aria-label="Chart currency">
              {currencies.map((c) => (
                <button
                  key={c}
                  type="button"
                  className="segmented__item"
                  aria-pressed={c === chartCurrency}
                  onClick={() => setPicked(c)}
                >
                  {c}
                </button>
              ))}
            </div>
          )}
        </div>
        <PaymentsChart key={chartCurrency} data={months} currency={chartCurrency} />
      </section>

      <div className="money-grid">
        <section className="card" aria-labelledby="overdue-title">
          <h2 id="overdue-title" className="section-title">
            Overdue invoices
            {data.overdue.length > 0 && (
              <span className="section-count section-count--danger">{data.overdue.length}</span>
            )}
          </h2>
          {data.overdue.length === 0 ? (
            <p className="muted overdue-none">
              <span className="overdue-none__icon" aria-hidden="true">
                ✓
              </span>
              No invoice is overdue. Nice.
            </p>
          ) : (
            <ul className="overdue-list">
              {data.overdue.map((o) => (
                <li key={o.invoiceId} className="overdue-item">
                  <div className="overdue-item__main">
                    <Link
                      href={`/deals/${o.dealId}#invoice-${o.invoiceId}`}
                      className="strong-link overdue-item__link"
                    >
                      {o.number} · {o.dealTitle}
                    </Link>
                    <span className="muted small">
                      {o.brandName} · due {formatDay(o.dueOn)}
                    </span>
                  </div>
                  <div className="overdue-item__side">
                    <span className="overdue-item__amount">
                      {formatMoney(o.balanceCents, o.currency)}
                    </span>
                    <OverdueChip days={o.daysOverdue} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card card--flush" aria-labelledby="by-brand-title">
          <h2 id="by-brand-title" className="section-title card__title-pad">
            By brand
          </h2>
          {data.byBrand.length === 0 ? (
            <p className="muted card__title-pad">No sent invoices yet.</p>
          ) : (
            <table className="table table--responsive">
              <thead>
                <tr>
                  <th scope="col">Brand</th>
                  <th scope="col" className="num">
                    Invoiced
                  </th>
                  <th scope="col" className="num">
                    Paid
                  </th>
                  <th scope="col" className="num">
                    Outstanding
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byBrand.map((b) => (
                  <tr key={`${b.brandId}-${b.currency}`}>
                    <td data-label="Brand">
                      <span className="strong">{b.brandName}</span>
                      {currencies.length > 1 && (
                        <span className="muted small"> · {b.currency}</span>
                      )}
                    </td>
                    <td data-label="Invoiced" className="num">
                      {formatMoney(b.invoicedCents, b.currency)}
                    </td>
                    <td data-label="Paid" className="num">
                      {formatMoney(b.paidCents, b.currency)}
                    </td>
                    <td
                      data-label="Outstanding"
                      className={`num${b.outstandingCents > 0 ? ' strong' : ' muted'}`}
                    >
                      {formatMoney(b.outstandingCents, b.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <MoneyFeesSection />
      </div>
    </>
  );
}
