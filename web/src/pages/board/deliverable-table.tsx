import type { Brand } from '../../../../shared/schemas/brand';
import { BrandDot, PlatformBadge, StatusChip } from '../../components/badges';
import { formatInstant } from '../../format';
import type { BoardItem } from '../../resources/bulk';

const COLUMNS = ['Deliverable', 'Brand', 'Status', 'Go-live', 'Draft due', 'Assignee'];

export interface DeliverableTableProps {
  items: BoardItem[];
  brands: ReadonlyMap<string, Brand>;
  names: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  timeZone: string;
}

/** The board's deliverables as a table with a checkbox per row (and one for all). */
export function DeliverableTable({
  items,
  brands,
  names,
  selected,
  onSelect,
  onSelectAll,
  timeZone,
}: DeliverableTableProps) {
  const all = items.length > 0 && items.every((d) => selected.has(d.id));
  return (
    <div className="table-wrap deliverable-table">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="deliverable-table__check">
              <input
                type="checkbox"
                aria-label="Select all"
                checked={all}
                onChange={(e) => onSelectAll(e.target.checked)}
              />
            </th>
            {COLUMNS.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const brand = brands.get(d.brandId);
            return (
              <tr key={d.id} data-testid="board-row" data-id={d.id}>
                <td className="deliverable-table__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${d.title}`}
                    checked={selected.has(d.id)}
                    onChange={(e) => onSelect(d.id, e.target.checked)}
                  />
                </td>
                <th scope="row" className="deliverable-table__title">
                  <PlatformBadge platform={d.platform} /> {d.title}
                </th>
                <td>
                  {brand && <BrandDot color={brand.color} />} {brand?.name ?? '—'}
                </td>
                <td>
                  <StatusChip status={d.status} />
                </td>
                <td data-testid="row-publish">{formatInstant(d.publishAt, timeZone)}</td>
                <td>{formatInstant(d.draftDueAt, timeZone)}</td>
                <td>{d.assigneeId ? (names.get(d.assigneeId) ?? 'Former member') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
