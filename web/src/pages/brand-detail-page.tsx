import './brand-detail-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { BrandDot, StageChip } from '../components/badges';
import { ContactList } from '../components/brand/contact-list';
import { BrandDialog } from '../components/brand-dialog';
import { FollowUpFacts } from '../components/follow-up-day';
import { BrandTimeline } from '../components/timeline/brand-timeline';
import { BackLink, DetailLoading, DetailMissing } from '../components/ui/detail-states';
import { PageHeader } from '../components/ui/page-header';
import { plural } from '../format';
import { useBrand } from '../resources/brands';
import { todayIn } from '../time';

/** One brand: its facts and contacts, and its timeline of every touch with it. */
export default function BrandDetailPage({ user, id }: { user: User; id: string }) {
  const canEdit = user.role !== 'viewer';
  const brand = useBrand(id);
  const [editing, setEditing] = useState(false);
  const timeZone = user.effectiveTimeZone;

  if (brand.isPending) return <DetailLoading label="Loading brand…" />;
  if (brand.error || !brand.data) {
    return (
      <DetailMissing error={brand.error} noun="brand" backHref="/brands" backLabel="All brands" />
    );
  }

  const b = brand.data;
  return (
    <div className="page">
      <BackLink href="/brands">All brands</BackLink>
      <PageHeader
        eyebrow={
          <p className="eyebrow with-dot">
            <BrandDot color={b.color} />
            {b.category ?? 'Brand'}
          </p>
        }
        title={b.name}
        subtitle={
          <>
            <StageChip stage={b.stage} /> {plural(b.dealCount, 'deal')}
          </>
        }
        actions={
          canEdit && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit brand
            </button>
          )
        }
      />
      <div className="brand-detail">
        <section className="card brand-detail__facts" aria-label="About the brand">
          <dl className="brand-card__facts">
            <FollowUpFacts brand={b} today={todayIn(timeZone)} followUpLabel="Next follow-up" />
          </dl>
          {b.contacts.length > 0 && <ContactList contacts={b.contacts} />}
          {b.notes && <p className="small brand-detail__notes">{b.notes}</p>}
        </section>
        <BrandTimeline brandId={b.id} brandName={b.name} canEdit={canEdit} timeZone={timeZone} />
      </div>
      {editing && <BrandDialog brand={b} onClose={() => setEditing(false)} />}
    </div>
  );
}
