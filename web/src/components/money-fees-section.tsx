import type { MoneyFees } from '../../../shared/schemas/money-fees';
import { formatMoney } from '../format';
import { useMoneyFees } from '../resources/money';
import { TableHead } from './lists/table-head';

type FeeRow = MoneyFees['byCurrency'][number] & { key: string; label: string };

/** Gross, fees and net in one table: rows are currencies, or brands in a currency. */
function FeesTable({
  rows,
  labelHeader,
  tableLabel,
  testIdPrefix,
}: {
  rows: FeeRow[];
  labelHeader: string;
  tableLabel: string;
  testIdPrefix: string;
}) {
  return (
    <table className="table table--responsive" aria-label={tableLabel}>
      <TableHead
        columns={[
          labelHeader,
          { label: 'Gross', num: true },
          { label: 'Fees', num: true },
          { label: 'Net', num: true },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td data-label={labelHeader} className="strong">
              {r.label}
            </td>
            <td data-label="Gross" className="num">
              {formatMoney(r.grossCents, r.currency)}
            </td>
            <td data-label="Fees" className="num">
              {r.feeCents > 0 ? '−' : ''}
              {formatMoney(r.feeCents, r.currency)}
            </td>
            <td data-label="Net" className="num strong" data-testid={`${testIdPrefix}-${r.key}`}>
              {formatMoney(r.netCents, r.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Gross, fees and net per currency and per brand: shown only once some payment had fees taken. */
export function MoneyFeesSection() {
  const fees = useMoneyFees();
  const currencies: FeeRow[] = (fees.data?.byCurrency ?? [])
    .filter((r) => r.feeCents > 0)
    .map((r) => ({ ...r, key: r.currency, label: r.currency }));
  if (currencies.length === 0) return null;
  // Every brand that paid, fees or not: one without fees shows its net is its gross.
  const byBrand = fees.data?.byBrand ?? [];
  const mixed = new Set(byBrand.map((r) => r.currency)).size > 1;
  const brands: FeeRow[] = [...byBrand]
    .sort((a, b) => a.brandName.localeCompare(b.brandName) || a.currency.localeCompare(b.currency))
    .map((r) => ({
      ...r,
      key: `${r.brandId}-${r.currency}`,
      label: mixed ? `${r.brandName} (${r.currency})` : r.brandName,
    }));
  return (
    <section className="card card--flush" aria-labelledby="fees-title" data-testid="money-fees">
      <h2 id="fees-title" className="section-title card__title-pad">
        Fees
      </h2>
      <p className="muted small card__title-pad">
        What payers paid, what platforms, PayPal, FX and banks kept, and what reached you.
      </p>
      <FeesTable
        rows={currencies}
        labelHeader="Currency"
        tableLabel="Fees per currency"
        testIdPrefix="money-net"
      />
      {brands.length > 0 && (
        <>
          <h3 className="subsection-title card__title-pad">By brand</h3>
          <FeesTable
            rows={brands}
            labelHeader="Brand"
            tableLabel="Fees per brand"
            testIdPrefix="money-brand-net"
          />
        </>
      )}
    </section>
  );
}
