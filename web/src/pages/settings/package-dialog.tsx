import { FORMATS } from '../../../../shared/schemas/deliverable';
import {
  packageInputSchema,
  packagePatchSchema,
  type DealPackage,
} from '../../../../shared/schemas/package';
import { useToast } from '../../components/toast';
import { FORMAT_LABELS, PLATFORM_LABELS, PLATFORM_VALUES } from '../../format';
import { TextField } from '../../forms/fields';
import { FormDialog } from '../../forms/form-dialog';
import { RowEnumField, RowTextField } from '../../forms/row-fields';
import { RowList } from '../../forms/row-list';
import { useSchemaForm } from '../../forms/use-schema-form';
import { writeDialogProps } from '../../forms/write-dialog';
import { useSavePackage } from '../../resources/packages';
import { AddButton, ListError } from '../kit/kit-section';
import { newPackageRow, packageFormState, packagePayload } from './package-form-state';

const NUMERIC = { inputMode: 'numeric' } as const;
const LINES = {
  noun: 'line',
  path: 'items',
  className: 'package-lines',
  rowClassName: 'package-line',
  empty: <p className="muted small">Add the deliverables this package plans.</p>,
};
const PLATFORM_CHOICES = { options: PLATFORM_VALUES, labels: PLATFORM_LABELS };
const FORMAT_CHOICES = { options: FORMATS, labels: FORMAT_LABELS };

/** As many lines as the server takes on one package. */
const MAX_LINES = 30;

/** Create or edit a deal package: its name, time of day, usage period and lines. */
export function PackageDialog({ pkg, onClose }: { pkg: DealPackage | null; onClose: () => void }) {
  const toast = useToast();
  const form = useSchemaForm(() => packageFormState(pkg), {
    conflictMessage: 'Someone else changed this package meanwhile; close and open it again.',
  });
  const rows = form.values.items;
  const setRows = (items: typeof rows) => form.setValues((s) => ({ ...s, items }));
  const save = useSavePackage(pkg, {
    onSuccess: (saved) => {
      toast.success(pkg ? 'Package saved' : 'Package created', saved.name);
      onClose();
    },
    onError: form.fail,
  });
  const submit = () => {
    const payload = packagePayload(form.values);
    const parsed = pkg
      ? form.check(packagePatchSchema, { ...payload, version: pkg.version })
      : form.check(packageInputSchema, payload);
    if (parsed) save.mutate(payload);
  };
  return (
    <FormDialog
      {...writeDialogProps(form, save, submit)}
      title={pkg ? 'Edit deal package' : 'New deal package'}
      submitLabel="Save package"
      onClose={onClose}
      size="large"
    >
      <p className="muted small">
        Day 0 is the start day picked when the package is applied (a negative day comes before it);
        Times makes that many on consecutive days.
      </p>
      <div className="form-grid package-form__head">
        <TextField form={form} name="name" label="Name" placeholder="e.g. Launch trio" />
        <TextField form={form} name="publishTime" label="Go-live time" type="time" />
        <TextField form={form} name="usageRightsDays" label="Usage days" inputMode="numeric" />
      </div>
      <div className="section-header package-form__lines">
        <h3 className="field__label">Deliverables</h3>
        <AddButton
          label="Add line"
          disabled={rows.length >= MAX_LINES}
          onClick={() => setRows([...rows, newPackageRow(rows)])}
        />
      </div>
      <ListError message={form.errors['items']} />
      <RowList {...LINES} rows={rows} onChange={setRows} errors={form.errors}>
        {(field) => (
          <>
            <RowTextField label="Title" {...field('title')} className="package-line__title" />
            <RowEnumField label="Platform" {...field('platform')} {...PLATFORM_CHOICES} />
            <RowEnumField label="Format" {...field('format')} {...FORMAT_CHOICES} />
            <RowTextField label="Day" {...field('day')} {...NUMERIC} />
            <RowTextField label="Times" {...field('count')} {...NUMERIC} />
            <RowTextField label="Draft days before" {...field('draftDaysBefore')} {...NUMERIC} />
          </>
        )}
      </RowList>
    </FormDialog>
  );
}
