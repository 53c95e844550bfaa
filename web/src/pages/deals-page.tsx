import './deals-page.css';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { DEAL_STATUSES, type Deal, type DealStatus } from '../../../shared/schemas/deal';
import { BrandDot } from '../components/badges';
import { ConfirmDeleteDeal } from '../components/deal/confirm-delete-deal';
import { DealDialog } from '../components/deal-dialog';
import { ExportMenu, type ExportMenuItem } from '../components/export-menu';
import { FilterMenu } from '../components/filter-menu';
import { Link } from '../components/link';
import { PlusIcon, UploadIcon } from '../components/icons';
import { useToast } from '../components/toast';
import { DEAL_STATUS_LABELS } from '../format';
import { useBrands } from '../resources/brands';
import { useDeals, useDeleteDeal } from '../resources/deals';
import { exportPaths } from '../resources/exports';
import { useNewParam } from '../hooks/use-new-param';
import { DealStats } from './deals/deal-stats';
import { DealsTable } from './deals/deals-table';
import { QueryState } from '../components/query-state';
import { PageHeader } from '../components/ui/page-header';
import { EmptyInline } from '../components/ui/empty-inline';

const EXPORTS: ReadonlyArray<ExportMenuItem> = [
  {
    href: exportPaths.deals(),
    label: 'Deals',
    hint: 'One row per deal: brand, status, fee, rights',
  },
  {
    href: exportPaths.deliverables(),
    label: 'Deliverables',
    hint: 'One row per post; imports into Sponsorcal as is',
  },
];

export default function DealsPage({ user }: { user: User }) {
  const canEdit = user.role !== 'viewer';
  const openNew = useNewParam();
  const toast = useToast();
  const [status, setStatus] = useState<DealStatus[]>([]);
  const [brandId, setBrandId] = useState<string[]>([]);
  const filter = useMemo(() => ({ status, brandId }), [status, brandId]);
  const deals = useDeals(filter);
  const brands = useBrands();
  const [editing, setEditing] = useState<Deal | 'new' | null>(openNew && canEdit ? 'new' : null);
  const [deleting, setDeleting] = useState<Deal | null>(null);
  const brandColor = useMemo(
    () => new Map((brands.data ?? []).map((b) => [b.id, b.color])),
    [brands.data],
  );

  const remove = useDeleteDeal({
    onSuccess: () => {
      toast.success('Deal deleted');
      setDeleting(null);
    },
  });

  const list = deals.data ?? [];
  const filtered = status.length > 0 || brandId.length > 0;

  return (
    <div className="page">
      <PageHeader
        title="Deals"
        subtitle="Every agreement with a brand: what you are paid and what you owe."
        actions={
          <>
            <ExportMenu items={EXPORTS} />
            {canEdit && (
              <>
                <Link href="/import" className="button">
                  <UploadIcon /> Import CSV
                </Link>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => setEditing('new')}
                >
                  <PlusIcon /> New deal
                </button>
              </>
            )}
          </>
        }
      />

      {list.length > 0 && <DealStats deals={list} filtered={filtered} />}

      <div className="filters" role="group" aria-label="Filters">
        <FilterMenu
          name="Status"
          options={DEAL_STATUSES.map((s) => ({ value: s, label: DEAL_STATUS_LABELS[s] }))}
          selected={status}
          onChange={setStatus}
        />
        <FilterMenu
          name="Brand"
          options={(brands.data ?? []).map((b) => ({
            value: b.id,
            label: b.name,
            adornment: <BrandDot color={b.color} />,
          }))}
          selected={brandId}
          onChange={setBrandId}
        />
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setStatus([]);
              setBrandId([]);
            }}
          >
            Clear all filters
          </button>
        )}
      </div>

      <div className="card">
        <QueryState query={deals} loadingLabel="Loading deals…">
          {() =>
            list.length === 0 ? (
              <EmptyInline
                title={filtered ? 'No deals match these filters' : 'No deals yet'}
                action={
                  !filtered &&
                  canEdit && (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => setEditing('new')}
                    >
                      Create your first deal
                    </button>
                  )
                }
              >
                {filtered
                  ? 'Try clearing a filter.'
                  : 'A deal records what a brand pays you and what you deliver. Add one to start planning posts.'}
              </EmptyInline>
            ) : (
              <DealsTable
                deals={list}
                brandColor={brandColor}
                canEdit={canEdit}
                onEdit={setEditing}
                onDelete={(deal) => {
                  remove.reset();
                  setDeleting(deal);
                }}
              />
            )
          }
        </QueryState>
      </div>

      {editing && (
        <DealDialog deal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDeleteDeal
          id={deleting.id}
          title={deleting.title}
          brandName={deleting.brandName}
          deliverables={deleting.deliverableCount}
          remove={remove}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
