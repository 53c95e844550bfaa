import './audit-page.css';
import { useMemo, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import { OwnerOnly } from '../components/owner-only';
import { useAuditLog } from '../resources/audit';
import {
  AuditFilters,
  isFiltered,
  NO_FILTERS,
  toAuditFilter,
  type FilterInputs,
} from './audit/audit-filters';
import { AuditRow } from './audit/audit-row';
import { TableHead } from '../components/lists/table-head';
import { PageHeader } from '../components/ui/page-header';
import { EmptyInline } from '../components/ui/empty-inline';
import { LoadMore } from '../components/ui/load-more';
import { QueryState } from '../components/query-state';

/** The owner's record of who changed what: newest first, filterable, paged back in time. */
export default function AuditPage({ user }: { user: User }) {
  if (user.role !== 'owner') return <OwnerOnly what="the audit log" />;
  return <AuditLog user={user} />;
}

function AuditLog({ user }: { user: User }) {
  const timeZone = user.effectiveTimeZone;
  const [inputs, setInputs] = useState<FilterInputs>(NO_FILTERS);

  // Days are read in the owner's zone: "to" includes the whole of its day.
  const filter = useMemo(() => toAuditFilter(inputs, timeZone), [inputs, timeZone]);
  const audit = useAuditLog(filter);
  const entries = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const filtered = isFiltered(inputs);

  return (
    <div className="page page--audit">
      <PageHeader
        title="Audit log"
        subtitle={`Who changed what, newest first. Times in ${timeZone.replace(/_/g, ' ')}.`}
      />

      <AuditFilters inputs={inputs} onChange={setInputs} />

      <section className="card card--flush" aria-label="Audit entries">
        <QueryState
          query={audit}
          loadingLabel="Loading the audit log…"
          errorClassName="card__title-pad"
        >
          {() =>
            entries.length === 0 ? (
              <EmptyInline
                title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
              >
                {filtered
                  ? 'Try clearing a filter.'
                  : 'Every change to brands, deals, deliverables, invoices and the team shows up here.'}
              </EmptyInline>
            ) : (
              <>
                <table className="table table--responsive audit-table">
                  <TableHead columns={['When', 'Who', 'Action', 'What', 'Changes']} />
                  <tbody>
                    {entries.map((entry) => (
                      <AuditRow key={entry.id} entry={entry} timeZone={timeZone} />
                    ))}
                  </tbody>
                </table>
                <LoadMore query={audit} className="alert-list__more" label="Load older" />
              </>
            )
          }
        </QueryState>
      </section>
    </div>
  );
}
