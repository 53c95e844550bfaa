import { proposalItemWords, proposalTermLines } from '../../../../shared/proposal-terms';
import type { ProposalTerms } from '../../../../shared/schemas/proposal';
import { formatMoney, FORMAT_LABELS, PLATFORM_LABELS } from '../../format';
import { ReviewSection } from '../review/review-layout';
import { DescriptionItem } from '../../components/ui/description-item';

/** Exactly the terms the brand accepts: the items with their prices, then the conditions. */
export function ProposalTermsView({ terms }: { terms: ProposalTerms }) {
  return (
    <>
      <ReviewSection id="proposal-items" title="What is included">
        <ul className="proposal__items">
          {terms.items.map((item, index) => (
            <li key={index} className="proposal__item">
              <span>
                {proposalItemWords(item)}
                {item.platform && (
                  <span className="muted small proposal__where">
                    {PLATFORM_LABELS[item.platform]}
                    {item.format ? ` · ${FORMAT_LABELS[item.format]}` : ''}
                    {item.quantity > 1
                      ? ` · ${formatMoney(item.unitCents, terms.currency)} each`
                      : ''}
                  </span>
                )}
              </span>
              <strong className="proposal__amount">
                {formatMoney(item.quantity * item.unitCents, terms.currency)}
              </strong>
            </li>
          ))}
        </ul>
      </ReviewSection>
      <dl className="review__facts" data-testid="proposal-terms">
        {proposalTermLines(terms).map(([label, words]) => (
          <DescriptionItem key={label} term={label}>
            {words}
          </DescriptionItem>
        ))}
      </dl>
      {terms.note && (
        <ReviewSection id="proposal-note" title="Note">
          <p className="review__text">{terms.note}</p>
        </ReviewSection>
      )}
    </>
  );
}
