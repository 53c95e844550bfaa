import type { BrandStage } from '../../../shared/schemas/brand';
import type { DealStatus } from '../../../shared/schemas/deal';
import type { DeliverableStatus, Platform } from '../../../shared/schemas/deliverable';
import type { Invoice } from '../../../shared/schemas/invoice';
import {
  BRAND_STAGE_LABELS,
  DEAL_STATUS_LABELS,
  DELIVERABLE_STATUS_LABELS,
  INVOICE_STATUS_LABELS,
  PLATFORM_BADGES,
  PLATFORM_LABELS,
  plural,
} from '../format';

export function StatusChip({ status, compact }: { status: DeliverableStatus; compact?: boolean }) {
  return (
    <span className={`chip chip--${status}${compact ? ' chip--compact' : ''}`}>
      {DELIVERABLE_STATUS_LABELS[status]}
    </span>
  );
}

export function DealStatusChip({ status }: { status: DealStatus }) {
  return <span className={`chip chip--deal-${status}`}>{DEAL_STATUS_LABELS[status]}</span>;
}

/** An invoice's status, and beside it "Overdue · N days" when it is late. */
export function InvoiceStatusChips({
  invoice,
}: {
  invoice: Pick<Invoice, 'status' | 'overdue' | 'daysOverdue'>;
}) {
  return (
    <span className="chips">
      <span className={`chip chip--invoice-${invoice.status}`}>
        {INVOICE_STATUS_LABELS[invoice.status]}
      </span>
      {invoice.overdue && <OverdueChip days={invoice.daysOverdue} />}
    </span>
  );
}

export function OverdueChip({ days }: { days: number }) {
  return <span className="chip chip--overdue">Overdue · {plural(days, 'day')}</span>;
}

export function StageChip({ stage }: { stage: BrandStage }) {
  return <span className={`chip chip--stage-${stage}`}>{BRAND_STAGE_LABELS[stage]}</span>;
}

export function PlatformBadge({
  platform,
  withLabel,
}: {
  platform: Platform;
  withLabel?: boolean;
}) {
  return (
    <span className="platform" title={PLATFORM_LABELS[platform]}>
      <span
        className={`platform__badge platform__badge--${platform}`}
        aria-hidden={withLabel ? 'true' : undefined}
      >
        {PLATFORM_BADGES[platform]}
      </span>
      {withLabel ? (
        <span className="platform__label">{PLATFORM_LABELS[platform]}</span>
      ) : (
        <span className="visually-hidden">{PLATFORM_LABELS[platform]}</span>
      )}
    </span>
  );
}

export function BrandDot({ color }: { color: string }) {
  return <span className="brand-dot" style={{ backgroundColor: color }} aria-hidden="true" />;
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner" role="status">
      <span className="spinner__ring" aria-hidden="true" />
      <span className="spinner__label">{label}</span>
    </div>
  );
}
