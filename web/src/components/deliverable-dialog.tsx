import './deliverable-dialog.css';
import type { User } from '../../../shared/schemas/auth';
import type { Deliverable } from '../../../shared/schemas/deliverable';
import { errorMessage, isApiError } from '../api';
import { useBrands } from '../resources/brands';
import { useAllDeals } from '../resources/deals';
import { useDeliverable } from '../resources/deliverables';
import { useTeam } from '../resources/users';
import { navigate } from '../hooks/use-router';
import { Spinner } from './badges';
import { DeliverableForm } from './deliverable/deliverable-form';
import type { DeliverableDefaults, SavedDeliverable } from './deliverable/form-state';
import { Dialog } from './dialog';

export type { DeliverableDefaults, SavedDeliverable };

export interface DeliverableDialogProps {
  user: User;
  /** null to create a new deliverable. */
  deliverableId: string | null;
  /** What the caller already has (a calendar event's copy): shown while the fresh one loads. */
  initial?: Deliverable;
  defaults?: DeliverableDefaults;
  onClose: () => void;
  onSaved?: (deliverable: SavedDeliverable, created: boolean) => void;
  onDeleted?: (id: string) => void;
}

/** Create or edit one deliverable: every field, in the user's time zone, with delete. */
export function DeliverableDialog(props: DeliverableDialogProps) {
  const { deliverableId, initial, onClose, user } = props;
  const deals = useAllDeals();
  const brands = useBrands();
  const team = useTeam();
  const existing = useDeliverable(deliverableId, initial);
  const isEdit = deliverableId !== null;
  const title = isEdit
    ? user.role === 'viewer'
      ? 'Deliverable'
      : 'Edit deliverable'
    : 'New deliverable';

  if (deals.isPending || (isEdit && existing.isPending)) {
    return (
      <Dialog title={title} onClose={onClose}>
        <Spinner />
      </Dialog>
    );
  }
  const loadError = deals.error ?? (isEdit ? existing.error : null);
  if (loadError || !deals.data) {
    return (
      <Dialog title={title} onClose={onClose}>
        <p className="banner banner--error" role="alert">
          {isApiError(loadError, 404)
            ? 'This deliverable no longer exists.'
            : errorMessage(loadError)}
        </p>
      </Dialog>
    );
  }
  if (!isEdit && deals.data.length === 0) {
    return (
      <NoDealsYet title={title} hasBrands={(brands.data?.length ?? 0) > 0} onClose={onClose} />
    );
  }

  return (
    <DeliverableForm
      key={existing.data ? `${existing.data.id}@${existing.data.version}` : 'new'}
      {...props}
      title={title}
      deals={deals.data}
      team={team.data ?? []}
      existing={existing.data ?? null}
      reload={() => void existing.refetch()}
    />
  );
}

/** A deliverable belongs to a deal: said instead of the form while there is none. */
function NoDealsYet({
  title,
  hasBrands,
  onClose,
}: {
  title: string;
  hasBrands: boolean;
  onClose: () => void;
}) {
  const [path, label] = hasBrands
    ? ['/deals?new=1', 'Create a deal']
    : ['/brands?new=1', 'Add a brand'];
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <div className="notice">
        <p className="notice__title">You have no deals yet</p>
        <p>
          Every deliverable belongs to a deal with a brand.{' '}
          {hasBrands
            ? 'Create a deal first, then plan its posts here.'
            : 'Add a brand, then a deal, then plan its posts here.'}
        </p>
        <div className="notice__actions">
          <a
            className="button button--primary"
            href={path}
            onClick={(e) => {
              e.preventDefault();
              onClose();
              navigate(path);
            }}
          >
            {label}
          </a>
        </div>
      </div>
    </Dialog>
  );
}
