import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { keys } from './keys';

/** Under the deliverables key: every deliverable write refreshes the count too. */
const riskKey = [...keys.deliverables, 'risk'] as const;

/** Time alone makes work overdue: the count is read again every few minutes. */
const RISK_REFRESH_MS = 5 * 60 * 1000;

/** How many deliverables of the workspace are overdue or due soon now. */
export function useRiskCount() {
  return useQuery({
    queryKey: riskKey,
    queryFn: () => unwrap(api.risk.$get()),
    refetchInterval: RISK_REFRESH_MS,
  });
}
