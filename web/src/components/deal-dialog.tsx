import {
  DEAL_SOURCES,
  DEAL_STATUSES,
  dealCreateSchema,
  dealPatchSchema,
  type Deal,
} from '../../../shared/schemas/deal';
import type { Brand } from '../../../shared/schemas/brand';
import { DEAL_SOURCE_LABELS, DEAL_STATUS_LABELS, moneyInputError } from '../format';
import { COMMON_CURRENCIES } from '../currencies';
import { EnumField, TextAreaField, TextField } from '../forms/fields';
import { FormDialog } from '../forms/form-dialog';
import { OptionalEnumSelect } from '../forms/optional-enum-select';
import { useSchemaForm } from '../forms/use-schema-form';
import { useBrands } from '../resources/brands';
import { useSaveDeal } from '../resources/deals';
import { useSettings } from '../resources/settings';
import { Spinner } from './badges';
import { AddBrandFirst } from './add-brand-first';
import { DealPaymentFields } from './deal-payment-fields';
import { dealFormState, dealPayload } from './deal/deal-form-state';
import { DealPackageSection, useDealPackage } from './deal/package-picker';
import { Dialog } from './dialog';
import { Field } from './field';
import { useToast } from './toast';
import { writeDialogProps } from '../forms/write-dialog';

export { COMMON_CURRENCIES };

export interface DealDialogProps {
  deal: Deal | null;
  defaultBrandId?: string;
  onClose: () => void;
  onSaved?: (deal: Deal, created: boolean) => void;
}

export function DealDialog(props: DealDialogProps) {
  const brands = useBrands();
  const settings = useSettings();
  const title = props.deal ? 'Edit deal' : 'New deal';
  if (brands.isPending || settings.isPending) {
    return (
      <Dialog title={title} onClose={props.onClose}>
        <Spinner />
      </Dialog>
    );
  }
  if ((brands.data ?? []).length === 0) {
    return <AddBrandFirst title={title} onClose={props.onClose} />;
  }
  return (
    <DealForm
      {...props}
      title={title}
      brands={brands.data ?? []}
      defaultCurrency={settings.data?.currency ?? 'USD'}
      defaultTerms={settings.data?.defaultPaymentTermsDays ?? 30}
    />
  );
}

interface DealFormProps extends DealDialogProps {
  title: string;
  brands: Brand[];
  defaultCurrency: string;
  defaultTerms: number;
}

function DealForm({
  deal,
  defaultBrandId,
  onClose,
  onSaved,
  title,
  brands,
  defaultCurrency,
  defaultTerms,
}: DealFormProps) {
  const toast = useToast();
  const form = useSchemaForm(() =>
    dealFormState(
      deal,
      defaultBrandId ?? (brands.length === 1 ? brands[0]!.id : ''),
      defaultCurrency,
    ),
  );
  const { values } = form;
  const dealPackage = useDealPackage();

  const save = useSaveDeal(deal, {
    onSuccess: (saved) => {
      toast.success(deal ? 'Deal saved' : 'Deal created');
      if (!deal) dealPackage.applyTo(saved.id);
      onSaved?.(saved, !deal);
      onClose();
    },
    onError: form.fail,
  });

  const submit = () => {
    const { payload, feeCents, currency } = dealPayload(values);
    const feeIssues =
      feeCents === undefined
        ? [{ path: 'feeCents', message: moneyInputError(values.fee, currency) }]
        : [];
    const parsed = deal
      ? form.check(dealPatchSchema, { ...payload, version: deal.version }, feeIssues)
      : form.check(dealCreateSchema, payload, [...feeIssues, ...dealPackage.issues()]);
    if (parsed) save.mutate(payload);
  };

  return (
    <FormDialog
      {...writeDialogProps(form, save, submit)}
      title={title}
      onClose={onClose}
      size="large"
      submitLabel="Save deal"
    >
      <div className="form-grid">
        <Field label="Brand" error={form.errors['brandId']}>
          {(p) => (
            <OptionalEnumSelect
              {...p}
              value={values.brandId || null}
              options={brands.map((b) => b.id)}
              labels={Object.fromEntries(brands.map((b) => [b.id, b.name]))}
              noneLabel="Choose a brand…"
              onChange={(brandId) => form.set('brandId', brandId ?? '')}
            />
          )}
        </Field>
        <EnumField
          form={form}
          name="status"
          label="Status"
          options={DEAL_STATUSES}
          labels={DEAL_STATUS_LABELS}
        />
        <TextField
          form={form}
          name="title"
          label="Deal title"
          className="span-2"
          placeholder="e.g. Spring launch campaign"
          autoFocus={!deal}
          maxLength={200}
        />
        <TextField
          form={form}
          name="fee"
          errorPath="feeCents"
          label="Fee"
          hint="The total you are paid for this deal"
          inputMode="decimal"
          placeholder="0.00"
        />
        <EnumField
          form={form}
          name="currency"
          label="Currency"
          options={[...new Set([values.currency, ...COMMON_CURRENCIES])]}
        />
        <EnumField
          form={form}
          name="source"
          label="Source"
          options={DEAL_SOURCES}
          labels={DEAL_SOURCE_LABELS}
        />
        <TextField form={form} name="contractSignedOn" label="Contract signed" type="date" />
        <TextField
          form={form}
          name="exclusivityCategory"
          label="Exclusivity category"
          hint="e.g. skincare — no competing deals"
        />
        <TextField form={form} name="exclusivityUntil" label="Exclusive until" type="date" />
        <TextField form={form} name="usageRightsUntil" label="Usage rights until" type="date" />
        <DealPaymentFields
          state={values.payment}
          onChange={(payment) => form.set('payment', payment)}
          brand={brands.find((b) => b.id === values.brandId)}
          defaultTerms={defaultTerms}
          errors={form.errors}
        />
        <TextAreaField form={form} name="notes" label="Notes" className="span-2" rows={3} />
        {!deal && <DealPackageSection state={dealPackage} errors={form.errors} />}
      </div>
    </FormDialog>
  );
}
