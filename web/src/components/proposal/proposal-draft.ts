import type { PaymentTrigger } from '../../../../shared/schemas/billing';
import type { Deal } from '../../../../shared/schemas/deal';
import type { Deliverable, Format, Platform } from '../../../../shared/schemas/deliverable';
import type { RateCardItem } from '../../../../shared/schemas/kit';
import type { ProposalCreate, ProposalTerms } from '../../../../shared/schemas/proposal';
import type { IssueLike } from '../../hooks/use-form-errors';
import { centsToInput, moneyInputError, parseMoney } from '../../format';
import { addDays, dayOf, todayIn } from '../../time';

/** One item as typed: text fields, parsed when sent. */
export interface ItemDraft {
  key: number;
  description: string;
  quantity: string;
  price: string;
  /** '': none (a fee, not a post). */
  platform: Platform | '';
  format: Format | '';
  publishOn: string;
}

/** The "Send proposal" form as typed. */
export interface ProposalDraft {
  currency: string;
  paymentTermsDays: string;
  paymentTrigger: PaymentTrigger;
  usageRightsUntil: string;
  exclusivityCategory: string;
  exclusivityUntil: string;
  revisionRounds: string;
  note: string;
  expiresOn: string;
}

let nextKey = 1;
export const newItemKey = () => nextKey++;

export const emptyItem = (): ItemDraft => ({
  key: newItemKey(),
  description: '',
  quantity: '1',
  price: '',
  platform: '',
  format: '',
  publishOn: '',
});

/**
 * A first proposal's lines: one per deliverable the deal already plans (from
 * an accepted request, say), under the same title so that accepting dates
 * them rather than doubling them, priced from the rate card where it has the
 * platform and format in the deal's currency; one empty line otherwise.
 */
function itemsFromDeal(
  deliverables: readonly Deliverable[],
  rateCard: readonly RateCardItem[],
  currency: string,
  timeZone: string,
): ItemDraft[] {
  const open = deliverables.filter((d) => d.status !== 'published');
  if (open.length === 0) return [emptyItem()];
  return open.map((d) => {
    const rate = rateCard.find(
      (r) => r.platform === d.platform && r.format === d.format && r.currency === currency,
    );
    return {
      key: newItemKey(),
      description: d.title,
      quantity: '1',
      price: rate ? centsToInput(rate.priceCents, currency) : '',
      platform: d.platform,
      format: d.format,
      publishOn: d.publishAt ? dayOf(d.publishAt, timeZone) : '',
    };
  });
}

/**
 * A new proposal starts from the deal's terms and planned deliverables (or
 * the last proposal's terms, for a revision).
 */
export function initialDraft(
  deal: Deal,
  timeZone: string,
  previous: ProposalTerms | null,
  planned: { deliverables: readonly Deliverable[]; rateCard: readonly RateCardItem[] } = {
    deliverables: [],
    rateCard: [],
  },
): { draft: ProposalDraft; items: ItemDraft[] } {
  const currency = previous?.currency ?? deal.currency;
  return {
    draft: {
      currency,
      paymentTermsDays: String(previous?.paymentTermsDays ?? deal.paymentTermsDays ?? 30),
      paymentTrigger: previous?.paymentTrigger ?? deal.paymentTrigger,
      usageRightsUntil: previous?.usageRightsUntil ?? deal.usageRightsUntil ?? '',
      exclusivityCategory: previous?.exclusivityCategory ?? deal.exclusivityCategory ?? '',
      exclusivityUntil: previous?.exclusivityUntil ?? deal.exclusivityUntil ?? '',
      revisionRounds: previous?.revisionRounds == null ? '' : String(previous.revisionRounds),
      note: previous?.note ?? '',
      expiresOn: addDays(todayIn(timeZone), 14),
    },
    items: previous
      ? previous.items.map((item) => ({
          key: newItemKey(),
          description: item.description,
          quantity: String(item.quantity),
          price: centsToInput(item.unitCents, currency),
          platform: item.platform ?? '',
          format: item.format ?? '',
          publishOn: item.publishOn ?? '',
        }))
      : itemsFromDeal(planned.deliverables, planned.rateCard, currency, timeZone),
  };
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The body to send, and the issues only the form can see (an amount that did not parse). */
export function toProposalInput(
  draft: ProposalDraft,
  items: ItemDraft[],
): { input: ProposalCreate; issues: IssueLike[] } {
  const issues: IssueLike[] = [];
  const currency = draft.currency.trim().toUpperCase();
  const input: ProposalCreate = {
    items: items.map((item, index) => {
      const unitCents = parseMoney(item.price, currency);
      if (unitCents === undefined || item.price.trim() === '') {
        issues.push({
          path: `items.${index}.unitCents`,
          message: item.price.trim() === '' ? 'Required' : moneyInputError(item.price, currency),
        });
      }
      return {
        description: item.description.trim(),
        quantity: wholeNumber(item.quantity),
        unitCents: unitCents ?? 0,
        ...(item.platform ? { platform: item.platform } : {}),
        ...(item.format ? { format: item.format } : {}),
        ...(item.publishOn ? { publishOn: item.publishOn } : {}),
      };
    }),
    currency,
    paymentTermsDays: wholeNumber(draft.paymentTermsDays),
    paymentTrigger: draft.paymentTrigger,
    ...(draft.usageRightsUntil ? { usageRightsUntil: draft.usageRightsUntil } : {}),
    ...(draft.exclusivityCategory.trim()
      ? { exclusivityCategory: draft.exclusivityCategory.trim() }
      : {}),
    ...(draft.exclusivityUntil ? { exclusivityUntil: draft.exclusivityUntil } : {}),
    ...(draft.revisionRounds.trim() ? { revisionRounds: wholeNumber(draft.revisionRounds) } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    expiresOn: draft.expiresOn,
  };
  return { input, issues };
}

/** What the typed items add up to, in minor units (unparsable prices count as nothing). */
export function draftTotal(items: ItemDraft[], currency: string): number {
  return items.reduce((sum, item) => {
    const cents = parseMoney(item.price, currency) ?? 0;
    const quantity = wholeNumber(item.quantity);
    return sum + (Number.isFinite(quantity) ? quantity * cents : 0);
  }, 0);
}
