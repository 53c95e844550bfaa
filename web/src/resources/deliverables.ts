import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Deliverable, DeliverableCreate } from '../../../shared/schemas/deliverable';
import { useCallback } from 'react';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

export function useDeliverablesOfDeal(dealId: string) {
  return useQuery({
    queryKey: keys.deliverablesOfDeal(dealId),
    queryFn: async () => (await unwrap(api.deliverables.$get({ query: { dealId } }))).items,
  });
}

/** One deliverable, always refetched on open; `initial` (say, from a calendar event) shows at once. */
export function useDeliverable(id: string | null, initial?: Deliverable) {
  return useQuery({
    queryKey: keys.deliverable(id ?? ''),
    queryFn: () => unwrap(api.deliverables[':id'].$get({ param: { id: id! } })),
    enabled: id !== null,
    staleTime: 0,
    ...(initial && initial.id === id ? { initialData: initial, initialDataUpdatedAt: 0 } : {}),
  });
}

/** What the calendar asks for one visible range (FullCalendar fetches it, not the cache). */
export interface CalendarRange {
  from: string;
  to: string;
  brandId: string[];
  platform: string[];
  status: string[];
}

/** The lean deliverables of a calendar range, filtered as the toolbar says. */
export async function fetchCalendar(range: CalendarRange) {
  const { items } = await unwrap(
    api.deliverables.calendar.$get({
      query: {
        from: range.from,
        to: range.to,
        ...(range.brandId.length ? { brandId: range.brandId.join(',') } : {}),
        ...(range.platform.length ? { platform: range.platform.join(',') } : {}),
        ...(range.status.length ? { status: range.status.join(',') } : {}),
      },
    }),
  );
  return items;
}

/** A deliverable's change shows in every deliverable list and in its deal's figures. */
function useDeliverableChanged() {
  const invalidate = useInvalidate();
  return () => invalidate(keys.deliverables, keys.deals);
}

const saveDeliverable = (existing: Deliverable | null, payload: DeliverableCreate) =>
  existing
    ? unwrap(
        api.deliverables[':id'].$patch({
          param: { id: existing.id },
          json: { ...payload, version: existing.version },
        }),
      )
    : unwrap(api.deliverables.$post({ json: payload }));

/** Creates a deliverable, or patches `existing` at its version. */
export function useSaveDeliverable(
  existing: Deliverable | null,
  options: WriteOptions<Answer<typeof saveDeliverable>, DeliverableCreate> = {},
) {
  const changed = useDeliverableChanged();
  return useWrite(
    async (payload: DeliverableCreate) => saveDeliverable(existing, payload),
    { onSuccess: changed },
    options,
  );
}

/** `POST /api/deliverables/series`'s body (shared/schemas/deliverable.ts: `deliverableSeriesSchema`). */
type DeliverableSeries = Parameters<typeof api.deliverables.series.$post>[0]['json'];

const createSeries = (json: DeliverableSeries) => unwrap(api.deliverables.series.$post({ json }));

/** Creates a deliverable and its repeats, each a deliverable of its own. */
export function useCreateSeries(
  options: WriteOptions<Answer<typeof createSeries>, DeliverableSeries> = {},
) {
  return useWrite(createSeries, { onSuccess: useDeliverableChanged() }, options);
}

/** Which deliverable, and `deliverableDuplicateSchema`'s body: the new go-live and deal. */
export type DeliverableCopy = { id: string } & Parameters<
  (typeof api.deliverables)[':id']['duplicate']['$post']
>[0]['json'];

const duplicateDeliverable = ({ id, ...json }: DeliverableCopy) =>
  unwrap(api.deliverables[':id'].duplicate.$post({ param: { id }, json }));

/** Copies a deliverable to another go-live (and deal): a planned copy of the work. */
export function useDuplicateDeliverable(
  options: WriteOptions<Answer<typeof duplicateDeliverable>, DeliverableCopy> = {},
) {
  return useWrite(duplicateDeliverable, { onSuccess: useDeliverableChanged() }, options);
}

const deleteDeliverable = (id: string) =>
  unwrap(api.deliverables[':id'].$delete({ param: { id } }));

/** Deletes a deliverable; a 404 (deleted by someone else) refreshes the lists too. */
export function useDeleteDeliverable(
  options: WriteOptions<Answer<typeof deleteDeliverable>, string> = {},
) {
  const changed = useDeliverableChanged();
  const queryClient = useQueryClient();
  return useWrite(
    async (id: string) => deleteDeliverable(id),
    {
      onSuccess: (_result, id) => {
        // Its own reads are gone with it: dropped, not refetched into a 404 while its dialog closes.
        for (const queryKey of [keys.deliverable(id), keys.reviewLinks(id)]) {
          queryClient.removeQueries({ queryKey, exact: true });
        }
        changed();
      },
      onError: (error) => {
        if (isApiError(error, 404)) changed();
      },
    },
    options,
  );
}

export interface DeliverableMove {
  /** The calendar's lean copy is enough: the id and the version the drag started from. */
  deliverable: Pick<Deliverable, 'id' | 'version'>;
  /** Which of its days the drag moved: go-live or draft due. */
  kind: 'publish' | 'draft';
  at: string;
}

/**
 * A calendar drag: patches go-live or draft due at the deliverable's version and,
 * once saved, refreshes the deliverable lists. Answers the saved deliverable;
 * a refusal (409, 404, …) is thrown for the calendar to put the event back.
 */
export function useMoveDeliverable() {
  const queryClient = useQueryClient();
  return useCallback(
    async ({ deliverable, kind, at }: DeliverableMove) => {
      const json =
        kind === 'publish'
          ? { version: deliverable.version, publishAt: at }
          : { version: deliverable.version, draftDueAt: at };
      const saved = await unwrap(
        api.deliverables[':id'].$patch({ param: { id: deliverable.id }, json }),
      );
      void queryClient.invalidateQueries({ queryKey: keys.deliverables });
      return saved;
    },
    [queryClient],
  );
}
