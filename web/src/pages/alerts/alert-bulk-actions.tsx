import type { Alert } from '../../../../shared/schemas/alert';
import { errorMessage } from '../../api';
import { useToast } from '../../components/toast';
import { plural } from '../../format';
import { useAcknowledgeAlerts } from '../../resources/bulk';

export interface AlertBulkActionsProps {
  /** The alerts listed, and which of them are checked. */
  items: Alert[];
  selected: ReadonlySet<string>;
  /** Whether "Acknowledge all open" applies (the Open tab). */
  openTab: boolean;
  onDone: () => void;
}

/** "Acknowledge selected" and "Acknowledge all open": for editors and owners. */
export function AlertBulkActions({ items, selected, openTab, onDone }: AlertBulkActionsProps) {
  const toast = useToast();
  const ack = useAcknowledgeAlerts();
  const ids = items.filter((a) => selected.has(a.id) && !a.acknowledgedAt).map((a) => a.id);
  const send = (body: { ids: string[] } | { all: true }) =>
    ack.mutate(body, {
      onSuccess: ({ acknowledged }) => {
        toast.success(`${plural(acknowledged, 'alert')} acknowledged`);
        onDone();
      },
      onError: (error) => toast.error('Could not acknowledge the alerts', errorMessage(error)),
    });
  if (ids.length === 0 && !(openTab && items.length > 0)) return null;
  return (
    <div className="alert-bulk" role="group" aria-label="Acknowledge many">
      {ids.length > 0 && (
        <button
          type="button"
          className="button button--small button--primary"
          disabled={ack.isPending}
          onClick={() => send({ ids })}
        >
          Acknowledge selected ({ids.length})
        </button>
      )}
      {openTab && items.length > 0 && (
        <button
          type="button"
          className="button button--small"
          disabled={ack.isPending}
          onClick={() => send({ all: true })}
        >
          Acknowledge all open
        </button>
      )}
    </div>
  );
}

/** A row's checkbox, for acknowledging several at once. */
export function AlertCheckbox({
  alert,
  checked,
  onChange,
}: {
  alert: Alert;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  if (alert.acknowledgedAt) return null;
  return (
    <input
      type="checkbox"
      className="alert-row__check"
      aria-label={`Select: ${alert.message}`}
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}
