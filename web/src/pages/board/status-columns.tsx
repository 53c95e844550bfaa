import { useState, type DragEvent } from 'react';
import type { Brand } from '../../../../shared/schemas/brand';
import type { DeliverableStatus } from '../../../../shared/schemas/deliverable';
import { BrandDot, PlatformBadge } from '../../components/badges';
import { DELIVERABLE_STATUS_LABELS, DELIVERABLE_STATUS_VALUES, formatInstant } from '../../format';
import type { BoardItem } from '../../resources/bulk';
import { ActionSelect } from '../../components/ui/action-select';
import { STATUS_CHOICES } from './bulk-bar';

const DRAG_TYPE = 'application/x-sponsorcal-deliverable';

export interface StatusColumnsProps {
  items: BoardItem[];
  brands: ReadonlyMap<string, Brand>;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  /** Absent for a viewer: no dragging, no "Move to…". */
  onMove?: (item: BoardItem, status: DeliverableStatus) => void;
  timeZone: string;
}

/**
 * One column per deliverable status. A card is dragged to another column, or
 * moved with its "Move to…" menu (the keyboard's way); both call `onMove`.
 */
export function StatusColumns({
  items,
  brands,
  selected,
  onSelect,
  onMove,
  timeZone,
}: StatusColumnsProps) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [target, setTarget] = useState<DeliverableStatus | null>(null);

  const endDrag = () => {
    setDragged(null);
    setTarget(null);
  };
  const onDrop = (status: DeliverableStatus) => (event: DragEvent) => {
    event.preventDefault();
    const item = items.find((d) => d.id === (event.dataTransfer.getData(DRAG_TYPE) || dragged));
    endDrag();
    if (item && item.status !== status) onMove?.(item, status);
  };

  /** A card's props: its own, and (for editors) how it moves. */
  const cardOf = (item: BoardItem): StatusCardProps => ({
    item,
    brand: brands.get(item.brandId),
    checked: selected.has(item.id),
    onSelect: (on) => onSelect(item.id, on),
    timeZone,
    ...(onMove
      ? {
          onMove: (to: DeliverableStatus) => onMove(item, to),
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.setData(DRAG_TYPE, item.id);
            event.dataTransfer.effectAllowed = 'move';
            setDragged(item.id);
          },
          onDragEnd: endDrag,
        }
      : {}),
  });
  /** Where a dragged card can land (editors only). */
  const dropZone = (status: DeliverableStatus) =>
    onMove
      ? {
          onDragOver: (event: DragEvent) => {
            if (!dragged) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setTarget(status);
          },
          onDragLeave: () => setTarget((t) => (t === status ? null : t)),
          onDrop: onDrop(status),
        }
      : {};

  return (
    <div className="status-board" data-testid="status-board">
      {DELIVERABLE_STATUS_VALUES.map((status) => {
        const cards = items.filter((d) => d.status === status);
        const targeted = target === status ? ' status-column--target' : '';
        return (
          <section
            key={status}
            aria-labelledby={`status-column-${status}`}
            className={`status-column${targeted}`}
            {...dropZone(status)}
          >
            <h2 className="status-column__title">
              <span id={`status-column-${status}`}>{DELIVERABLE_STATUS_LABELS[status]}</span>
              <span className="status-column__count" data-testid="column-count">
                {cards.length}
              </span>
            </h2>
            <ul className="status-column__cards">
              {cards.map((item) => (
                <StatusCard key={item.id} {...cardOf(item)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

interface StatusCardProps {
  item: BoardItem;
  brand: Brand | undefined;
  checked: boolean;
  onSelect: (on: boolean) => void;
  timeZone: string;
  onMove?: (to: DeliverableStatus) => void;
  onDragStart?: (event: DragEvent) => void;
  onDragEnd?: () => void;
}

function StatusCard({
  item,
  brand,
  checked,
  onSelect,
  timeZone,
  onMove,
  onDragStart,
  onDragEnd,
}: StatusCardProps) {
  const when = item.publishAt ?? item.draftDueAt;
  return (
    <li
      className={`status-card${checked ? ' status-card--selected' : ''}`}
      draggable={Boolean(onMove)}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      data-testid="board-card"
      data-id={item.id}
    >
      <label className="status-card__title">
        <input type="checkbox" checked={checked} onChange={(e) => onSelect(e.target.checked)} />
        <span>{item.title}</span>
      </label>
      <p className="status-card__meta small">
        {brand && <BrandDot color={brand.color} />}
        <span>{brand?.name ?? 'Unknown brand'}</span>
        <PlatformBadge platform={item.platform} />
      </p>
      <p className="status-card__when small muted">
        {when
          ? `${item.publishAt ? 'Go-live' : 'Draft due'} ${formatInstant(when, timeZone)}`
          : 'Not scheduled'}
      </p>
      {onMove && (
        <ActionSelect
          className="status-card__move small"
          aria-label={`Move ${item.title} to`}
          prompt="Move to…"
          choices={STATUS_CHOICES.filter((c) => c.value !== item.status)}
          onPick={onMove}
        />
      )}
    </li>
  );
}
