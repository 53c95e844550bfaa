import './forecast-section.css';
import type { MoneyForecast } from '../../../../shared/schemas/money-forecast';
import { CardSection } from '../../components/lists/card-section';
import { TableHead } from '../../components/lists/table-head';
import { QueryState } from '../../components/query-state';
import { formatMoney, formatMonth } from '../../format';
import { useMoneyForecast } from '../../resources/money';

type Row = MoneyForecast['months'][number];

const COLUMNS = [
  { key: 'uninvoicedCents', label: 'Contracted, not invoiced' },
  { key: 'notDueCents', label: 'Invoiced, not yet due' },
  { key: 'overdueCents', label: 'Overdue' },
] as const;

const rowTotal = (row: Omit<Row, 'month'>) =>
  row.uninvoicedCents + row.notDueCents + row.overdueCents;

/** One currency's months, then its total. */
function CurrencyForecast({
  total,
  months,
  showCurrency,
}: {
  total: MoneyForecast['totals'][number];
  months: Row[];
  showCurrency: boolean;
}) {
  const { currency } = total;
  const cell = (cents: number, label: string, strong = false) => (
    <td
      key={label}
      data-label={label}
      className={`num${cents === 0 ? ' muted' : strong ? ' strong' : ''}`}
    >
      {cents === 0 ? '—' : formatMoney(cents, currency)}
    </td>
  );
  return (
    <table
      className="table table--responsive forecast-table"
      aria-label={`Forecast in ${currency}`}
      data-currency={currency}
    >
      {showCurrency && <caption className="forecast-table__caption">{currency}</caption>}
      <TableHead
        columns={[
          'Month',
          ...COLUMNS.map((c) => ({ label: c.label, num: true })),
          { label: 'Total', num: true },
        ]}
      />
      <tbody>
        {months.map((row) => (
          <tr key={row.month ?? 'none'}>
            <th scope="row" data-label="Month">
              {row.month ? formatMonth(row.month) : 'No date yet'}
            </th>
            {COLUMNS.map((c) => cell(row[c.key], c.label, c.key === 'overdueCents'))}
            {cell(rowTotal(row), 'Total')}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" data-label="Month">
            Total
          </th>
          {COLUMNS.map((c) => cell(total[c.key], c.label, true))}
          {cell(rowTotal(total), 'Total', true)}
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * What is still to come in, per currency and month: contracted fees not yet
 * invoiced (in the month the payment clock expects them), sent invoices by
 * due month, and overdue ones by the month they fell due.
 */
export function ForecastSection() {
  const forecast = useMoneyForecast();
  return (
    <CardSection
      title="Forecast"
      intro="Money still to come in, by the month it is expected: contracted deals not yet invoiced (when the payment terms expect them), sent invoices by their due month, and overdue invoices by the month they fell due."
    >
      <QueryState query={forecast} loadingLabel="Forecasting…">
        {(data) =>
          data.totals.length === 0 ? (
            <p className="muted">Nothing contracted or invoiced is waiting to be paid.</p>
          ) : (
            <div className="forecast">
              {data.totals.map((total) => (
                <CurrencyForecast
                  key={total.currency}
                  total={total}
                  months={data.months.filter((m) => m.currency === total.currency)}
                  showCurrency={data.totals.length > 1}
                />
              ))}
            </div>
          )
        }
      </QueryState>
    </CardSection>
  );
}
