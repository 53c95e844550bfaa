import { useState, type FormEvent } from 'react';
import type { DeliverableStatus } from '../../../../shared/schemas/deliverable';
import { ActionSelect } from '../../components/ui/action-select';
import { DELIVERABLE_STATUS_LABELS, DELIVERABLE_STATUS_VALUES, plural } from '../../format';
import { DangerButton } from '../../components/row-actions';

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

/** Every status, as the bulk bar and a card's "Move to…" offer them. */
export const STATUS_CHOICES = DELIVERABLE_STATUS_VALUES.map((value) => ({
  value,
  label: DELIVERABLE_STATUS_LABELS[value],
}));

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
        <ActionSelect
          prompt="Set status…"
          choices={STATUS_CHOICES}
          disabled={busy}
          onPick={onStatus}
        />
      </label>
      <label className="bulk-bar__field">
        <span>Assignee</span>
        <ActionSelect
          prompt="Assign to…"
          choices={[
            { value: UNASSIGNED, label: 'Nobody (unassign)' },
            ...team.map((m) => ({ value: m.id, label: m.name })),
          ]}
          disabled={busy}
          onPick={(id) => onAssignee(id === UNASSIGNED ? null : id)}
        />
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
        <input type="submit" className="button button--small" value="Shift" disabled={busy} />
      </form>
      <DangerButton disabled={busy} onClick={onDelete}>
        Delete…
      </DangerButton>
    </div>
  );
}
