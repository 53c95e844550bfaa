import './money-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { MoneySummary } from '../../../shared/schemas/invoice';
import { Spinner } from '../components/badges';
import { DownloadIcon } from '../components/icons';
import { Link } from '../components/link';
import { MoneyFeesSection } from '../components/money-fees-section';
import { PaymentsChart } from '../components/payments-chart';
import { formatDay, formatMonth } from '../format';
import { ForecastSection } from './money/forecast-section';
import { ByBrandSection, MoneyTotals, OverdueSection } from './money/money-sections';
import { exportPaths } from '../resources/exports';
import { useMoneySummary } from '../resources/money';
import { LoadFailed } from '../components/ui/load-failed';
import { PageHeader } from '../components/ui/page-header';
import { Segmented } from '../components/ui/segmented';

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
      <PageHeader
        title="Money"
        subtitle={
          data
            ? `Invoices and payments as of ${formatDay(data.asOf)} · overdue counted in ${data.timeZone.replace(/_/g, ' ')}`
            : 'Invoices and payments'
        }
        actions={!empty && <ExportLinks />}
      />

      {summary.isPending ? (
        <div className="card card--center">
          <Spinner label="Adding it up…" />
        </div>
      ) : summary.error || !data ? (
        <div className="card card--center">
          <LoadFailed error={summary.error} onRetry={() => void summary.refetch()} />
        </div>
      ) : empty ? (
        <>
          <MoneyEmpty canEdit={user.role !== 'viewer'} />
          <ForecastSection />
        </>
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
      <MoneyTotals totals={totals} />

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
            <Segmented
              label="Chart currency"
              options={currencies}
              value={chartCurrency}
              onChange={setPicked}
            />
          )}
        </div>
        <PaymentsChart key={chartCurrency} data={months} currency={chartCurrency} />
      </section>

      <ForecastSection />

      <div className="money-grid">
        <OverdueSection overdue={data.overdue} />

        <ByBrandSection byBrand={data.byBrand} showCurrency={currencies.length > 1} />
        <MoneyFeesSection />
      </div>
    </>
  );
}
