import { useQuery } from '@tanstack/react-query';
import type { PitchCreate } from '../../../shared/schemas/brand';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** A brand's pitch log, newest first. */
export function usePitches(brandId: string) {
  return useQuery({
    queryKey: keys.pitches(brandId),
    queryFn: async () =>
      (await unwrap(api.brands[':id'].pitches.$get({ param: { id: brandId } }))).items,
  });
}

/** A pitch changes the log and the brand (its last contact, maybe its stage): both are asked again. */
function useRefreshPitches(brandId: string) {
  const invalidate = useInvalidate();
  return () => invalidate(keys.pitches(brandId), keys.brands);
}

const logPitch = (brandId: string, json: PitchCreate) =>
  unwrap(api.brands[':id'].pitches.$post({ param: { id: brandId }, json }));

export function useLogPitch(
  brandId: string,
  options: WriteOptions<Answer<typeof logPitch>, PitchCreate> = {},
) {
  return useWrite(
    (json: PitchCreate) => logPitch(brandId, json),
    { onSuccess: useRefreshPitches(brandId), componentFirst: true },
    options,
  );
}

const deletePitch = (brandId: string, pitchId: string) =>
  unwrap(api.brands[':id'].pitches[':pitchId'].$delete({ param: { id: brandId, pitchId } }));

/** Removes a pitch from the log; the log is refreshed whatever the answer. */
export function useDeletePitch(
  brandId: string,
  options: WriteOptions<Answer<typeof deletePitch>, string> = {},
) {
  const refresh = useRefreshPitches(brandId);
  return useWrite(
    (pitchId: string) => deletePitch(brandId, pitchId),
    { onSuccess: refresh, onError: refresh, componentFirst: true },
    options,
  );
}
