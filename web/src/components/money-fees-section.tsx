import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { formatMoney } from '../format';
import { keys } from '../hooks/queries';

/** Fees sit under the money key, so every payment change refreshes them. */
const feesKey = [...keys.money, 'fees'] as const;

/** Gross, fees and net per currency: shown only once some payment had fees taken. */
export function MoneyFeesSection() {
  const fees = useQuery({
    queryKey: feesKey,
    queryFn: () => unwrap(api.money.fees.$get({ query: {} })),
  });
  const rows = (fees.data?.byCurrency ?? []).filter((r) => r.feeCents > 0);
  if (rows.length === 0) return null;
  return (
    <section className="card card--flush" aria-labelledby="fees-title" data-testid="money-fees">
      <h2 id="fees-title" className="section-title card__title-pad">
        Fees
      </h2>
      <p className="muted small card__title-pad">
        What payers paid, what platforms, PayPal, FX and banks kept, and what reached you.
      </p>
      <table className="table table--responsive">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Gross
            </th>
            <th scope="col" className="num">
              Fees
            </th>
            <th scope="col" className="num">
              Net
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.currency}>
              <td data-label="Currency" className="strong">
                {r.currency}
              </td>
              <td data-label="Gross" className="num">
                {formatMoney(r.grossCents, r.currency)}
              </td>
              <td data-label="Fees" className="num">
                −{formatMoney(r.feeCents, r.currency)}
              </td>
              <td data-label="Net" className="num strong" data-testid={`money-net-${r.currency}`}>
                {formatMoney(r.netCents, r.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
