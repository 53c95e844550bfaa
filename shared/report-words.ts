import { METRIC_KEYS } from './schemas/deliverable';
import type { MetricValues } from './schemas/report';

const whole = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 2,
});

/** `12,400`; a dash when the count was not measured. */
export function formatCount(value: number | null): string {
  return value === null ? '—' : whole.format(value);
}

/** `+1,200` / `-3`; a dash without a measurement. */
export function formatGrowth(value: number | null): string {
  if (value === null) return '—';
  return `${value >= 0 ? '+' : ''}${whole.format(value)}`;
}

/** `4.25%` for 0.0425; a dash when there is no rate. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : percent.format(rate);
}

/** The metric keys that have a value in any of the lists: a report leaves out what nobody measured. */
export function measuredKeys(list: readonly MetricValues[]): (typeof METRIC_KEYS)[number][] {
  return METRIC_KEYS.filter((key) => list.some((m) => m[key] !== null));
}
