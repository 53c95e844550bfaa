import type { Deal } from '../../../../shared/schemas/deal';
import { PAYMENT_TRIGGER_LABELS } from '../../components/deal-payment-fields';
import { DEAL_SOURCE_LABELS, formatDay, formatMoney, plural } from '../../format';
import { CardSection } from '../../components/lists/card-section';

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
        <div>
          <dt>Fee</dt>
          <dd>{formatMoney(deal.feeCents, deal.currency)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{DEAL_SOURCE_LABELS[deal.source]}</dd>
        </div>
        <div>
          <dt>Contract signed</dt>
          <dd>{formatDay(deal.contractSignedOn)}</dd>
        </div>
        <div>
          <dt>Exclusivity</dt>
          <dd>
            {deal.exclusivityCategory
              ? `${deal.exclusivityCategory}${deal.exclusivityUntil ? ` until ${formatDay(deal.exclusivityUntil)}` : ''}`
              : 'None'}
          </dd>
        </div>
        <div>
          <dt>Usage rights until</dt>
          <dd>{formatDay(deal.usageRightsUntil)}</dd>
        </div>
        <div>
          <dt>Payment</dt>
          <dd>
            {deal.paymentTermsDays === null
              ? 'Workspace terms'
              : deal.paymentTermsDays === 0
                ? 'On receipt'
                : `Net ${deal.paymentTermsDays}`}{' '}
            from when {PAYMENT_TRIGGER_LABELS[deal.paymentTrigger]}
          </dd>
        </div>
        <div>
          <dt>Expected pay day</dt>
          <dd data-testid="deal-expected-pay-on">
            {deal.expectedPayOn ? formatDay(deal.expectedPayOn) : 'When the clock starts'}
          </dd>
        </div>
        <div>
          <dt>Bill to</dt>
          <dd>{deal.payer ? deal.payer.name : `${deal.brandName} (the brand)`}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            {published} of {plural(deliverables, 'deliverable')} published
          </dd>
        </div>
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
