import type { DeliverableStatus, Platform } from '../../../../shared/schemas/deliverable';
import type { Brand } from '../../../../shared/schemas/brand';
import { BrandDot, PlatformBadge } from '../../components/badges';
import { FilterMenu } from '../../components/filter-menu';
import { FilterToggle } from '../../components/filter-toggle';
import type { RiskCount } from '../../../../shared/schemas/risk';
import {
  DELIVERABLE_STATUS_LABELS,
  DELIVERABLE_STATUS_VALUES,
  PLATFORM_LABELS,
  PLATFORM_VALUES,
} from '../../format';

export interface Filters {
  brandId: string[];
  platform: Platform[];
  status: DeliverableStatus[];
  /** Only what is overdue or due soon (and invoices overdue). */
  atRisk: boolean;
}

export const NO_FILTERS: Filters = { brandId: [], platform: [], status: [], atRisk: false };

export function activeFilterCount(filters: Filters): number {
  return (
    filters.brandId.length +
    filters.platform.length +
    filters.status.length +
    (filters.atRisk ? 1 : 0)
  );
}

const PLATFORM_OPTIONS = PLATFORM_VALUES.map((p) => ({
  value: p,
  label: PLATFORM_LABELS[p],
  adornment: <PlatformBadge platform={p} />,
}));

const STATUS_OPTIONS = DELIVERABLE_STATUS_VALUES.map((s) => ({
  value: s,
  label: DELIVERABLE_STATUS_LABELS[s],
}));

export interface CalendarFiltersProps {
  brands: Brand[];
  filters: Filters;
  onChange: (change: (filters: Filters) => Filters) => void;
  showInvoices: boolean;
  onToggleInvoices: () => void;
  /** The workspace's count of deliverables overdue or due soon; null until it is known. */
  riskCount: RiskCount | null;
}

/** Brand, platform and status menus, the invoices toggle, and "Clear filters" while any is set. */
export function CalendarFilters({
  brands,
  filters,
  onChange,
  showInvoices,
  onToggleInvoices,
  riskCount,
}: CalendarFiltersProps) {
  const brandOptions = brands.map((b) => ({
    value: b.id,
    label: b.name,
    adornment: <BrandDot color={b.color} />,
  }));
  return (
    <div className="filters" role="group" aria-label="Filters">
      <AtRiskToggle
        on={filters.atRisk}
        onToggle={() => onChange((f) => ({ ...f, atRisk: !f.atRisk }))}
        count={riskCount}
      />
      <FilterMenu
        name="Brand"
        options={brandOptions}
        selected={filters.brandId}
        onChange={(brandId) => onChange((f) => ({ ...f, brandId }))}
      />
      <FilterMenu
        name="Platform"
        options={PLATFORM_OPTIONS}
        selected={filters.platform}
        onChange={(platform) => onChange((f) => ({ ...f, platform }))}
      />
      <FilterMenu
        name="Status"
        options={STATUS_OPTIONS}
        selected={filters.status}
        onChange={(status) => onChange((f) => ({ ...f, status }))}
      />
      <FilterToggle
        on={showInvoices}
        onToggle={onToggleInvoices}
        title={showInvoices ? 'Hide invoice due days' : 'Show invoice due days'}
      >
        Invoices
      </FilterToggle>
      {activeFilterCount(filters) > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(() => NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}

/** "At risk" with the workspace's count beside it: what is overdue, what is due soon. */
function AtRiskToggle({
  on,
  onToggle,
  count,
}: {
  on: boolean;
  onToggle: () => void;
  count: RiskCount | null;
}) {
  const counted = count
    ? `${count.atRisk} across the workspace: ${count.overdue} overdue, ${count.dueSoon} due soon. `
    : '';
  return (
    <FilterToggle
      on={on}
      onToggle={onToggle}
      title={`${counted}${on ? 'Show everything again' : 'Show only what is overdue or due soon'}`}
    >
      At risk
      {count && (
        <span
          className={`filter-menu__count filter-toggle__count${count.overdue > 0 ? ' filter-toggle__count--danger' : ''}`}
          data-testid="risk-count"
        >
          {count.atRisk}
        </span>
      )}
    </FilterToggle>
  );
}
