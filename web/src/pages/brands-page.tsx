import './brands-page.css';
import { useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Brand, BrandStage } from '../../../shared/schemas/brand';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { BrandBoard } from '../components/brand-board';
import { BrandDialog } from '../components/brand-dialog';
import { PlusIcon } from '../components/icons';
import { ConfirmDelete } from '../components/row-actions';
import { useToast } from '../components/toast';
import { useBrandList, useBrands, useDeleteBrand } from '../resources/brands';
import { keys } from '../resources/keys';
import { useNewParam } from '../hooks/use-new-param';
import { replaceSearchParam, useSearchParam } from '../hooks/use-router';
import { NOT_CONTACTED_DAYS } from '../pipeline-format';
import { todayIn } from '../time';
import { BrandCard } from './brands/brand-card';
import { BrandFilters } from './brands/brand-filters';
import { PageHeader } from '../components/ui/page-header';

/** The brands a search (name, category, a contact's name or e-mail) and the stages keep. */
function matching(all: Brand[], needle: string, stages: BrandStage[]): Brand[] {
  return all.filter(
    (b) =>
      (stages.length === 0 || stages.includes(b.stage)) &&
      (!needle ||
        b.name.toLowerCase().includes(needle) ||
        (b.category ?? '').toLowerCase().includes(needle) ||
        b.contacts.some(
          (c) => c.name.toLowerCase().includes(needle) || (c.email ?? '').includes(needle),
        )),
  );
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

  const needle = query.trim().toLowerCase();
  const list = matching(brands.data ?? [], needle, stages);
  const filtered = needle !== '' || stages.length > 0 || notContacted;
  const newButton = (label: ReactNode) => (
    <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
      {label}
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title="Brands"
        subtitle="The companies you work with, the people you talk to, and when to follow up."
        actions={
          canEdit &&
          newButton(
            <>
              <PlusIcon /> New brand
            </>,
          )
        }
      />

      {(everyBrand.data ?? []).length > 0 && (
        <BrandFilters
          query={query}
          onQuery={setQuery}
          stages={stages}
          onStages={setStages}
          notContacted={notContacted}
          onToggleNotContacted={() => setNotContacted((on) => !on)}
          board={board}
        />
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
          {!filtered && canEdit && newButton('Add your first brand')}
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
          {list.map((brand) => (
            <BrandCard
              key={brand.id}
              brand={brand}
              today={today}
              canEdit={canEdit}
              onEdit={() => setEditing(brand)}
              onDelete={() => {
                remove.reset();
                setDeleting(brand);
              }}
            />
          ))}
        </ul>
      )}

      {editing && (
        <BrandDialog brand={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this brand?"
          message={
            <p>
              <strong>{deleting.name}</strong> and its contacts will be deleted. This cannot be
              undone.
            </p>
          }
          confirmLabel="Delete brand"
          remove={remove}
          id={deleting.id}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
