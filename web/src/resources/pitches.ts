import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PitchCreate } from '../../../shared/schemas/brand';
import { api, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

/** A brand's pitch log, newest first. */
export function usePitches(brandId: string) {
  return useQuery({
    queryKey: keys.pitches(brandId),
    queryFn: async () =>
      (await unwrap(api.brands[':id'].pitches.$get({ param: { id: brandId } }))).items,
  });
}

/** A pitch changes the log and the brand (its last contact, maybe its stage). */
function useRefreshPitches(brandId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.pitches(brandId) });
    void queryClient.invalidateQueries({ queryKey: keys.brands });
  };
}

const logPitch = (brandId: string, json: PitchCreate) =>
  unwrap(api.brands[':id'].pitches.$post({ param: { id: brandId }, json }));

export function useLogPitch(
  brandId: string,
  options: WriteOptions<Answer<typeof logPitch>, PitchCreate> = {},
) {
  const refresh = useRefreshPitches(brandId);
  return useMutation({
    ...options,
    mutationFn: (json: PitchCreate) => logPitch(brandId, json),
    onSuccess: (...args) => {
      const result = options.onSuccess?.(...args);
      refresh();
      return result;
    },
  });
}

const deletePitch = (brandId: string, pitchId: string) =>
  unwrap(api.brands[':id'].pitches[':pitchId'].$delete({ param: { id: brandId, pitchId } }));

/** Removes a pitch from the log; the log is refreshed whatever the answer. */
export function useDeletePitch(
  brandId: string,
  options: WriteOptions<Answer<typeof deletePitch>, string> = {},
) {
  const refresh = useRefreshPitches(brandId);
  return useMutation({
    ...options,
    mutationFn: (pitchId: string) => deletePitch(brandId, pitchId),
    onSuccess: (...args) => {
      const result = options.onSuccess?.(...args);
      refresh();
      return result;
    },
    onError: (...args) => {
      const result = options.onError?.(...args);
      refresh();
      return result;
    },
  });
}
