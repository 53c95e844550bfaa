import './brand-timeline.css';
import { useId } from 'react';
import type { TimelineItem } from '../../../../shared/schemas/timeline';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useBrandTimeline, useDeleteNote } from '../../resources/timeline';
import { todayIn } from '../../time';
import { Link } from '../link';
import { useToast } from '../toast';
import { BrandNoteForm } from './brand-note-form';
import { actorLabel, subjectHref, TIMELINE_TYPE_LABELS } from './timeline-labels';
import { LoadMore } from '../ui/load-more';
import { QueryState } from '../query-state';
import { DangerButton } from '../row-actions';

export interface BrandTimelineProps {
  brandId: string;
  brandName: string;
  canEdit: boolean;
  timeZone: string;
}

/**
 * Everything between the team and a brand, newest first, a page at a time:
 * each entry with when, who, what, and a link to its subject; editors add notes.
 */
export function BrandTimeline({ brandId, brandName, canEdit, timeZone }: BrandTimelineProps) {
  const headingId = useId();
  const timeline = useBrandTimeline(brandId);
  const toast = useToast();
  const remove = useDeleteNote(brandId, {
    onSuccess: () => toast.success('Note removed'),
    onError: (error) => toast.error('Could not remove the note', errorMessage(error)),
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card timeline" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Timeline
      </h2>
      {canEdit && <BrandNoteForm brandId={brandId} today={todayIn(timeZone)} />}
      <QueryState query={timeline} loadingLabel="Loading the timeline…">
        {() =>
          items.length === 0 ? (
            <p className="muted small">Nothing with {brandName} yet.</p>
          ) : (
            <ol className="timeline__list" aria-label={`Timeline of ${brandName}`}>
              {items.map((item) => (
                <TimelineEntry
                  key={item.id}
                  item={item}
                  timeZone={timeZone}
                  onDelete={
                    canEdit && item.type === 'note'
                      ? () => remove.mutate(item.subjectId)
                      : undefined
                  }
                  deleting={remove.isPending}
                />
              ))}
            </ol>
          )
        }
      </QueryState>
      <LoadMore query={timeline} className="timeline__more" label="Load more" />
    </section>
  );
}

interface TimelineEntryProps {
  item: TimelineItem;
  timeZone: string;
  onDelete: (() => void) | undefined;
  deleting: boolean;
}

function TimelineEntry({ item, timeZone, onDelete, deleting }: TimelineEntryProps) {
  const href = subjectHref(item);
  const who = actorLabel(item.actor);
  return (
    <li className={`timeline__item timeline__item--${item.type}`}>
      <time className="timeline__when" dateTime={item.at}>
        {formatInstant(item.at, timeZone)}
      </time>
      <span className="timeline__kind">{TIMELINE_TYPE_LABELS[item.type]}</span>
      <div className="timeline__body">
        <p className="timeline__summary">
          {href ? <Link href={href}>{item.summary}</Link> : item.summary}
        </p>
        {item.detail && item.type !== 'note' && (
          <blockquote className="timeline__detail">{item.detail}</blockquote>
        )}
        {item.type === 'note' && item.detail && item.detail.length > 120 && (
          <p className="timeline__detail">{item.detail}</p>
        )}
        {who && <p className="timeline__who muted small">by {who}</p>}
      </div>
      {onDelete && (
        <DangerButton disabled={deleting} onClick={onDelete}>
          Delete<span className="visually-hidden"> note: {item.summary}</span>
        </DangerButton>
      )}
    </li>
  );
}
