import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MediaKit, MediaKitPatch } from '../../../shared/schemas/kit';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type WriteOptions } from './write';

export function useMediaKit() {
  return useQuery({ queryKey: keys.kit, queryFn: () => unwrap(api.kit.$get()) });
}

/** Published deliverables with numbers, for picking the kit's case studies. */
export function useCaseStudyCandidates() {
  return useQuery({
    queryKey: keys.kitCaseStudies,
    queryFn: async () => (await unwrap(api.kit['case-studies'].$get())).items,
  });
}

/** Saves the media kit; the answer is cached, and a 409 reloads the kit. */
export function useSaveKit(options: WriteOptions<MediaKit, MediaKitPatch> = {}) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useWrite(
    (patch: MediaKitPatch) => unwrap(api.kit.$patch({ json: patch })),
    {
      onSuccess: (saved) => queryClient.setQueryData(keys.kit, saved),
      onError: (error) => {
        if (isApiError(error, 409)) invalidate(keys.kit);
      },
    },
    options,
  );
}
