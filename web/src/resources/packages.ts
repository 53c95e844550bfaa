import { useQuery } from '@tanstack/react-query';
import type { DealPackage, PackageApply, PackageInput } from '../../../shared/schemas/package';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** Deal packages are few and change in settings: one list, asked again after each write. */
const packagesKey = ['packages'] as const;

export function usePackages() {
  return useQuery({
    queryKey: packagesKey,
    queryFn: async () => (await unwrap(api.packages.$get())).items,
  });
}

const savePackage = (existing: DealPackage | null, json: PackageInput) =>
  existing
    ? unwrap(
        api.packages[':id'].$patch({
          param: { id: existing.id },
          json: { ...json, version: existing.version },
        }),
      )
    : unwrap(api.packages.$post({ json }));

/** Creates a package, or replaces `existing` at its version. */
export function useSavePackage(
  existing: DealPackage | null,
  options: WriteOptions<Answer<typeof savePackage>, PackageInput> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (json: PackageInput) => savePackage(existing, json),
    { onSuccess: () => invalidate(packagesKey) },
    options,
  );
}

const deletePackage = (id: string) => unwrap(api.packages[':id'].$delete({ param: { id } }));

/** Deletes a package; the list is asked again whatever the answer (404: already gone). */
export function useDeletePackage(options: WriteOptions<Answer<typeof deletePackage>, string> = {}) {
  const invalidate = useInvalidate();
  const refresh = () => invalidate(packagesKey);
  return useWrite(
    (id: string) => deletePackage(id),
    {
      onSuccess: refresh,
      onError: (error) => {
        if (isApiError(error, 404)) refresh();
      },
    },
    options,
  );
}

export interface PackageApplication extends PackageApply {
  dealId: string;
}

const applyPackage = ({ dealId, ...json }: PackageApplication) =>
  unwrap(api.deals[':id']['apply-package'].$post({ param: { id: dealId }, json }));

/** Creates a package's deliverables in a deal (and maybe its usage rights): both refresh. */
export function useApplyPackage(
  options: WriteOptions<Answer<typeof applyPackage>, PackageApplication> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    applyPackage,
    { onSuccess: () => invalidate(keys.deliverables, keys.deals) },
    options,
  );
}
