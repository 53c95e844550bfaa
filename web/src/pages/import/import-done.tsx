import type { ImportResult } from '../../../../shared/schemas/imports';
import { Link } from '../../components/link';
import { plural } from '../../format';

/** Step 3: what the import created, and where to go next. */
export function ImportDone({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { created } = result;
  const extras = [
    created.deals > 0 ? plural(created.deals, 'new deal') : null,
    created.brands > 0 ? plural(created.brands, 'new brand') : null,
  ].filter(Boolean);
  return (
    <section className="card empty-state import-done" aria-labelledby="import-done-title">
      <span className="import-done__icon" aria-hidden="true">
        ✓
      </span>
      <h2 id="import-done-title" className="empty-state__title">
        Imported {plural(created.deliverables, 'deliverable')}
      </h2>
      <p className="empty-state__text">
        {extras.length > 0
          ? `${extras.join(' and ')} ${created.deals + created.brands === 1 ? 'was' : 'were'} created; brands and deals you already had were reused by name.`
          : 'They were added to brands and deals you already had.'}{' '}
        Those with a draft due date or go-live are on the calendar.
      </p>
      <div className="empty-state__actions">
        <Link href="/" className="button button--primary">
          Open the calendar
        </Link>
        <Link href="/deals" className="button">
          See the deals
        </Link>
        <button type="button" className="button" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </section>
  );
}
