import { formatMoney } from './currency';
import { formatDay } from './days';
import type { PaymentTrigger } from './schemas/billing';
import type { ProposalTerms } from './schemas/proposal';

const TRIGGER_WORDS: Record<PaymentTrigger, string> = {
  invoice_issued: 'the invoice is issued',
  contract_signed: 'the proposal is accepted',
  draft_approved: 'the brand approves a draft',
  last_published: 'the last post goes live',
};

/**
 * The terms besides the items, as label and words: the same lines on the
 * brand's page and in the PDF, so both say exactly the same thing.
 */
export function proposalTermLines(terms: ProposalTerms): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['Total', formatMoney(terms.totalCents, terms.currency)],
    [
      'Payment',
      `Net ${terms.paymentTermsDays} days from when ${TRIGGER_WORDS[terms.paymentTrigger]}`,
    ],
    [
      'Usage rights',
      terms.usageRightsUntil
        ? `Until ${formatDay(terms.usageRightsUntil)}`
        : 'None beyond the posts themselves',
    ],
    [
      'Exclusivity',
      terms.exclusivityCategory
        ? `${terms.exclusivityCategory}${terms.exclusivityUntil ? ` until ${formatDay(terms.exclusivityUntil)}` : ''}`
        : 'None',
    ],
  ];
  if (terms.revisionRounds !== null) {
    lines.push([
      'Revisions',
      `${terms.revisionRounds} round${terms.revisionRounds === 1 ? '' : 's'} of changes`,
    ]);
  }
  return lines;
}

/** One item as a line of words: `2 × TikTok video · Mar 10, 2026`. */
export function proposalItemWords(item: ProposalTerms['items'][number]): string {
  const when = item.publishOn ? ` · goes live ${formatDay(item.publishOn)}` : '';
  return `${item.quantity} × ${item.description}${when}`;
}
