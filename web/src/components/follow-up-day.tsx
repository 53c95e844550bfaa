import { formatDay } from '../format';

/** A brand's next follow-up day as a `<dd>`, marked "due" once it has come. */
export function FollowUpDay({ day, today }: { day: string | null; today: string }) {
  const due = day !== null && day <= today;
  return (
    <dd className={due ? 'due' : undefined}>
      {day ? formatDay(day) : '—'}
      {due && <span className="due__tag">due</span>}
    </dd>
  );
}
