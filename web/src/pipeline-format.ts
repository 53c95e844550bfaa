import { Temporal } from '#temporal';
import type { PitchChannel } from '../../shared/schemas/brand';
import { formatDay } from './format';

export const PITCH_CHANNEL_LABELS: Record<PitchChannel, string> = {
  email: 'E-mail',
  dm: 'DM',
  call: 'Call',
  meeting: 'Meeting',
  other: 'Other',
};

/** The pipeline's "not contacted in N days" view. */
export const NOT_CONTACTED_DAYS = 30;

/** When a brand was last contacted, said as people say it: "today", "12 days ago", "never". */
export function lastContactedLabel(day: string | null, today: string): string {
  if (!day) return 'never';
  let days: number;
  try {
    days = Temporal.PlainDate.from(day).until(Temporal.PlainDate.from(today)).days;
  } catch {
    return day;
  }
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  // A contact logged ahead of time (a call booked for next week): show its day.
  if (days < 0) return formatDay(day);
  return `${days} days ago`;
}
