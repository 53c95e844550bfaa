import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { keys } from './keys';

/** Totals, payments by month, by brand, and who is late: the money page. */
export function useMoneySummary() {
  return useQuery({
    queryKey: keys.money,
    queryFn: () => unwrap(api.money.summary.$get({ query: { months: '12' } })),
  });
}

/** Gross, fees and net per currency and per brand. */
export function useMoneyFees() {
  return useQuery({
    queryKey: keys.moneyFees,
    queryFn: () => unwrap(api.money.fees.$get({ query: {} })),
  });
}

/** Under the money key, so every invoice and payment change refreshes it. */
const forecastKey = [...keys.money, 'forecast'] as const;

/**
 * Contracted but not invoiced, invoiced not yet due, and overdue, per currency
 * and month. Deal and deliverable changes move it too, so it is read afresh
 * whenever the money page opens.
 */
export function useMoneyForecast() {
  return useQuery({
    queryKey: forecastKey,
    queryFn: () => unwrap(api.money.forecast.$get()),
    staleTime: 0,
  });
}
