import { useState } from 'react';
import { packageSize, type DealPackage } from '../../../../shared/schemas/package';
import { errorMessage } from '../../api';
import { OptionalEnumSelect } from '../../forms/optional-enum-select';
import { RowTextField } from '../../forms/row-fields';
import type { FieldErrors } from '../../hooks/use-form-errors';
import { useMe } from '../../resources/auth';
import { useApplyPackage, usePackages } from '../../resources/packages';
import { todayIn } from '../../time';
import { Field } from '../field';
import { useToast } from '../toast';

/** Which package, from which day (day 0 of its offsets). */
export interface PackagePick {
  packageId: string;
  startDay: string;
}

/** What a pick makes, said under it: "4 deliverables, usage rights 30 days". */
function summary(pkg: DealPackage): string {
  const n = packageSize(pkg.items);
  const usage = pkg.usageRightsDays ? `, usage rights ${pkg.usageRightsDays} days` : '';
  return `${n} deliverable${n === 1 ? '' : 's'} at ${pkg.publishTime}${usage}`;
}

/** A package select and its start day; `optional` offers "No package". */
export function PackagePickFields({
  packages,
  value,
  onChange,
  errors,
  optional = false,
}: {
  packages: DealPackage[];
  value: PackagePick;
  onChange: (value: PackagePick) => void;
  errors: FieldErrors;
  optional?: boolean;
}) {
  const chosen = packages.find((p) => p.id === value.packageId);
  const choices = {
    options: packages.map((pkg) => pkg.id),
    labels: Object.fromEntries(packages.map((pkg) => [pkg.id, pkg.name])),
    noneLabel: optional ? 'No package' : 'Choose a package…',
  };
  return (
    <>
      <Field
        label="Deal package"
        error={errors['packageId']}
        hint={chosen ? summary(chosen) : 'Reusable sets of deliverables, kept in Settings'}
      >
        {(p) => (
          <OptionalEnumSelect
            {...p}
            {...choices}
            value={value.packageId || null}
            onChange={(packageId) => onChange({ ...value, packageId: packageId ?? '' })}
          />
        )}
      </Field>
      {(!optional || value.packageId) && (
        <RowTextField
          label="Start day"
          type="date"
          hint="Day 0 of the package"
          value={value.startDay}
          onChange={(startDay) => onChange({ ...value, startDay })}
          error={errors['startDay']}
        />
      )}
    </>
  );
}

/**
 * A package applied to a deal about to be created: the pick, its check before
 * the deal is saved, and the apply once the deal exists (toasting what it made).
 */
export function useDealPackage() {
  const toast = useToast();
  const me = useMe();
  const timeZone = me.data?.effectiveTimeZone ?? 'UTC';
  const packages = usePackages();
  const [pick, setPick] = useState<PackagePick>(() => ({
    packageId: '',
    startDay: todayIn(timeZone),
  }));
  const apply = useApplyPackage({
    onSuccess: ({ items }) =>
      toast.success(`${items.length} deliverables planned`, 'From the deal package'),
    onError: (error) => toast.error('The package was not applied', errorMessage(error)),
  });
  return {
    packages: packages.data ?? [],
    pick,
    setPick,
    /** The start day a chosen package needs, as an issue of the deal form. */
    issues: () =>
      pick.packageId && !pick.startDay ? [{ path: 'startDay', message: 'Required' }] : [],
    applyTo: (dealId: string) => {
      if (pick.packageId) apply.mutate({ dealId, ...pick, timeZone });
    },
  };
}

/** The new deal's package section: nothing until the workspace has a package. */
export function DealPackageSection({
  state,
  errors,
}: {
  state: ReturnType<typeof useDealPackage>;
  errors: FieldErrors;
}) {
  if (state.packages.length === 0) return null;
  return (
    <PackagePickFields
      packages={state.packages}
      value={state.pick}
      onChange={state.setPick}
      errors={errors}
      optional
    />
  );
}
