import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Alert, AlertRule } from '../../../shared/schemas/alert';
import type { User } from '../../../shared/schemas/auth';
import { api, errorMessage, isApiError, unwrap } from '../api';
import { useToast } from '../components/toast';
import { formatInstant } from '../format';
import { keys } from './keys';
import { useOptimisticWrite } from './write';

export type AlertState = 'open' | 'snoozed' | 'acknowledged' | 'all';

export interface AlertListFilter {
  state: AlertState;
  rule: AlertRule | null;
  limit: number;
}

/** How often the bell asks for the open count (and an open inbox for its list). */
export const ALERT_POLL_MS = 20_000;

/** The number on the bell: polled, and refreshed whenever the window regains focus. */
export function useAlertCount() {
  return useQuery({
    queryKey: keys.alertCount,
    queryFn: async () => (await unwrap(api.alerts.count.$get())).open,
    refetchInterval: ALERT_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 5_000,
  });
}

/** An inbox page, newest first; its `openCount` also updates the bell. */
export function useAlerts(
  filter: AlertListFilter,
  options: { enabled?: boolean; poll?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.alertList(filter),
    queryFn: async () => {
      const result = await unwrap(
        api.alerts.$get({
          query: {
            state: filter.state,
            limit: String(filter.limit),
            ...(filter.rule ? { rule: filter.rule } : {}),
          },
        }),
      );
      queryClient.setQueryData(keys.alertCount, result.openCount);
      return result;
    },
    enabled: options.enabled ?? true,
    refetchInterval: options.poll ? ALERT_POLL_MS : false,
    staleTime: 5_000,
    placeholderData: (previous, previousQuery) =>
      // Keeps the rows on screen while a rule filter changes, not across tabs.
      previousQuery?.queryKey[2]?.state === filter.state ? previous : undefined,
  });
}

interface AlertList {
  items: Alert[];
  openCount: number;
}

type Change = { kind: 'ack' } | { kind: 'snooze'; until: string } | { kind: 'reopen' };

/** Open means: neither acknowledged nor resolved, and not snoozed into the future. */
export function isOpen(alert: Alert, now: number = Date.now()): boolean {
  return (
    alert.acknowledgedAt === null &&
    alert.resolvedAt === null &&
    (alert.snoozedUntil === null || Date.parse(alert.snoozedUntil) <= now)
  );
}

function findCached(queryClient: QueryClient, id: string): Alert | undefined {
  for (const [, list] of queryClient.getQueriesData<AlertList>({ queryKey: keys.alertLists })) {
    const found = list?.items.find((a) => a.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Whether an alert, changed so, still belongs on a tab. */
function belongs(alert: Alert, state: AlertListFilter['state']): boolean {
  switch (state) {
    case 'open':
      return isOpen(alert);
    case 'snoozed':
      return alert.acknowledgedAt === null && alert.resolvedAt === null && !isOpen(alert);
    case 'acknowledged':
      return alert.acknowledgedAt !== null;
    case 'all':
      return true;
  }
}

/**
 * Acknowledge, snooze and reopen, applied to every cached inbox and the bell at once
 * (rolled back if the server says no), then reconciled with the server.
 */
export function useAlertActions(user: User) {
  const queryClient = useQueryClient();
  const toast = useToast();

  const optimistic = async (id: string, change: Change) => {
    await queryClient.cancelQueries({ queryKey: keys.alerts });
    const lists = queryClient.getQueriesData<AlertList>({ queryKey: keys.alertLists });
    const count = queryClient.getQueryData<number>(keys.alertCount);
    const before = findCached(queryClient, id);
    if (before) {
      const after: Alert =
        change.kind === 'ack'
          ? { ...before, acknowledgedAt: new Date().toISOString(), acknowledgedBy: user.id }
          : change.kind === 'snooze'
            ? { ...before, snoozedUntil: change.until }
            : {
                ...before,
                acknowledgedAt: null,
                acknowledgedBy: null,
                acknowledgedByName: null,
                snoozedUntil: null,
              };
      const delta = (isOpen(before) ? 1 : 0) - (isOpen(after) ? 1 : 0);
      for (const [key, list] of lists) {
        if (!list) continue;
        const state = (key[2] as AlertListFilter | undefined)?.state ?? 'open';
        queryClient.setQueryData<AlertList>(key, {
          openCount: Math.max(0, list.openCount - delta),
          items: list.items.flatMap((a) =>
            a.id !== id ? [a] : belongs(after, state) ? [after] : [],
          ),
        });
      }
      if (count !== undefined)
        queryClient.setQueryData(keys.alertCount, Math.max(0, count - delta));
    }
    return { lists, count };
  };

  const rollback = (context: Awaited<ReturnType<typeof optimistic>>) => {
    for (const [key, list] of context.lists) queryClient.setQueryData(key, list);
    if (context.count !== undefined) queryClient.setQueryData(keys.alertCount, context.count);
  };

  const settle = () => queryClient.invalidateQueries({ queryKey: keys.alerts });

  const describe = (error: unknown) =>
    isApiError(error, 404) ? 'This alert no longer exists.' : errorMessage(error);

  const acknowledge = useOptimisticWrite(
    (id: string) => unwrap(api.alerts[':id'].ack.$post({ param: { id } })),
    { apply: (id) => optimistic(id, { kind: 'ack' }), rollback },
    { onSettled: settle },
    { onError: (error) => toast.error('Could not acknowledge the alert', describe(error)) },
  );

  const snooze = useOptimisticWrite(
    ({ id, until }: { id: string; until: string }) =>
      unwrap(api.alerts[':id'].snooze.$post({ param: { id }, json: { until } })),
    { apply: ({ id, until }) => optimistic(id, { kind: 'snooze', until }), rollback },
    { onSettled: settle },
    {
      onSuccess: (_alert, { until }) =>
        toast.success(
          'Alert snoozed',
          `It comes back ${formatInstant(until, user.effectiveTimeZone)}.`,
        ),
      onError: (error) => toast.error('Could not snooze the alert', describe(error)),
    },
  );

  const reopen = useOptimisticWrite(
    (id: string) => unwrap(api.alerts[':id'].reopen.$post({ param: { id } })),
    { apply: (id) => optimistic(id, { kind: 'reopen' }), rollback },
    { onSettled: settle },
    {
      onSuccess: () => toast.success('Alert reopened', 'It is back in the open inbox.'),
      onError: (error) => toast.error('Could not reopen the alert', describe(error)),
    },
  );

  return { acknowledge, snooze, reopen };
}
