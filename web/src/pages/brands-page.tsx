import './brands-page.css';
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { BRAND_STAGES, type Brand, type BrandStage } from '../../../shared/schemas/brand';
import { errorMessage } from '../api';
import { Spinner, StageChip } from '../components/badges';
import { BrandBoard } from '../components/brand-board';
import { BrandDialog } from '../components/brand-dialog';
import { ConfirmDialog } from '../components/dialog';
import { FilterMenu } from '../components/filter-menu';
import { PlusIcon } from '../components/icons';
import { useToast } from '../components/toast';
import { BRAND_STAGE_LABELS, formatDay, plural } from '../format';
import { useBrandList, useBrands, useDeleteBrand } from '../resources/brands';
import { keys } from '../resources/keys';
import { useNewParam } from '../hooks/use-new-param';
import { replaceSearchParam, useSearchParam } from '../hooks/use-router';
import { lastContactedLabel, NOT_CONTACTED_DAYS } from '../pipeline-format';
import { todayIn } from '../time';

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

export default function BrandsPage({ user }: { user: User }) {
  const canEdit = user.role !== 'viewer';
  const openNew = useNewParam();
  const board = useSearchParam('view') === 'board';
  const [notContacted, setNotContacted] = useState(false);
  const notContactedDays = notContacted ? NOT_CONTACTED_DAYS : null;
  // Every brand (whether to offer filters at all), and the ones the filters keep.
  const everyBrand = useBrands();
  const brands = useBrandList(notContactedDays);
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [stages, setStages] = useState<BrandStage[]>([]);
  const [editing, setEditing] = useState<Brand | 'new' | null>(openNew && canEdit ? 'new' : null);
  const [deleting, setDeleting] = useState<Brand | null>(null);
  const today = todayIn(user.effectiveTimeZone);

  // A follow-up alert links to `/brands?brand=<id>`: open that brand once it is loaded.
  const linkedId = useSearchParam('brand');
  useEffect(() => {
    if (!linkedId || !everyBrand.data) return;
    const linked = everyBrand.data.find((b) => b.id === linkedId);
    if (linked && canEdit) setEditing(linked);
    replaceSearchParam('brand', null);
  }, [linkedId, everyBrand.data, canEdit]);

  const remove = useDeleteBrand({
    onSuccess: () => {
      toast.success('Brand deleted');
      setDeleting(null);
    },
  });

  const all = brands.data ?? [];
  const needle = query.trim().toLowerCase();
  const list = all.filter(
    (b) =>
      (stages.length === 0 || stages.includes(b.stage)) &&
      (!needle ||
        b.name.toLowerCase().includes(needle) ||
        (b.category ?? '').toLowerCase().includes(needle) ||
        b.contacts.some(
          (c) => c.name.toLowerCase().includes(needle) || (c.email ?? '').includes(needle),
        )),
  );
  const filtered = needle !== '' || stages.length > 0 || notContacted;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Brands</h1>
          <p className="page-subtitle">
            The companies you work with, the people you talk to, and when to follow up.
          </p>
        </div>
        {canEdit && (
          <div className="page-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing('new')}
            >
              <PlusIcon /> New brand
            </button>
          </div>
        )}
      </div>

      {(everyBrand.data ?? []).length > 0 && (
        <div className="filters" role="group" aria-label="Filters">
          <input
            type="search"
            className="search-input"
            placeholder="Search by name, category or contact"
            aria-label="Search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <FilterMenu
            name="Stage"
            options={BRAND_STAGES.map((s) => ({ value: s, label: BRAND_STAGE_LABELS[s] }))}
            selected={stages}
            onChange={setStages}
          />
          <button
            type="button"
            className={`filter-toggle${notContacted ? ' filter-toggle--on' : ''}`}
            aria-pressed={notContacted}
            onClick={() => setNotContacted((on) => !on)}
            title="Brands with no pitch logged in the last 30 days (inactive ones left out)"
          >
            <span className="filter-toggle__check" aria-hidden="true">
              {notContacted && (
                <svg viewBox="0 0 12 12" width="10" height="10">
                  <path
                    d="M2.5 6.2 5 8.5l4.5-5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.8"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              )}
            </span>
            Not contacted in {NOT_CONTACTED_DAYS} days
          </button>
          <div className="segmented brands-view-switch" role="group" aria-label="View">
            <button
              type="button"
              className="segmented__item"
              aria-pressed={!board}
              onClick={() => replaceSearchParam('view', null)}
            >
              List
            </button>
            <button
              type="button"
              className="segmented__item"
              aria-pressed={board}
              onClick={() => replaceSearchParam('view', 'board')}
            >
              Board
            </button>
          </div>
        </div>
      )}

      {brands.isPending ? (
        <div className="card">
          <Spinner label="Loading brands…" />
        </div>
      ) : brands.error ? (
        <div className="card">
          <p className="banner banner--error" role="alert">
            {errorMessage(brands.error)}
          </p>
        </div>
      ) : list.length === 0 ? (
        <div className="card empty-inline">
          <p className="empty-inline__title">{filtered ? 'No brands match' : 'No brands yet'}</p>
          <p className="muted">
            {notContacted && !needle && stages.length === 0
              ? `Every active brand has been contacted in the last ${NOT_CONTACTED_DAYS} days.`
              : filtered
                ? 'Try another search or clear the filters.'
                : 'Add the brands you work with or are pitching. Each gets its own colour on the calendar.'}
          </p>
          {!filtered && canEdit && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing('new')}
            >
              Add your first brand
            </button>
          )}
        </div>
      ) : board ? (
        <BrandBoard
          brands={list}
          queryKey={keys.brandList(notContactedDays)}
          canEdit={canEdit}
          today={today}
          onOpen={setEditing}
        />
      ) : (
        <ul className="brand-grid">
          {list.map((brand) => {
            const followUpDue = brand.nextFollowUpOn !== null && brand.nextFollowUpOn <= today;
            const website = httpUrl(brand.website);
            return (
              <li key={brand.id} className="brand-card" style={{ borderTopColor: brand.color }}>
                <div className="brand-card__header">
                  <div>
                    <h2 className="brand-card__name">{brand.name}</h2>
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
                  <div>
                    <dt>Next follow-up</dt>
                    <dd className={followUpDue ? 'due' : undefined}>
                      {brand.nextFollowUpOn ? formatDay(brand.nextFollowUpOn) : '—'}
                      {followUpDue && <span className="due__tag">due</span>}
                    </dd>
                  </div>
                  <div>
                    <dt>Last contacted</dt>
                    <dd>{lastContactedLabel(brand.lastContactedOn, today)}</dd>
                  </div>
                </dl>
                <div className="brand-card__contacts">
                  <h3 className="subsection-title">Contacts</h3>
                  {brand.contacts.length === 0 ? (
                    <p className="muted small">No contacts</p>
                  ) : (
                    <ul className="contact-list">
                      {brand.contacts.map((c, i) => (
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
                </div>
                {brand.notes && <p className="brand-card__notes small">{brand.notes}</p>}
                {canEdit && (
                  <div className="brand-card__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setEditing(brand)}
                    >
                      Edit<span className="visually-hidden"> {brand.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--ghost-danger"
                      onClick={() => {
                        remove.reset();
                        setDeleting(brand);
                      }}
                    >
                      Delete<span className="visually-hidden"> {brand.name}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      {editing && (
        <BrandDialog brand={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this brand?"
          message={
            <p>
              <strong>{deleting.name}</strong> and its contacts will be deleted. This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete brand"
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() => remove.mutate(deleting.id)}
        />
      )}
    </div>
  );
}
