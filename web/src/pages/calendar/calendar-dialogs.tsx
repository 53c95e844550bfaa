import { lazy, Suspense, useEffect } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import type { Deliverable } from '../../../../shared/schemas/deliverable';
import type { DeliverableDefaults } from '../../components/deliverable-dialog';

// The dialog (and zod with its schemas) loads on first use, or once the calendar is idle.
const loadDeliverableDialog = () => import('../../components/deliverable-dialog');
const DeliverableDialog = lazy(() =>
  loadDeliverableDialog().then((m) => ({ default: m.DeliverableDialog })),
);

const SubscribeDialog = lazy(() =>
  import('../../components/subscribe-dialog').then((m) => ({ default: m.SubscribeDialog })),
);

/** Loads the deliverable dialog's code once the calendar has been idle a moment. */
export function usePreloadDeliverableDialog(): void {
  useEffect(() => {
    const id = window.setTimeout(() => void loadDeliverableDialog(), 1500);
    return () => window.clearTimeout(id);
  }, []);
}

/** Which deliverable the calendar's dialog shows: null `id` creates one. */
export interface DialogTarget {
  id: string | null;
  /** The event it was opened from: focus goes back to it when the dialog closes. */
  from?: { id: string; kind: 'publish' | 'draft' };
  defaults?: DeliverableDefaults;
  initial?: Deliverable;
}

export interface CalendarDeliverableDialogProps {
  user: User;
  dialog: DialogTarget | null;
  /** The deliverable `?deliverable=<id>` links to, shown when no other dialog is open. */
  linkedId: string | null;
  onClose: () => void;
  /** Closes the dialog `?deliverable=<id>` opened. */
  onCloseLinked: () => void;
  onChanged: () => void;
}

/** The deliverable dialog the calendar opened, or the one its URL links to. */
export function CalendarDeliverableDialog({
  user,
  dialog,
  linkedId,
  onClose,
  onCloseLinked,
  onChanged,
}: CalendarDeliverableDialogProps) {
  if (!dialog && !linkedId) return null;
  return (
    <Suspense fallback={null}>
      <DeliverableDialog
        // The calendar's own dialog and the linked one are different dialogs: each mounts anew.
        key={dialog ? 'calendar' : `linked:${linkedId}`}
        user={user}
        deliverableId={dialog ? dialog.id : linkedId}
        {...(dialog?.defaults ? { defaults: dialog.defaults } : {})}
        {...(dialog?.initial ? { initial: dialog.initial } : {})}
        onClose={dialog ? onClose : onCloseLinked}
        onSaved={onChanged}
        onDeleted={onChanged}
      />
    </Suspense>
  );
}

/** The calendar feed's dialog, loaded on first use. */
export function CalendarSubscribeDialog({
  user,
  open,
  onClose,
}: {
  user: User;
  open: boolean;
  onClose: () => void;
}) {
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SubscribeDialog user={user} onClose={onClose} />
    </Suspense>
  );
}
