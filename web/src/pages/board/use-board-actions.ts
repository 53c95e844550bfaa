import { useCallback } from 'react';
import type { BulkAction } from '../../../../shared/schemas/bulk';
import type { DeliverableStatus } from '../../../../shared/schemas/deliverable';
import { errorMessage, isApiError } from '../../api';
import { useToast } from '../../components/toast';
import { DELIVERABLE_STATUS_LABELS, plural } from '../../format';
import {
  useBulkAction,
  useMoveOnBoard,
  useRestoreDeliverables,
  type BoardItem,
  type BoardQuery,
} from '../../resources/bulk';

/** The toast's title for a bulk action done to `count` deliverables. */
function doneTitle(action: BulkAction, count: number): string {
  const what = plural(count, 'deliverable');
  switch (action.type) {
    case 'status':
      return `${what} set to ${DELIVERABLE_STATUS_LABELS[action.status]}`;
    case 'assignee':
      return action.assigneeId ? `${what} reassigned` : `${what} unassigned`;
    case 'shift':
      return `${what} moved ${plural(Math.abs(action.days), 'day')} ${action.days > 0 ? 'later' : 'earlier'}`;
    case 'delete':
      return `${what} deleted`;
  }
}

/** Why a board write was refused, in the calendar's words. */
function refusal(error: unknown): [string, string?] {
  if (isApiError(error, 409)) {
    return [
      'Someone else changed these deliverables — reloaded',
      `${errorMessage(error)} Their version is on the board now.`,
    ];
  }
  if (isApiError(error, 404)) return ['This deliverable was deleted by someone else — reloaded'];
  return ['Could not change the deliverables', errorMessage(error)];
}

/**
 * The board's writes with their toasts: a bulk action (then `onDone`, say to
 * clear the selection) and a card's move, each undoable from its toast.
 */
export function useBoardActions(query: BoardQuery, onDone: () => void) {
  const toast = useToast();
  const bulk = useBulkAction();
  const restore = useRestoreDeliverables();
  const moveOnBoard = useMoveOnBoard(query);

  const run = (items: BoardItem[], action: BulkAction) =>
    bulk.mutate(
      { items, action },
      {
        onSuccess: (answer) => {
          toast.undoable(doneTitle(action, answer.items.length), () => restore(answer));
          onDone();
        },
        onError: (error) => toast.error(...refusal(error)),
      },
    );

  const move = useCallback(
    async (item: BoardItem, status: DeliverableStatus) => {
      try {
        const saved = await moveOnBoard({ item, status });
        toast.undoable(
          `“${item.title}” moved to ${DELIVERABLE_STATUS_LABELS[status]}`,
          // Back to where it was, at the version the move left: a change since is not overwritten.
          () => moveOnBoard({ item: saved, status: item.status }),
        );
      } catch (error) {
        const [title, message] = refusal(error);
        toast.error(
          isApiError(error, 409) ? 'Someone else changed this deliverable — reloaded' : title,
          isApiError(error, 409)
            ? 'Their version is on the board now. Try the move again.'
            : message,
        );
      }
    },
    [moveOnBoard, toast],
  );

  return { run, move, busy: bulk.isPending };
}
