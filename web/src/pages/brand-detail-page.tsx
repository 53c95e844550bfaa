import './brand-detail-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage, isApiError } from '../api';
import { BrandDot, Spinner, StageChip } from '../components/badges';
import { BrandDialog } from '../components/brand-dialog';
import { FollowUpFacts } from '../components/follow-up-day';
import { Link } from '../components/link';
import { BrandTimeline } from '../components/timeline/brand-timeline';
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

  if (brand.isPending) {
    return (
      <div className="page">
        <Spinner label="Loading brand…" />
      </div>
    );
  }
  if (brand.error || !brand.data) {
    return (
      <div className="page">
        <Link href="/brands" className="back-link">
          ← All brands
        </Link>
        <div className="card empty-inline">
          <p className="empty-inline__title">
            {isApiError(brand.error, 404) ? 'Brand not found' : 'Could not load this brand'}
          </p>
          <p className="muted">
            {isApiError(brand.error, 404) ? 'It may have been deleted.' : errorMessage(brand.error)}
          </p>
        </div>
      </div>
    );
  }

  const b = brand.data;
  return (
    <div className="page">
      <Link href="/brands" className="back-link">
        ← All brands
      </Link>
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
          {b.contacts.length > 0 && (
            <ul className="contact-list">
              {b.contacts.map((c, i) => (
                <li key={i}>
                  <span className="contact-list__name">{c.name}</span>
                  {c.role && <span className="muted small"> · {c.role}</span>}
                  {c.email && (
                    <a className="contact-list__email small" href={`mailto:${c.email}`}>
                      {c.email}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
          {b.notes && <p className="small brand-detail__notes">{b.notes}</p>}
        </section>
        <BrandTimeline brandId={b.id} brandName={b.name} canEdit={canEdit} timeZone={timeZone} />
      </div>
      {editing && <BrandDialog brand={b} onClose={() => setEditing(false)} />}
    </div>
  );
}
