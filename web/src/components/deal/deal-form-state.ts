import type { Deal, DealCreate, DealSource, DealStatus } from '../../../../shared/schemas/deal';
import { centsToInput, parseMoney } from '../../format';
import { textInputs } from '../../forms/text-inputs';
import { draftToPayer, payerToDraft } from '../../invoice-draft';
import type { DealPaymentState } from '../deal-payment-fields';

/** The deal form's values: the fee as typed, dates as `YYYY-MM-DD` or ''. */
export interface DealFormState {
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

/** The deal's values, or a new deal's: the given brand (or the only one), the workspace currency. */
export function dealFormState(
  deal: Deal | null,
  brandId: string,
  defaultCurrency: string,
): DealFormState {
  return {
    brandId: deal?.brandId ?? brandId,
    ...textInputs(deal, [
      'title',
      'contractSignedOn',
      'exclusivityCategory',
      'exclusivityUntil',
      'usageRightsUntil',
      'notes',
    ]),
    status: deal?.status ?? 'pitched',
    fee: deal ? centsToInput(deal.feeCents, deal.currency) : '',
    currency: deal?.currency ?? defaultCurrency,
    source: deal?.source ?? 'direct',
    payment: {
      terms: deal?.paymentTermsDays == null ? '' : String(deal.paymentTermsDays),
      trigger: deal?.paymentTrigger ?? 'invoice_issued',
      payer: deal?.payer ? payerToDraft(deal.payer) : null,
    },
  };
}

/** Whole days as typed, blank as null (the workspace's terms), anything else NaN for zod. */
function termsDays(text: string): number | null {
  const terms = text.trim();
  if (!terms) return null;
  return /^\d+$/.test(terms) ? Number(terms) : Number.NaN;
}

/**
 * The form as a request body and the fee in cents: undefined when the fee did not parse
 * (the body then carries -1, which the caller reports under the fee instead).
 */
export function dealPayload(state: DealFormState): {
  payload: DealCreate;
  feeCents: number | undefined;
  currency: string;
} {
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
    paymentTermsDays: termsDays(state.payment.terms),
    paymentTrigger: state.payment.trigger,
    payer: state.payment.payer ? draftToPayer(state.payment.payer) : null,
  };
  return { payload, feeCents, currency };
}
