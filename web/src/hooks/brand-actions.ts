import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Brand, BrandCreate } from '../../../shared/schemas/brand';
import { api, unwrap } from '../api';
import { keys } from './queries';

/**
 * Saves the brand dialog: creates a brand, or patches `brand` at `version`.
 * Brands and deals (which show the brand's name and colour) are refreshed
 * either way; a failed save refreshes brands so a 409 shows what changed.
 */
export function useSaveBrand(brand: Brand | null, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (payload: BrandCreate) =>
      brand
        ? unwrap(
            api.brands[':id'].$patch({ param: { id: brand.id }, json: { ...payload, version } }),
          )
        : unwrap(api.brands.$post({ json: payload })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.brands });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: keys.brands });
    },
  });
}
