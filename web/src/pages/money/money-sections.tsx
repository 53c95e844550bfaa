import type { MoneySummary } from '../../../../shared/schemas/invoice';
import { OverdueChip } from '../../components/badges';
import { Link } from '../../components/link';
import { currencyName, formatDay, formatMoney } from '../../format';
import { Figure } from '../../components/lists/figure';
import { TableHead } from '../../components/lists/table-head';

/** A currency's three figures, in the order its card shows them. */
function totalFigures(t: MoneySummary['totals'][number]) {
  const late = t.overdueCents > 0;
  return [
    {
      key: 'earned',
      className: 'money-figure money-figure--earned',
      label: 'Earned',
      cents: t.earnedCents,
      note: 'Payments received',
    },
    {
      key: 'outstanding',
      className: 'money-figure',
      label: 'Outstanding',
      cents: t.outstandingCents,
      note: 'Sent, not yet paid',
    },
    {
      key: 'overdue',
      className: `money-figure money-figure--overdue${late ? ' money-figure--late' : ''}`,
      label: 'Overdue',
      cents: t.overdueCents,
      note: late ? 'Past the due day' : 'Nothing late',
    },
  ];
}

/** Earned, outstanding and overdue, one card per currency. */
export function MoneyTotals({ totals }: { totals: MoneySummary['totals'] }) {
  return (
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
            {totalFigures(t).map((f) => (
              <Figure
                key={f.key}
                className={f.className}
                label={f.label}
                value={formatMoney(f.cents, t.currency)}
                testId={`money-${f.key}-${t.currency}`}
                note={f.note}
                noteClassName="money-figure__note"
              />
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The invoices past their due day, each linking to its deal. */
export function OverdueSection({ overdue }: { overdue: MoneySummary['overdue'] }) {
  return (
    <section className="card" aria-labelledby="overdue-title">
      <h2 id="overdue-title" className="section-title">
        Overdue invoices
        {overdue.length > 0 && (
          <span className="section-count section-count--danger">{overdue.length}</span>
        )}
      </h2>
      {overdue.length === 0 ? (
        <p className="muted overdue-none">
          <span className="overdue-none__icon" aria-hidden="true">
            ✓
          </span>
          No invoice is overdue. Nice.
        </p>
      ) : (
        <ul className="overdue-list">
          {overdue.map((o) => (
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
  );
}

/** Invoiced, paid and outstanding per brand (and currency). */
export function ByBrandSection({
  byBrand,
  showCurrency,
}: {
  byBrand: MoneySummary['byBrand'];
  showCurrency: boolean;
}) {
  return (
    <section className="card card--flush" aria-labelledby="by-brand-title">
      <h2 id="by-brand-title" className="section-title card__title-pad">
        By brand
      </h2>
      {byBrand.length === 0 ? (
        <p className="muted card__title-pad">No sent invoices yet.</p>
      ) : (
        <table className="table table--responsive">
          <TableHead
            columns={[
              'Brand',
              { label: 'Invoiced', num: true },
              { label: 'Paid', num: true },
              { label: 'Outstanding', num: true },
            ]}
          />
          <tbody>
            {byBrand.map((b) => (
              <tr key={`${b.brandId}-${b.currency}`}>
                <td data-label="Brand">
                  <span className="strong">{b.brandName}</span>
                  {showCurrency && <span className="muted small"> · {b.currency}</span>}
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
  );
}
