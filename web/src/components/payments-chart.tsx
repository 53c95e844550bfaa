import './payments-chart.css';
import { useCallback, useState } from 'react';
import { formatMoney, formatMoneyCompact, formatMonth } from '../format';
import { TableHead } from './lists/table-head';

export interface MonthTotal {
  /** `YYYY-MM` */
  month: string;
  paidCents: number;
}

const HEIGHT = 240;
const MARGIN = { top: 16, right: 8, bottom: 40, left: 56 };

/** A round step for the y axis (1, 2, 2.5 or 5 × 10^n minor units) giving about four gridlines. */
function niceStep(max: number, ticks = 4): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  // Whole minor units only.
  return Math.max(1, Math.ceil(step));
}

/** Follows an element's width, so the chart is drawn at its real size (text never scales). */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next !== undefined) setWidth(Math.round(next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Payments received per month as bars, in plain SVG: gridlines with compact labels,
 * each bar's exact amount on hover (its title), one summary for screen readers and
 * the numbers again in a visually hidden table.
 */
export function PaymentsChart({ data, currency }: { data: MonthTotal[]; currency: string }) {
  const [ref, width] = useWidth();
  const total = data.reduce((sum, d) => sum + d.paidCents, 0);
  const best = data.reduce<MonthTotal | null>(
    (top, d) => (d.paidCents > (top?.paidCents ?? 0) ? d : top),
    null,
  );
  const first = data[0];
  const last = data[data.length - 1];
  const summary =
    first && last
      ? `Payments received per month in ${currency}, ${formatMonth(first.month)} to ${formatMonth(last.month)}: ` +
        `${formatMoney(total, currency)} in total` +
        (best
          ? `; the most in ${formatMonth(best.month)}, ${formatMoney(best.paidCents, currency)}.`
          : '; none received.')
      : `No payments in ${currency}.`;

  const max = Math.max(0, ...data.map((d) => d.paidCents));
  // A little headroom above the tallest bar, so it never touches the top gridline's label.
  const step = niceStep(max * 1.08);
  const top = Math.max(step, Math.ceil((max * 1.08) / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const innerW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = data.length > 0 ? innerW / data.length : 0;
  const barW = Math.max(4, Math.min(44, band * 0.62));
  const y = (cents: number) => MARGIN.top + innerH - (cents / top) * innerH;
  const narrow = band < 34;

  return (
    <div className="chart" ref={ref} data-testid="money-chart">
      {width > 0 && (
        <svg
          className="chart__svg"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={summary}
        >
          <g className="chart__grid" aria-hidden="true">
            {ticks.map((t) => (
              <g key={t}>
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
                <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
                  {formatMoneyCompact(t, currency)}
                </text>
              </g>
            ))}
          </g>
          <g className="chart__bars">
            {data.map((d, i) => {
              const cx = MARGIN.left + band * i + band / 2;
              const h = MARGIN.top + innerH - y(d.paidCents);
              const showYear = i === 0 || d.month.endsWith('-01');
              return (
                <g key={d.month} className="chart__bar">
                  <title>{`${formatMonth(d.month)}: ${formatMoney(d.paidCents, currency)}`}</title>
                  {/* A full-height hit area, so thin or empty months still show their title on hover. */}
                  <rect
                    className="chart__hit"
                    x={cx - band / 2}
                    y={MARGIN.top}
                    width={band}
                    height={innerH}
                  />
                  {d.paidCents > 0 && (
                    <rect
                      className="chart__fill"
                      x={cx - barW / 2}
                      y={y(d.paidCents)}
                      width={barW}
                      height={Math.max(h, 2)}
                      rx={Math.min(4, barW / 4)}
                    />
                  )}
                  <text
                    className="chart__month"
                    x={cx}
                    y={HEIGHT - MARGIN.bottom + 16}
                    textAnchor="middle"
                  >
                    {narrow
                      ? formatMonth(d.month, 'short').slice(0, 1)
                      : formatMonth(d.month, 'short')}
                  </text>
                  {showYear && (
                    <text
                      className="chart__year"
                      x={cx}
                      y={HEIGHT - MARGIN.bottom + 31}
                      textAnchor="middle"
                    >
                      {narrow ? `’${d.month.slice(2, 4)}` : d.month.slice(0, 4)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          <line
            className="chart__axis"
            x1={MARGIN.left}
            x2={width - MARGIN.right}
            y1={y(0)}
            y2={y(0)}
            aria-hidden="true"
          />
        </svg>
      )}
      <table className="visually-hidden">
        <caption>Payments received per month, {currency}</caption>
        <TableHead columns={['Month', 'Received']} />
        <tbody>
          {data.map((d) => (
            <tr key={d.month}>
              <th scope="row">{formatMonth(d.month)}</th>
              <td>{formatMoney(d.paidCents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
