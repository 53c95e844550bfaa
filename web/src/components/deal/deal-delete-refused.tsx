import { Dialog } from '../dialog';

export interface DealDeleteRefusedProps {
  /** Why the server would refuse the delete, in its words. */
  reason: string;
  onClose: () => void;
}

/** Shown instead of the delete confirmation when the delete would be refused: the reason, no delete button. */
export function DealDeleteRefused({ reason, onClose }: DealDeleteRefusedProps) {
  return (
    <Dialog
      title="This deal cannot be deleted"
      onClose={onClose}
      size="small"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="confirm">
        <p className="confirm__message">{reason}</p>
      </div>
    </Dialog>
  );
}
