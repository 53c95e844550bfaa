import type { Deal } from '../../../../shared/schemas/deal';
import { BrandDot, DealStatusChip } from '../../components/badges';
import { Link } from '../../components/link';
import { EditDeleteButtons } from '../../components/row-actions';
import { DEAL_SOURCE_LABELS, formatMoney } from '../../format';
import { TableHead } from '../../components/lists/table-head';

export interface DealsTableProps {
  deals: Deal[];
  /** Each brand's colour by id; grey for one not loaded. */
  brandColor: ReadonlyMap<string, string>;
  canEdit: boolean;
  onEdit: (deal: Deal) => void;
  onDelete: (deal: Deal) => void;
}

/** The deals as a table (cards on a phone): brand, deal, status, fee, deliverables, actions. */
export function DealsTable({ deals, brandColor, canEdit, onEdit, onDelete }: DealsTableProps) {
  return (
    <table className="table table--responsive">
      <TableHead
        columns={[
          'Brand',
          'Deal',
          'Status',
          { label: 'Fee', num: true },
          { label: 'Deliverables', num: true },
          canEdit && { label: 'Actions', hidden: true },
        ]}
      />
      <tbody>
        {deals.map((deal) => (
          <tr key={deal.id}>
            <td data-label="Brand">
              <span className="with-dot">
                <BrandDot color={brandColor.get(deal.brandId) ?? '#94a3b8'} />
                {deal.brandName}
              </span>
            </td>
            <td data-label="Deal">
              <Link href={`/deals/${deal.id}`} className="strong-link">
                {deal.title}
              </Link>
              <span className="muted small block">{DEAL_SOURCE_LABELS[deal.source]}</span>
            </td>
            <td data-label="Status">
              <DealStatusChip status={deal.status} />
            </td>
            <td data-label="Fee" className="num">
              {formatMoney(deal.feeCents, deal.currency)}
            </td>
            <td data-label="Deliverables" className="num">
              {deal.deliverableCount}
            </td>
            {canEdit && (
              <td className="actions">
                <EditDeleteButtons
                  name={deal.title}
                  onEdit={() => onEdit(deal)}
                  onDelete={() => onDelete(deal)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
