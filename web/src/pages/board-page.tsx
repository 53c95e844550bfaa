import './board-page.css';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Platform } from '../../../shared/schemas/deliverable';
import { BrandDot, PlatformBadge } from '../components/badges';
import { ConfirmDialog } from '../components/dialog';
import { FilterMenu } from '../components/filter-menu';
import { QueryState } from '../components/query-state';
import { EmptyInline } from '../components/ui/empty-inline';
import { PageHeader } from '../components/ui/page-header';
import { formatDay, PLATFORM_LABELS, PLATFORM_VALUES, plural } from '../format';
import { useBrands } from '../resources/brands';
import { useBoard, type BoardItem, type BoardQuery } from '../resources/bulk';
import { useTeam } from '../resources/users';
import { useSelection } from '../hooks/use-selection';
import { addDays, startOfDay, todayIn } from '../time';
import { BulkBar } from './board/bulk-bar';
import { DeliverableTable } from './board/deliverable-table';
import { StatusColumns } from './board/status-columns';
import { useBoardActions } from './board/use-board-actions';
import { Segmented } from '../components/ui/segmented';

/** How far back the board reads, in days before today; 30 unless the user picks another. */
const WINDOWS = [7, 30, 90, 365] as const;
const PLATFORM_OPTIONS = PLATFORM_VALUES.map((p) => ({
  value: p,
  label: PLATFORM_LABELS[p],
  adornment: <PlatformBadge platform={p} />,
}));

const VIEWS = ['board', 'list'] as const;
type View = (typeof VIEWS)[number];

/**
 * `/board`: deliverables in columns by status (or as a list), due from a window's
 * start onward plus the unscheduled ones; select several to change them at once.
 */
export default function BoardPage({ user }: { user: User }) {
  const timeZone = user.effectiveTimeZone;
  const canEdit = user.role !== 'viewer';
  const [view, setView] = useState<View>('board');
  const [days, setDays] = useState<number>(30);
  const [brandId, setBrandId] = useState<string[]>([]);
  const [platform, setPlatform] = useState<Platform[]>([]);
  const { selected, toggle: select, replace, clear } = useSelection();
  const [confirming, setConfirming] = useState(false);

  const fromDay = addDays(todayIn(timeZone), -days);
  const query = useMemo<BoardQuery>(
    () => ({ from: startOfDay(fromDay, timeZone) ?? fromDay, brandId, platform }),
    [fromDay, timeZone, brandId, platform],
  );
  const board = useBoard(query);
  const brands = useBrands();
  const team = useTeam();
  const actions = useBoardActions(query, clear);

  const brandMap = useMemo(() => new Map((brands.data ?? []).map((b) => [b.id, b])), [brands.data]);
  const names = useMemo(() => new Map((team.data ?? []).map((m) => [m.id, m.name])), [team.data]);
  const brandOptions = (brands.data ?? []).map((b) => {
    const dot = <BrandDot color={b.color} />;
    return { value: b.id, label: b.name, adornment: dot };
  });
  const items = board.data?.items ?? [];
  const chosen: BoardItem[] = items.filter((d) => selected.has(d.id));
  /** What the board and the list both show. */
  const shown = (list: BoardItem[]) => ({
    items: list,
    brands: brandMap,
    selected,
    onSelect: select,
    timeZone,
  });

  return (
    <div className="page page--board">
      <PageHeader
        title="Board"
        subtitle={`Deliverables by status, due from ${formatDay(fromDay)} onward, and those not scheduled yet.`}
        actions={
          <Segmented
            label="View"
            options={VIEWS}
            value={view}
            onChange={setView}
            words={(v) => (v === 'board' ? 'Board' : 'List')}
          />
        }
      />
      <div className="filters board-filters" role="group" aria-label="Filters">
        <FilterMenu name="Brand" options={brandOptions} selected={brandId} onChange={setBrandId} />
        <FilterMenu
          name="Platform"
          options={PLATFORM_OPTIONS}
          selected={platform}
          onChange={setPlatform}
        />
        <label className="inline-select">
          <span className="inline-select__label">Due from</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((n) => (
              <option key={n} value={n}>
                {n === 365 ? 'a year ago' : `${n} days ago`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {canEdit && chosen.length > 0 && (
        <BulkBar
          count={chosen.length}
          team={team.data ?? []}
          busy={actions.busy}
          onStatus={(status) => actions.run(chosen, { type: 'status', status })}
          onAssignee={(assigneeId) => actions.run(chosen, { type: 'assignee', assigneeId })}
          onShift={(n) => actions.run(chosen, { type: 'shift', days: n })}
          onDelete={() => setConfirming(true)}
          onClear={clear}
        />
      )}
      <QueryState query={board} loadingLabel="Loading the board…">
        {(data) => (
          <>
            {data.truncated && (
              <p className="banner banner--warning" role="status">
                Showing the first {plural(data.items.length, 'deliverable')} by go-live. Narrow the
                brand, platform or date filters to see the rest.
              </p>
            )}
            {data.items.length === 0 ? (
              <EmptyInline title="Nothing here">
                No deliverables match these filters from {formatDay(fromDay)} on.
              </EmptyInline>
            ) : view === 'board' ? (
              <StatusColumns
                {...shown(data.items)}
                {...(canEdit ? { onMove: (item, status) => void actions.move(item, status) } : {})}
              />
            ) : (
              <DeliverableTable
                {...shown(data.items)}
                names={names}
                onSelectAll={(on) => replace(on ? data.items.map((d) => d.id) : [])}
              />
            )}
          </>
        )}
      </QueryState>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${plural(chosen.length, 'deliverable')}?`}
          message={
            <p>
              They leave the calendar, the board and their deals. You can undo from the toast for 10
              seconds; their review links stay revoked.
            </p>
          }
          confirmLabel={`Delete ${plural(chosen.length, 'deliverable')}`}
          busy={actions.busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            actions.run(chosen, { type: 'delete' });
          }}
        />
      )}
    </div>
  );
}
