import { navigate } from '../hooks/use-router';
import { Dialog } from './dialog';

/** A deal needs a brand: said instead of the form while there is none. */
export function AddBrandFirst({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <div className="notice">
        <p className="notice__title">Add a brand first</p>
        <p>
          A deal is an agreement with a brand. Add the brand you are working with, then come back to
          record the deal.
        </p>
        <div className="notice__actions">
          <a
            className="button button--primary"
            href="/brands?new=1"
            onClick={(e) => {
              e.preventDefault();
              onClose();
              navigate('/brands?new=1');
            }}
          >
            Add a brand
          </a>
        </div>
      </div>
    </Dialog>
  );
}
