import './deal-detail-page.css';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../api';
import { BrandDot, DealStatusChip, PlatformBadge, Spinner, StatusChip } from '../components/badges';
import { DealDialog } from '../components/deal-dialog';
import { PAYMENT_TRIGGER_LABELS } from '../components/deal-payment-fields';
import { DealInvoices, DealMoneyStrip } from '../components/deal-invoices';
import { DeliverableDialog } from '../components/deliverable-dialog';
import { ConfirmDialog } from '../components/dialog';
import { Link } from '../components/link';
import { useToast } from '../components/toast';
import {
  DEAL_SOURCE_LABELS,
  FORMAT_LABELS,
  formatDay,
  formatInstant,
  formatMoney,
  plural,
} from '../format';
import { useBrands } from '../resources/brands';
import { useDeal, useDeleteDeal } from '../resources/deals';
import { useDeliverablesOfDeal } from '../resources/deliverables';
import { useTeam } from '../resources/users';
import { navigate } from '../hooks/use-router';

export default function DealDetailPage({ user, id }: { user: User; id: string }) {
  const canEdit = user.role !== 'viewer';
  const deal = useDeal(id);
  const deliverables = useDeliverablesOfDeal(id);
  const brands = useBrands();
  const team = useTeam();
  const toast = useToast();
  const [editingDeal, setEditingDeal] = useState(false);
  const [deliverableDialog, setDeliverableDialog] = useState<{ id: string | null } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const timeZone = user.effectiveTimeZone;
  const memberName = useMemo(
    () => new Map((team.data ?? []).map((m) => [m.id, m.name])),
    [team.data],
  );

  const remove = useDeleteDeal({
    withMoney: true,
    onSuccess: () => {
      toast.success('Deal deleted');
      navigate('/deals', { replace: true });
    },
  });

  if (deal.isPending) {
    return (
      <div className="page">
        <Spinner label="Loading deal…" />
      </div>
    );
  }
  if (deal.error || !deal.data) {
    return (
      <div className="page">
        <Link href="/deals" className="back-link">
          ← All deals
        </Link>
        <div className="card empty-inline">
          <p className="empty-inline__title">
            {isApiError(deal.error, 404) ? 'Deal not found' : 'Could not load this deal'}
          </p>
          <p className="muted">
            {isApiError(deal.error, 404) ? 'It may have been deleted.' : errorMessage(deal.error)}
          </p>
        </div>
      </div>
    );
  }

  const d = deal.data;
  const brand = brands.data?.find((b) => b.id === d.brandId);
  const items = deliverables.data ?? [];
  const published = items.filter((x) => x.status === 'published').length;

  return (
    <div className="page">
      <Link href="/deals" className="back-link">
        ← All deals
      </Link>
      <div className="page-header">
        <div>
          <p className="eyebrow with-dot">
            <BrandDot color={brand?.color ?? '#94a3b8'} />
            {d.brandName}
          </p>
          <h1 className="page-title">{d.title}</h1>
          <p className="page-subtitle">
            <DealStatusChip status={d.status} />{' '}
            <span className="fee">{formatMoney(d.feeCents, d.currency)}</span>
          </p>
        </div>
        {canEdit && (
          <div className="page-actions">
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
          </div>
        )}
      </div>

      <DealMoneyStrip deal={d} />

      <div className="detail-grid">
        <section className="card" aria-labelledby="terms-title">
          <h2 id="terms-title" className="section-title">
            Terms
          </h2>
          <dl className="facts">
            <div>
              <dt>Fee</dt>
              <dd>{formatMoney(d.feeCents, d.currency)}</dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>{DEAL_SOURCE_LABELS[d.source]}</dd>
            </div>
            <div>
              <dt>Contract signed</dt>
              <dd>{formatDay(d.contractSignedOn)}</dd>
            </div>
            <div>
              <dt>Exclusivity</dt>
              <dd>
                {d.exclusivityCategory
                  ? `${d.exclusivityCategory}${d.exclusivityUntil ? ` until ${formatDay(d.exclusivityUntil)}` : ''}`
                  : 'None'}
              </dd>
            </div>
            <div>
              <dt>Usage rights until</dt>
              <dd>{formatDay(d.usageRightsUntil)}</dd>
            </div>
            <div>
              <dt>Payment</dt>
              <dd>
                {d.paymentTermsDays === null
                  ? 'Workspace terms'
                  : d.paymentTermsDays === 0
                    ? 'On receipt'
                    : `Net ${d.paymentTermsDays}`}{' '}
                from when {PAYMENT_TRIGGER_LABELS[d.paymentTrigger]}
              </dd>
            </div>
            <div>
              <dt>Expected pay day</dt>
              <dd data-testid="deal-expected-pay-on">
                {d.expectedPayOn ? formatDay(d.expectedPayOn) : 'When the clock starts'}
              </dd>
            </div>
            <div>
              <dt>Bill to</dt>
              <dd>{d.payer ? d.payer.name : `${d.brandName} (the brand)`}</dd>
            </div>
            <div>
              <dt>Progress</dt>
              <dd>
                {published} of {plural(items.length, 'deliverable')} published
              </dd>
            </div>
          </dl>
          {d.notes && (
            <>
              <h3 className="subsection-title">Notes</h3>
              <p className="prewrap">{d.notes}</p>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="deliverables-title">
          <div className="section-header">
            <h2 id="deliverables-title" className="section-title">
              Deliverables
            </h2>
            {canEdit && (
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => setDeliverableDialog({ id: null })}
              >
                Add deliverable
              </button>
            )}
          </div>
          {deliverables.isPending ? (
            <Spinner />
          ) : deliverables.error ? (
            <p className="banner banner--error">{errorMessage(deliverables.error)}</p>
          ) : items.length === 0 ? (
            <p className="muted">No deliverables yet. Add the posts this deal asks for.</p>
          ) : (
            <ul className="deliverable-list">
              {items.map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    className="deliverable-row"
                    onClick={() => setDeliverableDialog({ id: x.id })}
                  >
                    <PlatformBadge platform={x.platform} />
                    <span className="deliverable-row__main">
                      <span className="deliverable-row__title">{x.title}</span>
                      <span className="muted small">
                        {FORMAT_LABELS[x.format]}
                        {x.draftDueAt && ` · Draft ${formatInstant(x.draftDueAt, timeZone)}`}
                        {` · Go-live ${x.publishAt ? formatInstant(x.publishAt, timeZone) : 'not scheduled'}`}
                        {x.assigneeId && ` · ${memberName.get(x.assigneeId) ?? 'Former member'}`}
                      </span>
                    </span>
                    <StatusChip status={x.status} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

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
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this deal?"
          message={
            <p>
              <strong>{d.title}</strong> will be deleted
              {items.length > 0 ? `, together with its ${plural(items.length, 'deliverable')}` : ''}
              . This cannot be undone.
            </p>
          }
          confirmLabel="Delete deal"
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(id)}
        />
      )}
    </div>
  );
}
