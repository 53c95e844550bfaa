import { PAYMENT_TRIGGERS, type Payer, type PaymentTrigger } from '../../../shared/schemas/billing';
import type { Brand } from '../../../shared/schemas/brand';
import { RowEnumField, RowTextField } from '../forms/row-fields';
import type { FieldErrors } from '../hooks/use-form-errors';
import type { PayerDraft } from '../invoice-draft';
import { PayerFields } from './payer-fields';

export const PAYMENT_TRIGGER_LABELS: Record<PaymentTrigger, string> = {
  invoice_issued: 'the invoice is issued',
  contract_signed: 'the contract is signed',
  draft_approved: 'the brand approves a draft',
  last_published: 'the last post goes live',
};

export interface DealPaymentState {
  /** '' = the workspace's default. */
  terms: string;
  trigger: PaymentTrigger;
  payer: PayerDraft | null;
}

/** Who a brand's invoices go to by default: the brand, with its billing contacts' addresses. */
export function brandPayer(brand: Brand | undefined): Payer | null {
  if (!brand) return null;
  const billing = brand.contacts.filter((c) => c.billing && c.email);
  return {
    name: brand.name,
    emails: billing.map((c) => c.email!),
    address: '',
    taxId: '',
  };
}

export interface DealPaymentFieldsProps {
  state: DealPaymentState;
  onChange: (next: DealPaymentState) => void;
  brand: Brand | undefined;
  defaultTerms: number;
  errors: FieldErrors;
}

/** The deal's payment clock (net N days from a trigger) and who pays it. */
export function DealPaymentFields({
  state,
  onChange,
  brand,
  defaultTerms,
  errors,
}: DealPaymentFieldsProps) {
  return (
    <>
      <RowTextField
        label="Payment terms (days)"
        error={errors['paymentTermsDays']}
        hint={`Left empty: the workspace’s net ${defaultTerms}.`}
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        step={1}
        value={state.terms}
        placeholder={String(defaultTerms)}
        onChange={(terms) => onChange({ ...state, terms })}
      />
      <RowEnumField
        label="Payment clock starts when"
        error={errors['paymentTrigger']}
        hint="The expected pay day is this day plus the terms."
        value={state.trigger}
        options={PAYMENT_TRIGGERS}
        labels={PAYMENT_TRIGGER_LABELS}
        onChange={(trigger) => onChange({ ...state, trigger })}
      />
      <PayerFields
        payer={state.payer}
        onChange={(payer) => onChange({ ...state, payer })}
        inherited={brandPayer(brand)}
        inheritedFrom={brand ? `the brand (${brand.name})` : 'the brand'}
        errors={errors}
      />
    </>
  );
}
