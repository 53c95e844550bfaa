import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import type { WriteOptions } from './write';

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(api.settings.$get()) });
}

/**
 * Saves a part of the workspace settings; the answer becomes the cached
 * settings, and a 409 (someone else saved first) reloads them.
 * `movesTimes`: the workspace zone may have changed, so the signed-in user's
 * effective zone and every time shown on deliverables are refreshed too.
 */
export function useSaveSettings({
  movesTimes = false,
  ...options
}: WriteOptions<Settings, SettingsPatch> & { movesTimes?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (patch: SettingsPatch) => unwrap(api.settings.$patch({ json: patch })),
    onSuccess: (saved, ...rest) => {
      queryClient.setQueryData(keys.settings, saved);
      if (movesTimes) {
        void queryClient.invalidateQueries({ queryKey: keys.me });
        void queryClient.invalidateQueries({ queryKey: keys.deliverables });
      }
      return options.onSuccess?.(saved, ...rest);
    },
    onError: (error, ...rest) => {
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: keys.settings });
      return options.onError?.(error, ...rest);
    },
  });
}
