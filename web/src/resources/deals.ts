import { useQuery } from '@tanstack/react-query';
import type { Deal, DealCreate, DealStatus } from '../../../shared/schemas/deal';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

export function useAllDeals() {
  return useQuery({
    queryKey: keys.dealList({ status: [], brandId: [] }),
    queryFn: async () => (await unwrap(api.deals.$get({ query: {} }))).items,
  });
}

export function useDeals(filter: { status: DealStatus[]; brandId: string[] }) {
  return useQuery({
    queryKey: keys.dealList(filter),
    queryFn: async () =>
      (
        await unwrap(
          api.deals.$get({
            query: {
              ...(filter.status.length ? { status: filter.status.join(',') } : {}),
              ...(filter.brandId.length ? { brandId: filter.brandId.join(',') } : {}),
            },
          }),
        )
      ).items,
    placeholderData: (previous) => previous,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: keys.deal(id),
    queryFn: () => unwrap(api.deals[':id'].$get({ param: { id } })),
  });
}

/**
 * Whether deleting the deal would be refused, and why: asked when the user opens the
 * delete confirmation (`enabled`), fresh each time.
 */
export function useDealDeletion(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.deal(id), 'deletion'],
    queryFn: () => unwrap(api.deals[':id'].deletion.$get({ param: { id } })),
    enabled,
    staleTime: 0,
  });
}

const saveDeal = (deal: Deal | null, payload: DealCreate) =>
  deal
    ? unwrap(
        api.deals[':id'].$patch({
          param: { id: deal.id },
          json: { ...payload, version: deal.version },
        }),
      )
    : unwrap(api.deals.$post({ json: payload }));

/**
 * Creates a deal, or patches `deal` at its version. Deals, brands (their deal
 * counts) and deliverables (which show the deal) are refreshed; a 409 refreshes
 * the deals so the form can say what changed.
 */
export function useSaveDeal(
  deal: Deal | null,
  options: WriteOptions<Answer<typeof saveDeal>, DealCreate> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    async (payload: DealCreate) => saveDeal(deal, payload),
    {
      onSuccess: () => invalidate(keys.deals, keys.brands, keys.deliverables),
      onError: (error) => {
        if (isApiError(error, 409)) invalidate(keys.deals);
      },
    },
    options,
  );
}

const deleteDeal = (id: string) => unwrap(api.deals[':id'].$delete({ param: { id } }));

/**
 * Deletes a deal (its deliverables go with it). `withMoney` also refreshes the
 * invoices and the money page, as the deal's own page does.
 */
export function useDeleteDeal({
  withMoney = false,
  ...options
}: WriteOptions<Answer<typeof deleteDeal>, string> & { withMoney?: boolean } = {}) {
  const invalidate = useInvalidate();
  return useWrite(
    deleteDeal,
    {
      onSuccess: () => {
        invalidate(keys.deals, keys.brands, keys.deliverables);
        if (withMoney) invalidate(keys.invoices, keys.money);
      },
    },
    options,
  );
}
