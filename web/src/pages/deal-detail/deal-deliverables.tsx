import { useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { User } from '../../../../shared/schemas/auth';
import type { Deliverable } from '../../../../shared/schemas/deliverable';
import { PlatformBadge, StatusChip } from '../../components/badges';
import { FORMAT_LABELS, formatInstant } from '../../format';
import { useTeam } from '../../resources/users';
import { CardAction, CardSection } from '../../components/lists/card-section';
import { QueryList } from '../../components/query-state';

export interface DealDeliverablesProps {
  user: User;
  /** The deal's deliverables query. */
  query: UseQueryResult<Deliverable[]>;
  /** Opens the deliverable dialog: null adds one. */
  onOpen: (id: string | null) => void;
  /** Opens "Apply a deal package". */
  onApplyPackage: () => void;
}

/** The deal's posts: platform, title, format, dates, assignee and status; Add for editors. */
export function DealDeliverables({ user, query, onOpen, onApplyPackage }: DealDeliverablesProps) {
  const canEdit = user.role !== 'viewer';
  const timeZone = user.effectiveTimeZone;
  const team = useTeam();
  const memberName = useMemo(
    () => new Map((team.data ?? []).map((m) => [m.id, m.name])),
    [team.data],
  );
  return (
    <CardSection
      title="Deliverables"
      actions={
        canEdit && (
          <span className="section-header__actions">
            <button type="button" className="button button--small" onClick={onApplyPackage}>
              Apply package
            </button>
            <CardAction onClick={() => onOpen(null)}>Add deliverable</CardAction>
          </span>
        )
      }
    >
      <QueryList
        query={query}
        className="deliverable-list"
        empty={<p className="muted">No deliverables yet. Add the posts this deal asks for.</p>}
      >
        {(x) => (
          <li key={x.id}>
            <button type="button" className="deliverable-row" onClick={() => onOpen(x.id)}>
              <PlatformBadge platform={x.platform} />
              <span className="deliverable-row__main">
                <span className="deliverable-row__title">{x.title}</span>
                <span className="muted small">
                  {FORMAT_LABELS[x.format]}
                  {x.draftDueAt && ` · Draft ${formatInstant(x.draftDueAt, timeZone)}`}
                  {` · Go-live ${x.publishAt ? formatInstant(x.publishAt, timeZone) : 'not scheduled'}`}
                  {x.assigneeId && ` · ${memberName.get(x.assigneeId) ?? 'Former member'}`}
                </span>
              </span>
              <StatusChip status={x.status} />
            </button>
          </li>
        )}
      </QueryList>
    </CardSection>
  );
}
