import './deals-page.css';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { DEAL_STATUSES, type Deal, type DealStatus } from '../../../shared/schemas/deal';
import { errorMessage } from '../api';
import { BrandDot, DealStatusChip, Spinner } from '../components/badges';
import { DealDialog } from '../components/deal-dialog';
import { ConfirmDialog } from '../components/dialog';
import { ExportMenu, type ExportMenuItem } from '../components/export-menu';
import { FilterMenu } from '../components/filter-menu';
import { Link } from '../components/link';
import { PlusIcon, UploadIcon } from '../components/icons';
import { useToast } from '../components/toast';
import { DEAL_SOURCE_LABELS, DEAL_STATUS_LABELS, formatMoney, plural } from '../format';
import { useBrands } from '../resources/brands';
import { useDeals, useDeleteDeal } from '../resources/deals';
import { exportPaths } from '../resources/exports';
import { useNewParam } from '../hooks/use-new-param';

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

const OPEN_STATUSES: ReadonlySet<DealStatus> = new Set(['contracted', 'in_progress', 'delivered']);

function totalsByCurrency(deals: Deal[]): string {
  const sums = new Map<string, number>();
  for (const deal of deals) sums.set(deal.currency, (sums.get(deal.currency) ?? 0) + deal.feeCents);
  if (sums.size === 0) return formatMoney(0, 'USD');
  return [...sums.entries()].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ');
}

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
  const active = list.filter((d) => OPEN_STATUSES.has(d.status));
  const filtered = status.length > 0 || brandId.length > 0;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Deals</h1>
          <p className="page-subtitle">
            Every agreement with a brand: what you are paid and what you owe.
          </p>
        </div>
        <div className="page-actions">
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
        </div>
      </div>

      {list.length > 0 && (
        <div className="stats">
          <div className="stat">
            <p className="stat__label">{filtered ? 'Matching deals' : 'All deals'}</p>
            <p className="stat__value">{list.length}</p>
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
      )}

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
        {deals.isPending ? (
          <Spinner label="Loading deals…" />
        ) : deals.error ? (
          <p className="banner banner--error" role="alert">
            {errorMessage(deals.error)}
          </p>
        ) : list.length === 0 ? (
          <div className="empty-inline">
            <p className="empty-inline__title">
              {filtered ? 'No deals match these filters' : 'No deals yet'}
            </p>
            <p className="muted">
              {filtered
                ? 'Try clearing a filter.'
                : 'A deal records what a brand pays you and what you deliver. Add one to start planning posts.'}
            </p>
            {!filtered && canEdit && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEditing('new')}
              >
                Create your first deal
              </button>
            )}
          </div>
        ) : (
          <table className="table table--responsive">
            <thead>
              <tr>
                <th scope="col">Brand</th>
                <th scope="col">Deal</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Fee
                </th>
                <th scope="col" className="num">
                  Deliverables
                </th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((deal) => (
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
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setEditing(deal)}
                      >
                        Edit<span className="visually-hidden"> {deal.title}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--small button--ghost-danger"
                        onClick={() => {
                          remove.reset();
                          setDeleting(deal);
                        }}
                      >
                        Delete<span className="visually-hidden"> {deal.title}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {editing && (
        <DealDialog deal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this deal?"
          message={
            <p>
              <strong>{deleting.title}</strong> with {deleting.brandName} will be deleted
              {deleting.deliverableCount > 0
                ? `, together with its ${plural(deleting.deliverableCount, 'deliverable')}`
                : ''}
              . This cannot be undone.
            </p>
          }
          confirmLabel="Delete deal"
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id)}
        />
      )}
    </div>
  );
}
