import { useId, useState, type FormEvent } from 'react';
import {
  DEAL_SOURCES,
  DEAL_STATUSES,
  dealCreateSchema,
  dealPatchSchema,
  type Deal,
  type DealCreate,
  type DealSource,
  type DealStatus,
} from '../../../shared/schemas/deal';
import type { Brand } from '../../../shared/schemas/brand';
import {
  DEAL_SOURCE_LABELS,
  DEAL_STATUS_LABELS,
  centsToInput,
  moneyInputError,
  parseMoney,
} from '../format';
import { COMMON_CURRENCIES } from '../currencies';
import { useBrands } from '../resources/brands';
import { useSaveDeal } from '../resources/deals';
import { useSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { draftToPayer, payerToDraft } from '../invoice-draft';
import { Spinner } from './badges';
import { AddBrandFirst } from './add-brand-first';
import { Dialog } from './dialog';
import { DealPaymentFields, type DealPaymentState } from './deal-payment-fields';
import { Field, FormBanner } from './field';
import { useToast } from './toast';

export { COMMON_CURRENCIES };

interface FormState {
  brandId: string;
  title: string;
  status: DealStatus;
  fee: string;
  currency: string;
  source: DealSource;
  contractSignedOn: string;
  exclusivityCategory: string;
  exclusivityUntil: string;
  usageRightsUntil: string;
  notes: string;
  payment: DealPaymentState;
}

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

function DealForm({
  deal,
  defaultBrandId,
  onClose,
  onSaved,
  title,
  brands,
  defaultCurrency,
  defaultTerms,
}: DealDialogProps & {
  title: string;
  brands: Brand[];
  defaultCurrency: string;
  defaultTerms: number;
}) {
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [state, setState] = useState<FormState>(() => ({
    brandId: deal?.brandId ?? defaultBrandId ?? (brands.length === 1 ? brands[0]!.id : ''),
    title: deal?.title ?? '',
    status: deal?.status ?? 'pitched',
    fee: deal ? centsToInput(deal.feeCents, deal.currency) : '',
    currency: deal?.currency ?? defaultCurrency,
    source: deal?.source ?? 'direct',
    contractSignedOn: deal?.contractSignedOn ?? '',
    exclusivityCategory: deal?.exclusivityCategory ?? '',
    exclusivityUntil: deal?.exclusivityUntil ?? '',
    usageRightsUntil: deal?.usageRightsUntil ?? '',
    notes: deal?.notes ?? '',
    payment: {
      terms: deal?.paymentTermsDays == null ? '' : String(deal.paymentTermsDays),
      trigger: deal?.paymentTrigger ?? 'invoice_issued',
      payer: deal?.payer ? payerToDraft(deal.payer) : null,
    },
  }));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));

  const save = useSaveDeal(deal, {
    onSuccess: (saved) => {
      toast.success(deal ? 'Deal saved' : 'Deal created');
      onSaved?.(saved, !deal);
      onClose();
    },
    onError: fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const currency = state.currency.trim().toUpperCase();
    const feeCents = parseMoney(state.fee, currency);
    const payload: DealCreate = {
      brandId: state.brandId,
      title: state.title,
      status: state.status,
      feeCents: feeCents ?? -1,
      currency,
      source: state.source,
      contractSignedOn: state.contractSignedOn || null,
      exclusivityCategory: state.exclusivityCategory.trim() || null,
      exclusivityUntil: state.exclusivityUntil || null,
      usageRightsUntil: state.usageRightsUntil || null,
      notes: state.notes,
      paymentTermsDays: state.payment.terms.trim()
        ? /^\d+$/.test(state.payment.terms.trim())
          ? Number(state.payment.terms.trim())
          : Number.NaN
        : null,
      paymentTrigger: state.payment.trigger,
      payer: state.payment.payer ? draftToPayer(state.payment.payer) : null,
    };
    const parsed = deal
      ? dealPatchSchema.safeParse({ ...payload, version: deal.version })
      : dealCreateSchema.safeParse(payload);
    if (feeCents === undefined || !parsed.success) {
      const issues = parsed.success
        ? []
        : parsed.error.issues.filter((i) => i.path[0] !== 'feeCents');
      fromZod([
        ...issues,
        ...(feeCents === undefined
          ? [{ path: 'feeCents', message: moneyInputError(state.fee, currency) }]
          : []),
      ]);
      return;
    }
    save.mutate(payload);
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save deal'}
          </button>
        </>
      }
    >
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label="Brand" error={errors['brandId']}>
            {(p) => (
              <select {...p} value={state.brandId} onChange={(e) => set('brandId', e.target.value)}>
                <option value="">Choose a brand…</option>
                {brands.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status" error={errors['status']}>
            {(p) => (
              <select
                {...p}
                value={state.status}
                onChange={(e) => set('status', e.target.value as DealStatus)}
              >
                {DEAL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {DEAL_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Deal title" error={errors['title']} className="span-2">
            {(p) => (
              <input
                {...p}
                type="text"
                value={state.title}
                onChange={(e) => set('title', e.target.value)}
                placeholder="e.g. Spring launch campaign"
                autoFocus={!deal}
                maxLength={200}
              />
            )}
          </Field>
          <Field label="Fee" error={errors['feeCents']} hint="The total you are paid for this deal">
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={state.fee}
                onChange={(e) => set('fee', e.target.value)}
                placeholder="0.00"
              />
            )}
          </Field>
          <Field label="Currency" error={errors['currency']}>
            {(p) => (
              <select
                {...p}
                value={state.currency}
                onChange={(e) => set('currency', e.target.value)}
              >
                {[...new Set([state.currency, ...COMMON_CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Source" error={errors['source']}>
            {(p) => (
              <select
                {...p}
                value={state.source}
                onChange={(e) => set('source', e.target.value as DealSource)}
              >
                {DEAL_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {DEAL_SOURCE_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Contract signed" error={errors['contractSignedOn']}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={state.contractSignedOn}
                onChange={(e) => set('contractSignedOn', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Exclusivity category"
            error={errors['exclusivityCategory']}
            hint="e.g. skincare — no competing deals"
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={state.exclusivityCategory}
                onChange={(e) => set('exclusivityCategory', e.target.value)}
              />
            )}
          </Field>
          <Field label="Exclusive until" error={errors['exclusivityUntil']}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={state.exclusivityUntil}
                onChange={(e) => set('exclusivityUntil', e.target.value)}
              />
            )}
          </Field>
          <Field label="Usage rights until" error={errors['usageRightsUntil']}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={state.usageRightsUntil}
                onChange={(e) => set('usageRightsUntil', e.target.value)}
              />
            )}
          </Field>
          <DealPaymentFields
            state={state.payment}
            onChange={(payment) => set('payment', payment)}
            brand={brands.find((b) => b.id === state.brandId)}
            defaultTerms={defaultTerms}
            errors={errors}
          />
          <Field label="Notes" error={errors['notes']} className="span-2">
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={state.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
