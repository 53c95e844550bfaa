import './deal-detail-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { BrandDot, DealStatusChip } from '../components/badges';
import { ConfirmDeleteDeal } from '../components/deal/confirm-delete-deal';
import { DealDeleteRefused } from '../components/deal/deal-delete-refused';
import { DealDialog } from '../components/deal-dialog';
import { DealInvoices, DealMoneyStrip } from '../components/deal-invoices';
import { DealProposals } from '../components/proposal/deal-proposals';
import { DealReport } from '../components/report/deal-report';
import { DeliverableDialog } from '../components/deliverable-dialog';
import { useToast } from '../components/toast';
import { formatMoney } from '../format';
import { useBrands } from '../resources/brands';
import { useDeal, useDealDeletion, useDeleteDeal } from '../resources/deals';
import { useDeliverablesOfDeal } from '../resources/deliverables';
import { navigate } from '../hooks/use-router';
import { ApplyPackageDialog } from './deal-detail/apply-package-dialog';
import { DealDeliverables } from './deal-detail/deal-deliverables';
import { DealTerms } from './deal-detail/deal-terms';
import { BackLink, DetailLoading, DetailMissing } from '../components/ui/detail-states';
import { PageHeader } from '../components/ui/page-header';
import { FromRequestLink } from './requests/from-request-link';

export default function DealDetailPage({ user, id }: { user: User; id: string }) {
  const canEdit = user.role !== 'viewer';
  const deal = useDeal(id);
  const deliverables = useDeliverablesOfDeal(id);
  const brands = useBrands();
  const toast = useToast();
  const [editingDeal, setEditingDeal] = useState(false);
  const [deliverableDialog, setDeliverableDialog] = useState<{ id: string | null } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Asked before confirming: a delete the server would refuse says why instead of offering itself.
  const deletion = useDealDeletion(id, confirmDelete);
  const [applyingPackage, setApplyingPackage] = useState(false);

  const remove = useDeleteDeal({
    withMoney: true,
    onSuccess: () => {
      toast.success('Deal deleted');
      navigate('/deals', { replace: true });
    },
  });

  if (deal.isPending) return <DetailLoading label="Loading deal…" />;
  if (deal.error || !deal.data) {
    return <DetailMissing error={deal.error} noun="deal" backHref="/deals" backLabel="All deals" />;
  }

  const d = deal.data;
  const brand = brands.data?.find((b) => b.id === d.brandId);
  const items = deliverables.data ?? [];
  const published = items.filter((x) => x.status === 'published').length;

  return (
    <div className="page">
      <BackLink href="/deals">All deals</BackLink>
      <PageHeader
        eyebrow={
          <p className="eyebrow with-dot">
            <BrandDot color={brand?.color ?? '#94a3b8'} />
            {d.brandName}
          </p>
        }
        title={d.title}
        subtitle={
          <>
            <DealStatusChip status={d.status} />{' '}
            <span className="fee">{formatMoney(d.feeCents, d.currency)}</span>{' '}
            <FromRequestLink dealId={d.id} />
          </>
        }
        actions={
          canEdit && (
            <>
              <button type="button" className="button" onClick={() => setEditingDeal(true)}>
                Edit deal
              </button>
              <button
                type="button"
                className="button button--ghost-danger"
                onClick={() => {
                  remove.reset();
                  setConfirmDelete(true);
                }}
              >
                Delete deal
              </button>
            </>
          )
        }
      />

      <DealMoneyStrip deal={d} />

      <div className="detail-grid">
        <DealTerms deal={d} published={published} deliverables={items.length} />
        <DealDeliverables
          user={user}
          query={deliverables}
          onOpen={(deliverableId) => setDeliverableDialog({ id: deliverableId })}
          onApplyPackage={() => setApplyingPackage(true)}
        />
      </div>

      <DealProposals deal={d} user={user} />
      <DealReport deal={d} user={user} />

      <DealInvoices deal={d} user={user} />

      {editingDeal && <DealDialog deal={d} onClose={() => setEditingDeal(false)} />}
      {deliverableDialog && (
        <DeliverableDialog
          user={user}
          deliverableId={deliverableDialog.id}
          defaults={{ dealId: d.id }}
          onClose={() => setDeliverableDialog(null)}
        />
      )}
      {applyingPackage && (
        <ApplyPackageDialog
          dealId={d.id}
          timeZone={user.effectiveTimeZone}
          onClose={() => setApplyingPackage(false)}
        />
      )}
      {confirmDelete && deletion.data?.allowed === false && (
        <DealDeleteRefused
          reason={deletion.data.reason ?? ''}
          onClose={() => setConfirmDelete(false)}
        />
      )}
      {confirmDelete && !deletion.isFetching && deletion.data?.allowed !== false && (
        <ConfirmDeleteDeal
          id={id}
          title={d.title}
          deliverables={items.length}
          remove={remove}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}
