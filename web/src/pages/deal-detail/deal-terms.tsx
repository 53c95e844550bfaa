import type { Deal } from '../../../../shared/schemas/deal';
import { PAYMENT_TRIGGER_LABELS } from '../../components/deal-payment-fields';
import { DEAL_SOURCE_LABELS, formatDay, formatMoney, plural } from '../../format';
import { CardSection } from '../../components/lists/card-section';
import { DescriptionItem } from '../../components/ui/description-item';

export interface DealTermsProps {
  deal: Deal;
  /** How many of its deliverables are published, of how many. */
  published: number;
  deliverables: number;
}

/** The deal's terms: fee, source, contract, exclusivity, rights, payment, progress, notes. */
export function DealTerms({ deal, published, deliverables }: DealTermsProps) {
  return (
    <CardSection title="Terms">
      <dl className="facts">
        <DescriptionItem term="Fee">{formatMoney(deal.feeCents, deal.currency)}</DescriptionItem>
        <DescriptionItem term="Source">{DEAL_SOURCE_LABELS[deal.source]}</DescriptionItem>
        <DescriptionItem term="Contract signed">{formatDay(deal.contractSignedOn)}</DescriptionItem>
        <DescriptionItem term="Exclusivity">
          {deal.exclusivityCategory
            ? `${deal.exclusivityCategory}${deal.exclusivityUntil ? ` until ${formatDay(deal.exclusivityUntil)}` : ''}`
            : 'None'}
        </DescriptionItem>
        <DescriptionItem term="Usage rights until">
          {formatDay(deal.usageRightsUntil)}
        </DescriptionItem>
        <DescriptionItem term="Payment">
          {deal.paymentTermsDays === null
            ? 'Workspace terms'
            : deal.paymentTermsDays === 0
              ? 'On receipt'
              : `Net ${deal.paymentTermsDays}`}{' '}
          from when {PAYMENT_TRIGGER_LABELS[deal.paymentTrigger]}
        </DescriptionItem>
        <div>
          <dt>Expected pay day</dt>
          <dd data-testid="deal-expected-pay-on">
            {deal.expectedPayOn ? formatDay(deal.expectedPayOn) : 'When the clock starts'}
          </dd>
        </div>
        <DescriptionItem term="Bill to">
          {deal.payer ? deal.payer.name : `${deal.brandName} (the brand)`}
        </DescriptionItem>
        <DescriptionItem term="Progress">
          {published} of {plural(deliverables, 'deliverable')} published
        </DescriptionItem>
      </dl>
      {deal.notes && (
        <>
          <h3 className="subsection-title">Notes</h3>
          <p className="prewrap">{deal.notes}</p>
        </>
      )}
    </CardSection>
  );
}
