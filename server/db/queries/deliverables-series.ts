import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import {
  MAX_OCCURRENCES,
  type Deliverable,
  type deliverableSeriesSchema,
} from '../../../shared/schemas/deliverable';
import { instantSchema } from '../../../shared/schemas/common';
import { invalidField } from '../../errors';
import type { DeliverableCreateInput } from './deliverables';

export type DeliverableSeriesInput = z.output<typeof deliverableSeriesSchema>;

/**
 * What a copy of a deliverable takes from it: the work to do (title, platform,
 * format, caption, brief, assignee), not how far it got (status, disclosure,
 * draft links, live URL, metrics): the copy starts planned. Its draft keeps
 * its distance to the go-live.
 */
export function copyOf(
  source: Deliverable,
  publishAt: string,
  dealId: string,
): DeliverableCreateInput {
  const lead =
    source.draftDueAt && source.publishAt
      ? Date.parse(source.publishAt) - Date.parse(source.draftDueAt)
      : null;
  return {
    dealId,
    title: source.title,
    platform: source.platform,
    format: source.format,
    caption: source.caption,
    brief: source.brief,
    assigneeId: source.assigneeId,
    status: 'planned',
    publishAt,
    draftDueAt: lead === null ? null : new Date(Date.parse(publishAt) - lead).toISOString(),
  };
}

/**
 * The go-lives of a series: the first, then one every `every` days or weeks
 * of wall-clock time in `timeZone` (10:00 stays 10:00 across DST), `count`
 * times or up to and including the day `until`. 400 naming `repeat.until`
 * when that is before the first or makes more than the cap.
 */
export function seriesGoLives(
  first: string,
  repeat: DeliverableSeriesInput['repeat'],
  timeZone: string,
): string[] {
  const start = Temporal.Instant.from(first).toZonedDateTimeISO(timeZone);
  const step = repeat.unit === 'week' ? repeat.every * 7 : repeat.every;
  const at = (k: number) => start.add({ days: k * step });
  if (repeat.count !== undefined) {
    return Array.from({ length: repeat.count }, (_, k) => goLive(at(k)));
  }
  const until = Temporal.PlainDate.from(repeat.until!);
  if (Temporal.PlainDate.compare(start.toPlainDate(), until) > 0) {
    throw invalidField('repeat.until', 'Must not be before the first go-live');
  }
  const goLives: string[] = [];
  for (let k = 0; Temporal.PlainDate.compare(at(k).toPlainDate(), until) <= 0; k++) {
    if (k === MAX_OCCURRENCES) {
      throw invalidField(
        'repeat.until',
        `At most ${MAX_OCCURRENCES} occurrences: choose an earlier last day or a longer step`,
      );
    }
    goLives.push(goLive(at(k)));
  }
  return goLives;
}

/** An occurrence's go-live, refused (400 naming `repeat`) past the moments the API takes. */
function goLive(moment: Temporal.ZonedDateTime): string {
  const instant = moment.toInstant().toString();
  if (!instantSchema.safeParse(instant).success) {
    throw invalidField('repeat', 'The series runs past the last day a go-live can have');
  }
  return instant;
}

/** Each occurrence of a series as a deliverable to create (the draft keeps its distance). */
export function seriesDeliverables(
  input: DeliverableSeriesInput,
  timeZone: string,
): DeliverableCreateInput[] {
  const { repeat: _repeat, timeZone: _zone, ...first } = input;
  const lead = first.draftDueAt ? Date.parse(first.publishAt) - Date.parse(first.draftDueAt) : null;
  return seriesGoLives(first.publishAt, input.repeat, timeZone).map((publishAt) => ({
    ...first,
    publishAt: new Date(publishAt).toISOString(),
    draftDueAt: lead === null ? null : new Date(Date.parse(publishAt) - lead).toISOString(),
  }));
}
