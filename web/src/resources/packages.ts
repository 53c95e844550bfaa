import { useQuery } from '@tanstack/react-query';
import type { DealPackage, PackageApply, PackageInput } from '../../../shared/schemas/package';
import { api, unwrap } from '../api';
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

function useRefreshPackages() {
  const invalidate = useInvalidate();
  return () => invalidate(packagesKey);
}

const savePackage = (existing: DealPackage | null, json: PackageInput) => {
  if (!existing) return unwrap(api.packages.$post({ json }));
  const param = { id: existing.id };
  return unwrap(
    api.packages[':id'].$patch({ param, json: { ...json, version: existing.version } }),
  );
};

/** Creates a package, or replaces `existing` at its version. */
export function useSavePackage(
  existing: DealPackage | null,
  options: WriteOptions<Answer<typeof savePackage>, PackageInput> = {},
) {
  const onSuccess = useRefreshPackages();
  return useWrite((json: PackageInput) => savePackage(existing, json), { onSuccess }, options);
}

const deletePackage = (id: string) => unwrap(api.packages[':id'].$delete({ param: { id } }));

/** Deletes a package; the list is asked again whatever the answer (a 404: it was gone already). */
export function useDeletePackage(options: WriteOptions<Answer<typeof deletePackage>, string> = {}) {
  return useWrite(deletePackage, { onSettled: useRefreshPackages() }, options);
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
