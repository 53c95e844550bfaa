import { BRAND_STAGES, type BrandStage } from '../../../../shared/schemas/brand';
import { FilterMenu } from '../../components/filter-menu';
import { FilterToggle } from '../../components/filter-toggle';
import { BRAND_STAGE_LABELS } from '../../format';
import { replaceSearchParam } from '../../hooks/use-router';
import { NOT_CONTACTED_DAYS } from '../../pipeline-format';
import { Segmented } from '../../components/ui/segmented';

const STAGE_OPTIONS = BRAND_STAGES.map((s) => ({ value: s, label: BRAND_STAGE_LABELS[s] }));

export interface BrandFiltersProps {
  query: string;
  onQuery: (query: string) => void;
  stages: BrandStage[];
  onStages: (stages: BrandStage[]) => void;
  notContacted: boolean;
  onToggleNotContacted: () => void;
  /** The board, not the list (`?view=board`). */
  board: boolean;
}

/** Search, stage menu, the "not contacted" toggle and the list/board switch. */
export function BrandFilters({
  query,
  onQuery,
  stages,
  onStages,
  notContacted,
  onToggleNotContacted,
  board,
}: BrandFiltersProps) {
  return (
    <div className="filters" role="group" aria-label="Filters">
      <input
        dir="auto"
        type="search"
        className="search-input"
        placeholder="Search by name, category or contact"
        aria-label="Search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
      />
      <FilterMenu name="Stage" options={STAGE_OPTIONS} selected={stages} onChange={onStages} />
      <FilterToggle
        on={notContacted}
        onToggle={onToggleNotContacted}
        title="Brands with no pitch logged in the last 30 days (inactive ones left out)"
      >
        Not contacted in {NOT_CONTACTED_DAYS} days
      </FilterToggle>
      <Segmented
        label="View"
        className="brands-view-switch"
        options={['List', 'Board']}
        value={board ? 'Board' : 'List'}
        onChange={(view) => replaceSearchParam('view', view === 'Board' ? 'board' : null)}
      />
    </div>
  );
}
