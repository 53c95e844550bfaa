import type { Brand } from '../../../shared/schemas/brand';
import { formatDay } from '../format';
import { lastContactedLabel } from '../pipeline-format';
import { DescriptionItem } from './ui/description-item';

/** A brand's next follow-up day as a `<dd>`, marked "due" once it has come. */
function FollowUpDay({ day, today }: { day: string | null; today: string }) {
  const due = day !== null && day <= today;
  return (
    <dd className={due ? 'due' : undefined}>
      {day ? formatDay(day) : '—'}
      {due && <span className="due__tag">due</span>}
    </dd>
  );
}

/**
 * A brand's two pipeline facts, for a `<dl>`: the next follow-up (under `followUpLabel`) and
 * when it was last contacted.
 */
export function FollowUpFacts({
  brand,
  today,
  followUpLabel,
}: {
  brand: Brand;
  today: string;
  followUpLabel: string;
}) {
  return (
    <>
      <div>
        <dt>{followUpLabel}</dt>
        <FollowUpDay day={brand.nextFollowUpOn} today={today} />
      </div>
      <DescriptionItem term="Last contacted">
        {lastContactedLabel(brand.lastContactedOn, today)}
      </DescriptionItem>
    </>
  );
}
