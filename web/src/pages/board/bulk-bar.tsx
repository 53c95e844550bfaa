import { useState, type FormEvent } from 'react';
import type { DeliverableStatus } from '../../../../shared/schemas/deliverable';
import { DELIVERABLE_STATUS_LABELS, DELIVERABLE_STATUS_VALUES, plural } from '../../format';

export interface BulkBarProps {
  count: number;
  /** Who can be assigned. */
  team: ReadonlyArray<{ id: string; name: string }>;
  busy: boolean;
  onStatus: (status: DeliverableStatus) => void;
  onAssignee: (assigneeId: string | null) => void;
  onShift: (days: number) => void;
  onDelete: () => void;
  onClear: () => void;
}

const UNASSIGNED = '(unassigned)';

/** What can be done to the selected deliverables at once: status, assignee, dates, delete. */
export function BulkBar({
  count,
  team,
  busy,
  onStatus,
  onAssignee,
  onShift,
  onDelete,
  onClear,
}: BulkBarProps) {
  const [days, setDays] = useState('1');
  const shift = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    if (Number.isInteger(n) && n !== 0) onShift(n);
  };
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions" aria-busy={busy}>
      <p className="bulk-bar__count">
        <span>
          <strong>{plural(count, 'deliverable')}</strong> selected
        </span>
        <button type="button" className="button button--small" onClick={onClear}>
          Clear
        </button>
      </p>
      <label className="bulk-bar__field">
        <span>Status</span>
        <select
          value=""
          disabled={busy}
          onChange={(e) => {
            const status = DELIVERABLE_STATUS_VALUES.find((s) => s === e.target.value);
            if (status) onStatus(status);
          }}
        >
          <option value="">Set status…</option>
          {DELIVERABLE_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {DELIVERABLE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="bulk-bar__field">
        <span>Assignee</span>
        <select
          value=""
          disabled={busy}
          onChange={(e) => {
            if (e.target.value) onAssignee(e.target.value === UNASSIGNED ? null : e.target.value);
          }}
        >
          <option value="">Assign to…</option>
          <option value={UNASSIGNED}>Nobody (unassign)</option>
          {team.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <form className="bulk-bar__shift" onSubmit={shift}>
        <label className="bulk-bar__field">
          <span>Shift dates by (days, − for earlier)</span>
          <input
            type="number"
            step={1}
            min={-366}
            max={366}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--small" disabled={busy}>
          Shift
        </button>
      </form>
      <button
        type="button"
        className="button button--small button--ghost-danger"
        disabled={busy}
        onClick={onDelete}
      >
        Delete…
      </button>
    </div>
  );
}
