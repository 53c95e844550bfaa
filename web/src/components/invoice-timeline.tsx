import type { Invoice } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { formatInstant } from '../format';
import { useInvoiceEvents } from '../resources/invoice-sending';
import { describeInvoiceEvent, eventActor } from '../invoice-events';
import { Spinner } from './badges';

/** What happened to an invoice, newest first: sent, reminded, the payer's notice, paid… */
export function InvoiceTimeline({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const events = useInvoiceEvents(invoice.id);
  if (events.isPending) return <Spinner label="Loading the timeline…" />;
  if (events.error) {
    return (
      <p className="banner banner--error" role="alert">
        {errorMessage(events.error)}
      </p>
    );
  }
  if (events.data.length === 0) return <p className="muted small">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" data-testid="invoice-timeline">
      {events.data.map((event) => {
        const line = describeInvoiceEvent(event, invoice.currency);
        return (
          <li key={event.id} className={`timeline__item timeline__item--${line.tone}`}>
            <p className="timeline__text">{line.text}</p>
            {line.detail && <p className="timeline__detail">{line.detail}</p>}
            <p className="timeline__meta">
              <time dateTime={event.at}>{formatInstant(event.at, timeZone)}</time> ·{' '}
              {eventActor(event)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
