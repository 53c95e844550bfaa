import './packages-section.css';
import { useState } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import { packageSize, type DealPackage } from '../../../../shared/schemas/package';
import { CardAction, CardSection } from '../../components/lists/card-section';
import { QueryState } from '../../components/query-state';
import { ConfirmDelete, EditDeleteButtons } from '../../components/row-actions';
import { useToast } from '../../components/toast';
import { EmptyInline } from '../../components/ui/empty-inline';
import { PLATFORM_LABELS } from '../../format';
import { useDeletePackage, usePackages } from '../../resources/packages';
import { PackageDialog } from './package-dialog';

const CONFIRM = { title: 'Delete this package?', confirmLabel: 'Delete package' };
const KEPT = 'Deliverables it already planned stay.';

/** "1 TikTok day 0 (draft 3 days before) · 3 Instagram days 2–4". */
function describe(pkg: DealPackage): string {
  return pkg.items
    .map((item) => {
      const days =
        item.count > 1 ? `days ${item.day}–${item.day + item.count - 1}` : `day ${item.day}`;
      const draft = item.draftDaysBefore === null ? '' : `, draft ${item.draftDaysBefore}d before`;
      return `${item.count} ${PLATFORM_LABELS[item.platform]} ${days}${draft}`;
    })
    .join(' · ');
}

/** Deal packages: reusable sets of deliverables; the owner edits them, everyone applies them. */
export function PackagesSection({ user }: { user: User }) {
  const packages = usePackages();
  const toast = useToast();
  const canEdit = user.role === 'owner';
  const [editing, setEditing] = useState<{ pkg: DealPackage | null } | null>(null);
  const [deleting, setDeleting] = useState<DealPackage | null>(null);
  const remove = useDeletePackage({
    onSuccess: () => {
      toast.success('Package deleted', KEPT);
      setDeleting(null);
    },
  });
  return (
    <CardSection
      title="Deal packages"
      intro="Reusable sets of deliverables with day offsets, applied when you create a deal or from a deal's page."
      actions={
        canEdit && <CardAction onClick={() => setEditing({ pkg: null })}>New package</CardAction>
      }
    >
      <QueryState query={packages}>
        {(list) =>
          list.length === 0 ? (
            <EmptyInline title="No packages yet">
              {canEdit
                ? 'Save the deals you sell again and again, e.g. one TikTok and three stories.'
                : 'The owner can save the deals you sell again and again here.'}
            </EmptyInline>
          ) : (
            <ul className="package-list">
              {list.map((pkg) => (
                <li key={pkg.id} className="package-list__item">
                  <div className="package-list__main">
                    <strong>{pkg.name}</strong>
                    <span className="muted small">
                      {packageSize(pkg.items)} deliverables at {pkg.publishTime}
                      {pkg.usageRightsDays ? ` · usage ${pkg.usageRightsDays} days` : ''}
                    </span>
                    <span className="muted small">{describe(pkg)}</span>
                  </div>
                  {canEdit && (
                    <span className="package-list__actions">
                      <EditDeleteButtons
                        name={pkg.name}
                        onEdit={() => setEditing({ pkg })}
                        onDelete={() => {
                          remove.reset();
                          setDeleting(pkg);
                        }}
                      />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {editing && <PackageDialog pkg={editing.pkg} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDelete
          {...CONFIRM}
          message={<p>{`“${deleting.name}” will no longer be offered. ${KEPT}`}</p>}
          remove={remove}
          id={deleting.id}
          onCancel={() => setDeleting(null)}
        />
      )}
    </CardSection>
  );
}
