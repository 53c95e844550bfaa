import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type WriteOptions } from './write';

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
  const invalidate = useInvalidate();
  return useWrite(
    (patch: SettingsPatch) => unwrap(api.settings.$patch({ json: patch })),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(keys.settings, saved);
        if (movesTimes) invalidate(keys.me, keys.deliverables);
      },
      onError: (error) => {
        if (isApiError(error, 409)) invalidate(keys.settings);
      },
    },
    options,
  );
}
