import type { Deal, DealStatus } from '../../../../shared/schemas/deal';
import { formatMoney } from '../../format';

const OPEN_STATUSES: ReadonlySet<DealStatus> = new Set(['contracted', 'in_progress', 'delivered']);

function totalsByCurrency(deals: Deal[]): string {
  const sums = new Map<string, number>();
  for (const deal of deals) sums.set(deal.currency, (sums.get(deal.currency) ?? 0) + deal.feeCents);
  if (sums.size === 0) return formatMoney(0, 'USD');
  return [...sums.entries()].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ');
}

/** How many deals are listed, how many are active, and what the active ones are worth. */
export function DealStats({ deals, filtered }: { deals: Deal[]; filtered: boolean }) {
  const active = deals.filter((d) => OPEN_STATUSES.has(d.status));
  return (
    <div className="stats">
      <div className="stat">
        <p className="stat__label">{filtered ? 'Matching deals' : 'All deals'}</p>
        <p className="stat__value">{deals.length}</p>
      </div>
      <div className="stat">
        <p className="stat__label">Active (contracted → delivered)</p>
        <p className="stat__value">{active.length}</p>
      </div>
      <div className="stat">
        <p className="stat__label">Active value</p>
        <p className="stat__value">{totalsByCurrency(active)}</p>
      </div>
    </div>
  );
}
