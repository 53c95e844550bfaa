import { Link } from './link';

/** What an editor or viewer sees at an owner's page (say, from an old bookmark). */
export function OwnerOnly({ what }: { what: string }) {
  return (
    <div className="page">
      <div className="card empty-inline">
        <p className="empty-inline__title">Only the workspace owner can see {what}</p>
        <p className="muted">Ask your workspace owner if you need something changed here.</p>
        <Link href="/" className="button button--primary">
          Back to the calendar
        </Link>
      </div>
    </div>
  );
}
