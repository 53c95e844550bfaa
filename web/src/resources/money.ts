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
