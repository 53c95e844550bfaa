import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  AlertBulkAck,
  BoardAnswer,
  BulkAction,
  BulkAnswer,
} from '../../../shared/schemas/bulk';
import type { DeliverableStatus, Platform } from '../../../shared/schemas/deliverable';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite } from './write';

/** What the board reads: from a day on (an instant), filtered by brand and platform. */
export interface BoardQuery {
  from: string;
  brandId: string[];
  platform: Platform[];
}

/** Under the deliverables key, so every deliverable change refreshes the board too. */
const boardKey = (query: BoardQuery) => [...keys.deliverables, 'board', query] as const;

/** The board's deliverables (at most 1000; `truncated` says there were more). */
export function useBoard(query: BoardQuery) {
  return useQuery({
    queryKey: boardKey(query),
    queryFn: () =>
      unwrap(
        api.deliverables.board.$get({
          query: {
            from: query.from,
            ...(query.brandId.length ? { brandId: query.brandId.join(',') } : {}),
            ...(query.platform.length ? { platform: query.platform.join(',') } : {}),
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export type BoardItem = BoardAnswer['items'][number];

/** The targets of a bulk action: ids at the versions the board read. */
export interface BulkRequestVars {
  items: ReadonlyArray<Pick<BoardItem, 'id' | 'version'>>;
  action: BulkAction;
}

/** Sends one bulk action (all or nothing); the lists refresh whatever the answer. */
export function useBulkAction() {
  const invalidate = useInvalidate();
  return useWrite(
    ({ items, action }: BulkRequestVars) =>
      unwrap(
        api.deliverables.bulk.$post({
          json: { ids: items.map(({ id, version }) => ({ id, version })), action },
        }),
      ),
    { onSettled: () => invalidate(keys.deliverables, keys.deals, keys.alerts) },
  );
}

/**
 * The undo of a bulk answer: each deliverable back as it was, at the version
 * the action left (a deleted one comes back whole, with its id). Refused with
 * 409 when any changed since, so nothing is overwritten.
 */
export function useRestoreDeliverables() {
  const queryClient = useQueryClient();
  return useCallback(
    async (answer: BulkAnswer) => {
      try {
        return await unwrap(
          api.deliverables.bulk.restore.$post({
            json: {
              items: answer.items.map(({ before, after }) => ({
                version: after ? after.version : null,
                snapshot: before,
              })),
            },
          }),
        );
      } finally {
        void queryClient.invalidateQueries({ queryKey: keys.deliverables });
      }
    },
    [queryClient],
  );
}

export interface StatusMove {
  item: Pick<BoardItem, 'id' | 'version'>;
  status: DeliverableStatus;
}

/**
 * A board drag: the card shows in its new column at once, the PATCH carries the
 * version the board read; a refusal puts the card back (and is thrown for the
 * page to say why). Answers the saved deliverable.
 */
export function useMoveOnBoard(query: BoardQuery) {
  const queryClient = useQueryClient();
  return useCallback(
    async ({ item, status }: StatusMove) => {
      const key = boardKey(query);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<BoardAnswer>(key);
      if (before) {
        queryClient.setQueryData<BoardAnswer>(key, {
          ...before,
          items: before.items.map((d) => (d.id === item.id ? { ...d, status } : d)),
        });
      }
      try {
        return await unwrap(
          api.deliverables[':id'].$patch({
            param: { id: item.id },
            json: { version: item.version, status },
          }),
        );
      } catch (error) {
        if (before) queryClient.setQueryData(key, before);
        throw error;
      } finally {
        void queryClient.invalidateQueries({ queryKey: keys.deliverables });
      }
    },
    [query, queryClient],
  );
}

/** Acknowledges the chosen alerts, or every open one; the inbox and the bell refresh. */
export function useAcknowledgeAlerts() {
  const invalidate = useInvalidate();
  return useWrite((body: AlertBulkAck) => unwrap(api.alerts.ack.$post({ json: body })), {
    onSettled: () => invalidate(keys.alerts),
  });
}
