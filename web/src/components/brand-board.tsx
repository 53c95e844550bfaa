import './brand-board.css';
import { useState, type DragEvent } from 'react';
import {
  BRAND_STAGES,
  type Brand,
  type BrandDealValue,
  type BrandStage,
} from '../../../shared/schemas/brand';
import { errorMessage, isApiError } from '../api';
import { BRAND_STAGE_LABELS, formatMoney } from '../format';
import { useBrandDealValues, useMoveBrand } from '../resources/brands';
import { FollowUpFacts } from './follow-up-day';
import { useToast } from './toast';

export interface BrandBoardProps {
  brands: Brand[];
  /** The query the brands came from: a move is shown there at once and undone on failure. */
  queryKey: readonly unknown[];
  canEdit: boolean;
  /** Today in the user's zone, `YYYY-MM-DD`. */
  today: string;
  onOpen: (brand: Brand) => void;
}

const DRAG_TYPE = 'application/x-sponsorcal-brand';

/**
 * The pipeline as five columns. Editors drag a card to another column (or use
 * its "Move to" menu); the card moves at once and goes back, with a toast, if
 * the server refuses (someone else changed the brand: 409).
 */
export function BrandBoard({ brands, queryKey, canEdit, today, onOpen }: BrandBoardProps) {
  const toast = useToast();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<BrandStage | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const dealValues = useBrandDealValues().data;

  const move = useMoveBrand(queryKey, {
    onMutate: ({ brand }) => {
      setPending((p) => new Set(p).add(brand.id));
    },
    onError: (error, { brand, to }) => {
      toast.error(
        `Could not move ${brand.name} to ${BRAND_STAGE_LABELS[to]}`,
        isApiError(error, 409)
          ? 'Someone changed this brand since the board loaded. The board now shows the latest; try again.'
          : errorMessage(error),
      );
    },
    onSettled: (_data, _error, { brand }) => {
      setPending((p) => {
        const next = new Set(p);
        next.delete(brand.id);
        return next;
      });
    },
  });

  const moveTo = (brand: Brand, to: BrandStage) => {
    if (brand.stage === to || pending.has(brand.id)) return;
    move.mutate({ brand, to });
  };

  const dragOver = (stage: BrandStage) => (event: DragEvent) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over !== stage) setOver(stage);
  };

  const drop = (stage: BrandStage) => (event: DragEvent) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    setOver(null);
    const brand = brands.find((b) => b.id === id);
    if (brand) moveTo(brand, stage);
  };

  return (
    <div className="board" aria-label="Pipeline board">
      {BRAND_STAGES.map((stage) => {
        const cards = brands.filter((b) => b.stage === stage);
        const headingId = `board-column-${stage}`;
        return (
          <section
            key={stage}
            className={`board-column board-column--${stage}${over === stage ? ' board-column--over' : ''}`}
            aria-labelledby={headingId}
            data-stage={stage}
            onDragOver={canEdit ? dragOver(stage) : undefined}
            onDragLeave={() => over === stage && setOver(null)}
            onDrop={canEdit ? drop(stage) : undefined}
          >
            <header className="board-column__header">
              <h2 id={headingId} className="board-column__title">
                {BRAND_STAGE_LABELS[stage]}
              </h2>
              <span className="board-column__count" data-testid="column-count">
                {cards.length}
              </span>
            </header>
            {cards.length === 0 ? (
              <p className="board-column__empty muted small">
                {canEdit ? 'Drop a brand here' : 'No brands'}
              </p>
            ) : (
              <ul className="board-column__cards">
                {cards.map((brand) => (
                  <BoardCard
                    key={brand.id}
                    brand={brand}
                    today={today}
                    openValues={dealValues ? (dealValues.get(brand.id) ?? []) : undefined}
                    canEdit={canEdit}
                    busy={pending.has(brand.id)}
                    dragging={dragging === brand.id}
                    onOpen={() => onOpen(brand)}
                    onMove={(to) => moveTo(brand, to)}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(DRAG_TYPE, brand.id);
                      event.dataTransfer.setData('text/plain', brand.name);
                      event.dataTransfer.effectAllowed = 'move';
                      setDragging(brand.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The open deals' value, each currency on its own ("$1,250.00 · €300.00"); "None" without any. */
function openDealsLabel(values: BrandDealValue[] | undefined): string {
  if (values === undefined) return '…';
  if (values.length === 0) return 'None';
  return values.map((v) => formatMoney(v.openCents, v.currency)).join(' · ');
}

interface BoardCardProps {
  brand: Brand;
  today: string;
  /** The fees of its open deals, one per currency (undefined while loading). */
  openValues: BrandDealValue[] | undefined;
  canEdit: boolean;
  busy: boolean;
  dragging: boolean;
  onOpen: () => void;
  onMove: (to: BrandStage) => void;
  onDragStart: (event: DragEvent) => void;
  onDragEnd: () => void;
}

function BoardCard({
  brand,
  today,
  openValues,
  canEdit,
  busy,
  dragging,
  onOpen,
  onMove,
  onDragStart,
  onDragEnd,
}: BoardCardProps) {
  const draggable = canEdit && !busy;
  return (
    <li
      className={`board-card${dragging ? ' board-card--dragging' : ''}${busy ? ' board-card--busy' : ''}`}
      style={{ borderLeftColor: brand.color }}
      draggable={draggable}
      onDragStart={draggable ? onDragStart : undefined}
      onDragEnd={onDragEnd}
      aria-label={brand.name}
      data-brand-id={brand.id}
    >
      {canEdit ? (
        <button type="button" className="board-card__name" onClick={onOpen}>
          {brand.name}
        </button>
      ) : (
        <span className="board-card__name">{brand.name}</span>
      )}
      <p className="board-card__category muted small">{brand.category ?? 'No category'}</p>
      <dl className="board-card__facts small">
        <div>
          <dt>Open deals</dt>
          <dd data-testid="open-deals-value">{openDealsLabel(openValues)}</dd>
        </div>
        <FollowUpFacts brand={brand} today={today} followUpLabel="Follow-up" />
      </dl>
      {canEdit && (
        <label className="board-card__move small">
          <span className="visually-hidden">Move {brand.name} to</span>
          <select
            value=""
            disabled={busy}
            onChange={(e) => {
              const to = BRAND_STAGES.find((stage) => stage === e.target.value);
              if (to) onMove(to);
            }}
          >
            <option value="">Move to…</option>
            {BRAND_STAGES.filter((s) => s !== brand.stage).map((s) => (
              <option key={s} value={s}>
                {BRAND_STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}
