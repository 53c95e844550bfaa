import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Brand, BrandCreate, BrandDealValue, BrandStage } from '../../../shared/schemas/brand';
import { api, unwrap } from '../api';
import { keys } from './keys';
import {
  useCachedChange,
  useInvalidate,
  useOptimisticWrite,
  useWrite,
  type Answer,
  type WriteOptions,
} from './write';

export function useBrands() {
  return useQuery({
    queryKey: keys.brands,
    queryFn: async () => (await unwrap(api.brands.$get({ query: {} }))).items,
  });
}

/** Every brand, or (with a number of days) those not contacted in that long, as the server counts them. */
export function useBrandList(notContactedDays: number | null) {
  return useQuery({
    queryKey: keys.brandList(notContactedDays),
    queryFn: async () =>
      (
        await unwrap(
          api.brands.$get({
            query: notContactedDays === null ? {} : { notContactedDays: String(notContactedDays) },
          }),
        )
      ).items,
  });
}

/** Under the deals key: every deal change (fee, status, a new deal) refreshes it. */
const dealValuesKey = [...keys.deals, 'brand-values'] as const;

/** The fees of each brand's open deals, per currency: `brandId` → its rows. */
export function useBrandDealValues() {
  return useQuery({
    queryKey: dealValuesKey,
    queryFn: async () => (await unwrap(api.brands['deal-values'].$get())).items,
    select: groupByBrand,
  });
}

function groupByBrand(values: BrandDealValue[]): ReadonlyMap<string, BrandDealValue[]> {
  const byBrand = new Map<string, BrandDealValue[]>();
  for (const value of values)
    byBrand.set(value.brandId, [...(byBrand.get(value.brandId) ?? []), value]);
  return byBrand;
}

/** One brand with its contacts (the printed invoice bills its first contact). */
export function useBrand(id: string | null) {
  return useQuery({
    queryKey: keys.brand(id ?? ''),
    queryFn: () => unwrap(api.brands[':id'].$get({ param: { id: id! } })),
    enabled: id !== null,
  });
}

/** One brand as saved now, outside the cache (the dialog's "what changed" after a 409). */
export function fetchBrand(id: string): Promise<Brand> {
  return unwrap(api.brands[':id'].$get({ param: { id } }));
}

const saveBrand = (brand: Brand | null, version: number, payload: BrandCreate) =>
  brand
    ? unwrap(api.brands[':id'].$patch({ param: { id: brand.id }, json: { ...payload, version } }))
    : unwrap(api.brands.$post({ json: payload }));

/**
 * Saves the brand dialog: creates a brand, or patches `brand` at `version`.
 * Brands and deals (which show the brand's name and colour) are refreshed
 * either way; a failed save refreshes brands so a 409 shows what changed.
 */
export function useSaveBrand(brand: Brand | null, version: number) {
  const invalidate = useInvalidate();
  return useWrite(async (payload: BrandCreate) => saveBrand(brand, version, payload), {
    onSuccess: () => invalidate(keys.brands, keys.deals),
    onError: () => invalidate(keys.brands),
  });
}

export interface BrandMove {
  brand: Brand;
  to: BrandStage;
}

/**
 * Moves a brand to another stage of the board: shown at once in the list under
 * `queryKey`, put back if the server refuses, and reconciled with the server after.
 * `options.onMutate` runs first (the board marks the card busy).
 */
export function useMoveBrand(
  queryKey: readonly unknown[],
  options: Omit<WriteOptions<Brand, BrandMove, { previous: Brand[] | undefined }>, 'onMutate'> & {
    onMutate?: (move: BrandMove) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  const list = useCachedChange<Brand[], BrandMove>(queryKey, (brands, move) =>
    brands.map((b) => (b.id === move.brand.id ? { ...b, stage: move.to } : b)),
  );
  return useOptimisticWrite(
    ({ brand, to }: BrandMove) =>
      unwrap(
        api.brands[':id'].$patch({
          param: { id: brand.id },
          json: { version: brand.version, stage: to },
        }),
      ),
    {
      apply: async (move) => ({ previous: await list.apply(move) }),
      rollback: ({ previous }) => list.restore(previous),
    },
    {
      onSuccess: (saved) =>
        queryClient.setQueryData<Brand[]>(queryKey, (brands) =>
          brands?.map((b) => (b.id === saved.id ? saved : b)),
        ),
      onSettled: () => invalidate(keys.brands),
    },
    options,
  );
}

const deleteBrand = (id: string) => unwrap(api.brands[':id'].$delete({ param: { id } }));

export function useDeleteBrand(options: WriteOptions<Answer<typeof deleteBrand>, string> = {}) {
  const invalidate = useInvalidate();
  return useWrite(deleteBrand, { onSuccess: () => invalidate(keys.brands) }, options);
}
