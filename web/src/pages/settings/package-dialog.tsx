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
import { useSavePackage } from '../../resources/packages';
import { AddButton, ListError } from '../kit/kit-section';
import { newPackageRow, packageFormState, packagePayload } from './package-form-state';

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
      title={pkg ? 'Edit deal package' : 'New deal package'}
      description="Day 0 is the start day picked when the package is applied (a negative day comes before it); Times makes that many on consecutive days."
      onClose={onClose}
      size="large"
      submitLabel="Save package"
      busy={save.isPending}
      formError={form.formError}
      onSubmit={submit}
    >
      <div className="form-grid package-form__head">
        <TextField form={form} name="name" label="Name" placeholder="e.g. Launch trio" />
        <TextField form={form} name="publishTime" label="Go-live time" type="time" />
        <TextField
          form={form}
          name="usageRightsDays"
          label="Usage rights (days)"
          hint="From the last go-live; blank leaves the deal's as it is"
          inputMode="numeric"
        />
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
      <RowList
        rows={rows}
        onChange={setRows}
        noun="line"
        path="items"
        errors={form.errors}
        empty={<p className="muted small">Add the deliverables this package plans.</p>}
        className="package-lines"
        rowClassName="package-line"
      >
        {(field) => (
          <>
            <RowTextField label="Title" {...field('title')} className="package-line__title" />
            <RowEnumField
              label="Platform"
              {...field('platform')}
              options={PLATFORM_VALUES}
              labels={PLATFORM_LABELS}
            />
            <RowEnumField
              label="Format"
              {...field('format')}
              options={FORMATS}
              labels={FORMAT_LABELS}
            />
            <RowTextField label="Day" {...field('day')} inputMode="numeric" />
            <RowTextField label="Times" {...field('count')} inputMode="numeric" />
            <RowTextField
              label="Draft days before"
              {...field('draftDaysBefore')}
              inputMode="numeric"
            />
          </>
        )}
      </RowList>
    </FormDialog>
  );
}
