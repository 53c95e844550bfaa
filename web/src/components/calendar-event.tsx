import type { EventDisplayInfo, EventInput } from '@fullcalendar/react';
import type { CSSProperties } from 'react';
import type { Brand } from '../../../shared/schemas/brand';
import type { Deliverable } from '../../../shared/schemas/deliverable';
import { DELIVERABLE_STATUS_LABELS, PLATFORM_LABELS } from '../format';
import { PlatformBadge, StatusChip } from './badges';

export type EventKind = 'publish' | 'draft';

export interface EventMeta {
  kind: EventKind;
  deliverable: Deliverable;
  brandName: string;
  color: string;
}

const FALLBACK_COLOR = '#64748b';

/** A deliverable as calendar events: its go-live and, when it has one, its draft due date. */
export function eventsOf(d: Deliverable, brand: Brand | undefined): EventInput[] {
  const color = brand?.color ?? FALLBACK_COLOR;
  const base = { deliverable: d, brandName: brand?.name ?? 'Unknown brand', color };
  const events: EventInput[] = [];
  if (d.publishAt) {
    events.push({
      id: `${d.id}:publish`,
      title: d.title,
      start: d.publishAt,
      // The visible box is drawn by eventContent (.sc-ev); FullCalendar uses the colour for list dots.
      color,
      extendedProps: { ...base, kind: 'publish' } satisfies EventMeta,
    });
  }
  if (d.draftDueAt) {
    events.push({
      id: `${d.id}:draft`,
      title: `Draft: ${d.title}`,
      start: d.draftDueAt,
      color,
      extendedProps: { ...base, kind: 'draft' } satisfies EventMeta,
    });
  }
  return events;
}

/** What `eventsOf` attached to an event. */
export function metaOf(event: { extendedProps: Record<string, unknown> }): EventMeta {
  return event.extendedProps as unknown as EventMeta;
}

/**
 * An event's face, as React elements (never HTML strings): platform badge, title, time and
 * status chip, with `data-deliverable-id` and `data-kind` for tests and styling.
 */
export function EventContent({ info }: { info: EventDisplayInfo }) {
  const { kind, deliverable: d, brandName, color } = metaOf(info.event);
  const label = `${kind === 'draft' ? 'Draft due' : 'Go-live'}: ${d.title} — ${brandName}, ${PLATFORM_LABELS[d.platform]}, ${DELIVERABLE_STATUS_LABELS[d.status]}`;
  const common = {
    'data-deliverable-id': d.id,
    'data-kind': kind,
    style: { '--brand': color } as CSSProperties,
    title: label,
  };
  const title = (
    <span className="sc-ev__title">
      {kind === 'draft' && <span className="sc-ev__kind">Draft: </span>}
      {d.title}
    </span>
  );
  // The list view has a row to spare: title, brand, status on one line.
  if (info.view.type.startsWith('list')) {
    return (
      <div className={`sc-ev sc-ev--${kind} sc-ev--${d.status} sc-ev--in-list`} {...common}>
        <span className="sc-ev__time">{info.timeText}</span>
        <PlatformBadge platform={d.platform} />
        {title}
        <span className="sc-ev__brand">{brandName}</span>
        <StatusChip status={d.status} compact />
      </div>
    );
  }
  return (
    <div className={`sc-ev sc-ev--${kind} sc-ev--${d.status}`} {...common}>
      <span className="sc-ev__line">
        <PlatformBadge platform={d.platform} />
        {title}
      </span>
      <span className="sc-ev__meta">
        {info.timeText && <span className="sc-ev__time">{info.timeText}</span>}
        <StatusChip status={d.status} compact />
      </span>
    </div>
  );
}
