import './requests-page.css';
import { useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  REQUEST_STATUSES,
  type BrandRequest,
  type BrandRequestDetail,
  type RequestStatus,
} from '../../../shared/schemas/request';
import { EmptyInline } from '../components/ui/empty-inline';
import { PageHeader } from '../components/ui/page-header';
import { QueryState } from '../components/query-state';
import { Link } from '../components/link';
import { formatDay, formatInstant, formatMoney } from '../format';
import { replaceSearchParam, useSearchParam } from '../hooks/use-router';
import { useRequest, useRequests } from '../resources/requests';
import { AcceptDialog, DeclineDialog, SpamDialog } from './requests/request-dialogs';
import { Segmented } from '../components/ui/segmented';

const STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'New',
  accepted: 'Accepted',
  declined: 'Declined',
  spam: 'Spam',
};

function budgetText(r: BrandRequest): string {
  if (r.budgetCents === null || r.currency === null) return '—';
  const low = formatMoney(r.budgetCents, r.currency);
  return r.budgetMaxCents === null ? low : `${low} – ${formatMoney(r.budgetMaxCents, r.currency)}`;
}

function datesText(r: BrandRequest): string {
  if (!r.datesFrom) return '—';
  return r.datesTo ? `${formatDay(r.datesFrom)} – ${formatDay(r.datesTo)}` : formatDay(r.datesFrom);
}

type Decision = 'accept' | 'decline' | 'spam';

function RequestDetail({ request, user }: { request: BrandRequestDetail; user: User }) {
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const canDecide = user.role !== 'viewer' && request.status === 'new';
  const facts: Array<[string, string]> = [
    ['Contact', `${request.name} <${request.email}>`],
    ['Website', request.website ?? '—'],
    ['Budget', budgetText(request)],
    ['Dates', datesText(request)],
    ['Usage rights', request.usageRights || '—'],
    ['Exclusivity', request.exclusivity || '—'],
  ];
  return (
    <article className="card request-detail" aria-labelledby="request-title">
      <h2 id="request-title">{request.company}</h2>
      <p className="muted">
        Received {formatInstant(request.createdAt, user.effectiveTimeZone)} ·{' '}
        {STATUS_LABELS[request.status]}
      </p>
      {request.suggestedBrand && request.status === 'new' && (
        <p className="banner banner--info">
          Looks like <strong>{request.suggestedBrand.name}</strong>, a brand you know.
        </p>
      )}
      <dl className="request-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {request.items.length > 0 && (
        <>
          <h3>Requested items</h3>
          <ul className="request-items">
            {request.items.map((item) => (
              <li key={item.rateCardIndex}>
                {item.quantity} × {item.description} ·{' '}
                {formatMoney(item.unitCents * item.quantity, item.currency)}
              </li>
            ))}
          </ul>
        </>
      )}
      {request.want && (
        <>
          <h3>What they want</h3>
          <p className="request-text">{request.want}</p>
        </>
      )}
      {request.message && (
        <>
          <h3>Message</h3>
          <p className="request-text">{request.message}</p>
        </>
      )}
      {request.dealId && (
        <p>
          <Link href={`/deals/${encodeURIComponent(request.dealId)}`}>Open the deal</Link>
        </p>
      )}
      {canDecide && (
        <div className="request-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setDeciding('accept')}
          >
            Accept
          </button>
          <button type="button" className="button" onClick={() => setDeciding('decline')}>
            Decline
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => setDeciding('spam')}
          >
            Spam
          </button>
        </div>
      )}
      {deciding === 'accept' && (
        <AcceptDialog request={request} onClose={() => setDeciding(null)} />
      )}
      {deciding === 'decline' && (
        <DeclineDialog request={request} onClose={() => setDeciding(null)} />
      )}
      {deciding === 'spam' && <SpamDialog request={request} onClose={() => setDeciding(null)} />}
    </article>
  );
}

function SelectedRequest({ id, user }: { id: string; user: User }) {
  const request = useRequest(id);
  return (
    <QueryState query={request}>{(r) => <RequestDetail request={r} user={user} />}</QueryState>
  );
}

/** The inbox of what brands sent through the "Work with me" form. */
export default function RequestsPage({ user }: { user: User }) {
  const [state, setState] = useState<RequestStatus>('new');
  const list = useRequests(state, { poll: true });
  const selected = useSearchParam('request');
  const choose = (id: string | null) => replaceSearchParam('request', id);
  return (
    <div className="page requests-page">
      <PageHeader title="Requests" subtitle="What brands sent through your “Work with me” form." />
      <Segmented
        tabs
        label="Status"
        options={REQUEST_STATUSES}
        value={state}
        onChange={setState}
        words={(status) => (
          <>
            {STATUS_LABELS[status]}
            {list.data ? ` (${list.data.counts[status]})` : ''}
          </>
        )}
      />
      <div className="requests-layout">
        <div className="card">
          <QueryState query={list}>
            {({ items }) =>
              items.length === 0 ? (
                <EmptyInline title={`No ${STATUS_LABELS[state].toLowerCase()} requests`}>
                  Share your media kit’s request form (Media kit → Work with me) in your bio.
                </EmptyInline>
              ) : (
                <ul className="request-list" aria-label={`${STATUS_LABELS[state]} requests`}>
                  {items.map((r) => (
                    <li key={r.id}>
                      <button
                        type="button"
                        className="request-row"
                        aria-current={r.id === selected ? 'true' : undefined}
                        onClick={() => choose(r.id)}
                      >
                        <strong>{r.company}</strong>
                        <span className="muted">
                          {r.name} · {budgetText(r)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
        {selected ? (
          <SelectedRequest key={selected} id={selected} user={user} />
        ) : (
          <p className="muted request-hint">Choose a request to read it in full.</p>
        )}
      </div>
    </div>
  );
}
