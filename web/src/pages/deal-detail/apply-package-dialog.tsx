import { packageApplySchema } from '../../../../shared/schemas/package';
import { PackagePickFields, type PackagePick } from '../../components/deal/package-picker';
import { Spinner } from '../../components/badges';
import { Dialog } from '../../components/dialog';
import { EmptyInline } from '../../components/ui/empty-inline';
import { useToast } from '../../components/toast';
import { FormDialog } from '../../forms/form-dialog';
import { useSchemaForm } from '../../forms/use-schema-form';
import { writeDialogProps } from '../../forms/write-dialog';
import { useApplyPackage, usePackages } from '../../resources/packages';
import { todayIn } from '../../time';

/** "Apply package": a package's deliverables added to this deal (`dealId`) from a start day. */
export function ApplyPackageDialog(props: {
  dealId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { dealId, timeZone, onClose } = props;
  const packages = usePackages();
  const toast = useToast();
  const form = useSchemaForm<PackagePick>(() => ({ packageId: '', startDay: todayIn(timeZone) }));
  const apply = useApplyPackage({
    onSuccess: ({ items }) => {
      toast.success(`${items.length} deliverables added`, 'Each can be moved or changed alone.');
      onClose();
    },
    onError: form.fail,
  });
  if (packages.isPending || !packages.data?.length) {
    return (
      <Dialog title="Apply a deal package" onClose={onClose} size="small">
        {packages.isPending ? (
          <Spinner />
        ) : (
          <EmptyInline title="No deal packages yet">
            The owner keeps reusable sets of deliverables in Settings.
          </EmptyInline>
        )}
      </Dialog>
    );
  }
  const submit = () => {
    const json = { ...form.values, timeZone };
    if (form.check(packageApplySchema, json)) apply.mutate({ dealId, ...json });
  };
  return (
    <FormDialog
      {...writeDialogProps(form, apply, submit)}
      description="Adds the package's deliverables to this deal, placed from the start day."
      onClose={onClose}
      submitLabel="Apply package"
      title="Apply a deal package"
      busyLabel="Applying…"
      size="small"
    >
      <div className="form-grid">
        <PackagePickFields
          packages={packages.data}
          value={form.values}
          onChange={form.setValues}
          errors={form.errors}
        />
      </div>
    </FormDialog>
  );
}
