import './requests-page.css';
import { useState, type ComponentType } from 'react';
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
import {
  AcceptDialog,
  DeclineDialog,
  SpamDialog,
  type DialogProps,
} from './requests/request-dialogs';
import { DescriptionItem } from '../components/ui/description-item';
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

/** Each answer to a new request: its button, and the dialog that asks for the rest. */
const DECISIONS: readonly {
  label: string;
  className: string;
  Dialog: ComponentType<DialogProps>;
}[] = [
  { label: 'Accept', className: 'button button--primary', Dialog: AcceptDialog },
  { label: 'Decline', className: 'button', Dialog: DeclineDialog },
  { label: 'Spam', className: 'button button--ghost', Dialog: SpamDialog },
];

function RequestDetail({ request, user }: { request: BrandRequestDetail; user: User }) {
  const [deciding, setDeciding] = useState<(typeof DECISIONS)[number] | null>(null);
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
          <DescriptionItem key={label} term={label}>
            {value}
          </DescriptionItem>
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
          {DECISIONS.map((decision) => (
            <button
              key={decision.label}
              type="button"
              className={decision.className}
              onClick={() => setDeciding(decision)}
            >
              {decision.label}
            </button>
          ))}
        </div>
      )}
      {deciding && <deciding.Dialog request={request} onClose={() => setDeciding(null)} />}
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
