import { plural } from '../../format';
import { ConfirmDelete, type DeleteMutation } from '../row-actions';

export interface ConfirmDeleteDealProps {
  id: string;
  title: string;
  /** Named in the message when given ("… with Acme will be deleted"). */
  brandName?: string;
  /** How many deliverables go with it. */
  deliverables: number;
  remove: DeleteMutation;
  onCancel: () => void;
}

/** "Delete this deal?", saying how many deliverables go with it. */
export function ConfirmDeleteDeal({
  id,
  title,
  brandName,
  deliverables,
  remove,
  onCancel,
}: ConfirmDeleteDealProps) {
  return (
    <ConfirmDelete
      title="Delete this deal?"
      message={
        <p>
          <strong>{title}</strong>
          {brandName !== undefined && ` with ${brandName}`} will be deleted
          {deliverables > 0 ? `, together with its ${plural(deliverables, 'deliverable')}` : ''}.
          This cannot be undone.
        </p>
      }
      confirmLabel="Delete deal"
      remove={remove}
      id={id}
      onCancel={onCancel}
    />
  );
}
