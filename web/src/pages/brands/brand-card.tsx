import type { Brand } from '../../../../shared/schemas/brand';
import { StageChip } from '../../components/badges';
import { ContactList } from '../../components/brand/contact-list';
import { FollowUpFacts } from '../../components/follow-up-day';
import { Link } from '../../components/link';
import { EditDeleteButtons } from '../../components/row-actions';
import { plural } from '../../format';

/** The URL when it is http(s) (never `javascript:`), for use as a link. */
function httpUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export interface BrandCardProps {
  brand: Brand;
  /** Today in the user's zone, `YYYY-MM-DD`. */
  today: string;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** One brand in the list: name, category and site, stage, facts, contacts and notes. */
export function BrandCard({ brand, today, canEdit, onEdit, onDelete }: BrandCardProps) {
  const website = httpUrl(brand.website);
  return (
    <li className="brand-card" style={{ borderTopColor: brand.color }}>
      <div className="brand-card__header">
        <div>
          <h2 className="brand-card__name">
            <Link href={`/brands/${encodeURIComponent(brand.id)}`}>{brand.name}</Link>
          </h2>
          <p className="muted small">
            {brand.category ?? 'No category'}
            {website && (
              <>
                {' · '}
                <a href={website.href} target="_blank" rel="noopener noreferrer nofollow">
                  {website.host.replace(/^www\./, '')}
                </a>
              </>
            )}
          </p>
        </div>
        <StageChip stage={brand.stage} />
      </div>
      <dl className="brand-card__facts">
        <div>
          <dt>Deals</dt>
          <dd>{plural(brand.dealCount, 'deal')}</dd>
        </div>
        <FollowUpFacts brand={brand} today={today} followUpLabel="Next follow-up" />
      </dl>
      <div className="brand-card__contacts">
        <h3 className="subsection-title">Contacts</h3>
        {brand.contacts.length === 0 ? (
          <p className="muted small">No contacts</p>
        ) : (
          <ContactList contacts={brand.contacts} />
        )}
      </div>
      {brand.notes && <p className="brand-card__notes small">{brand.notes}</p>}
      {canEdit && (
        <div className="brand-card__actions">
          <EditDeleteButtons name={brand.name} onEdit={onEdit} onDelete={onDelete} />
        </div>
      )}
    </li>
  );
}
