import type { ReactNode } from 'react';
import { FeedIcon, PlusIcon } from '../../components/icons';
import { PageHeader } from '../../components/ui/page-header';

export interface CalendarHeaderProps {
  timeZone: string;
  /** The filters, once the calendar itself is shown (with the legend); null before. */
  filters: ReactNode;
  showInvoices: boolean;
  loading: boolean;
  canEdit: boolean;
  onSubscribe: () => void;
  onNew: () => void;
}

/** "Calendar", its zone, legend and loading note; filters, Subscribe and New deliverable. */
export function CalendarHeader({
  timeZone,
  filters,
  showInvoices,
  loading,
  canEdit,
  onSubscribe,
  onNew,
}: CalendarHeaderProps) {
  return (
    <PageHeader
      title="Calendar"
      subtitle={
        <>
          <span>Times in {timeZone.replace(/_/g, ' ')}</span>
          {filters && <Legend showInvoices={showInvoices} />}
          {loading && (
            <span className="inline-loading" role="status">
              Loading…
            </span>
          )}
        </>
      }
      actions={
        <>
          {filters}
          <button
            type="button"
            className="button"
            onClick={onSubscribe}
            title="See these dates in Google Calendar, Apple Calendar or Outlook"
          >
            <FeedIcon /> Subscribe
          </button>
          {canEdit && (
            <button type="button" className="button button--primary" onClick={onNew}>
              <PlusIcon /> New deliverable
            </button>
          )}
        </>
      }
    />
  );
}

function Legend({ showInvoices }: { showInvoices: boolean }) {
  return (
    <span className="legend" aria-hidden="true">
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--publish" /> Go-live
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--draft" /> Draft due
      </span>
      {showInvoices && (
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--invoice" /> Invoice due
        </span>
      )}
      <span className="legend__item">
        <span className="legend__chip legend__chip--overdue">Overdue</span> past due, not done
      </span>
      <span className="legend__item">
        <span className="legend__chip legend__chip--due-soon">Due soon</span> within the lead time
      </span>
      <span className="legend__item">
        <span className="legend__swatch legend__swatch--done" /> Published
      </span>
    </span>
  );
}
