import './deliverable-form.css';
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { User } from '../../../../shared/schemas/auth';
import type { Warning } from '../../../../shared/schemas/common';
import type { Deal } from '../../../../shared/schemas/deal';
import {
  deliverableCreateSchema,
  deliverablePatchSchema,
  type Deliverable,
} from '../../../../shared/schemas/deliverable';
import { isApiError } from '../../api';
import { formatInstant } from '../../format';
import { FormFooter } from '../../forms/form-footer';
import { useSchemaForm } from '../../forms/use-schema-form';
import { useRestoreDeliverables } from '../../resources/bulk';
import { useDeleteDeliverable, useSaveDeliverable } from '../../resources/deliverables';
import { ConfirmDialog, Dialog } from '../dialog';
import { FormBanner } from '../field';
import { ReviewLinksSection } from '../review-links-section';
import { useToast } from '../toast';
import { DeliverableFields, type TeamMember } from './deliverable-fields';
import { DraftLinksFieldset } from './draft-links-fieldset';
import { DuplicateDialog } from './duplicate-dialog';
import {
  newState,
  stateFrom,
  toPayload,
  type DeliverableDefaults,
  type SavedDeliverable,
} from './form-state';
import { MetricsDetails } from './metrics-details';
import { RepeatFieldset, useRepeat } from './repeat-fieldset';

export interface DeliverableFormProps {
  user: User;
  title: string;
  defaults?: DeliverableDefaults;
  deals: Deal[];
  team: TeamMember[];
  existing: Deliverable | null;
  reload: () => void;
  onClose: () => void;
  onSaved?: (deliverable: SavedDeliverable, created: boolean) => void;
  onDeleted?: (id: string) => void;
}

/** Nothing to parse: `check` then shows only the issues it is given. */
const NOTHING = z.unknown();

const PROOF_OF_POST = {
  path: ['liveUrl'],
  message: 'Add the live URL of the post to mark it published (proof of post)',
};

/** The deliverable's form in its dialog: save, delete (confirmed), and a stale-copy banner. */
export function DeliverableForm({
  user,
  title,
  defaults,
  deals,
  team,
  existing,
  reload,
  onClose,
  onSaved,
  onDeleted,
}: DeliverableFormProps) {
  const timeZone = user.effectiveTimeZone;
  const readOnly = user.role === 'viewer';
  const formId = useId();
  const toast = useToast();
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const form = useSchemaForm(
    () =>
      existing
        ? stateFrom(existing, timeZone)
        : newState(
            defaults,
            deals.map((deal) => deal.id),
          ),
    { onConflict: () => setConflict(true) },
  );

  const save = useSaveDeliverable(existing, {
    onSuccess: (saved) => {
      toast.success(existing ? 'Deliverable saved' : 'Deliverable created');
      for (const warning of saved.warnings ?? []) toast.warning('Heads up', warning.message);
      onSaved?.(saved, !existing);
      onClose();
    },
    onError: form.fail,
  });

  const repeat = useRepeat(form, timeZone, (first) => {
    onSaved?.(first, true);
    onClose();
  });

  const remove = useDeleteWithUndo(existing, {
    onDone: (id) => {
      onDeleted?.(id);
      onClose();
    },
    onRefused: (error) => {
      setConfirmDelete(false);
      form.fail(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    const payload = toPayload(form.values, timeZone, existing);
    if (!existing && repeat.submit(payload)) return;
    // Proof of post comes first, alone: a published post needs its live URL.
    const parsed =
      payload.status === 'published' && !payload.liveUrl
        ? form.check(NOTHING, payload, [PROOF_OF_POST])
        : existing
          ? form.check(deliverablePatchSchema, { ...payload, version: existing.version })
          : form.check(deliverableCreateSchema, payload);
    if (parsed) save.mutate(payload);
  };

  const footerStart = existing && !readOnly && (
    <EditActions onDelete={() => setConfirmDelete(true)} onDuplicate={() => setDuplicating(true)} />
  );

  return (
    <>
      <Dialog
        title={title}
        description={
          existing ? `Last updated ${formatInstant(existing.updatedAt, timeZone)}` : undefined
        }
        onClose={onClose}
        size="large"
        footer={
          <FormFooter
            formId={formId}
            submitLabel="Save deliverable"
            busy={save.isPending || repeat.busy}
            onCancel={onClose}
            footerStart={footerStart}
            readOnly={readOnly}
          />
        }
      >
        {conflict && <ConflictBanner onReload={reload} />}
        <FormBanner message={form.formError} />
        <WarningsBanner warnings={(existing as SavedDeliverable | null)?.warnings ?? []} />
        <form id={formId} className="form" onSubmit={submit} noValidate>
          <fieldset className="form__fieldset" disabled={readOnly}>
            <DeliverableFields
              form={form}
              deals={deals}
              team={team}
              timeZone={timeZone}
              isNew={!existing}
              formId={formId}
            />
            {!existing && (
              <RepeatFieldset value={repeat.value} onChange={repeat.set} errors={form.errors} />
            )}
            <DraftLinksFieldset form={form} readOnly={readOnly} />
            <MetricsDetails form={form} />
          </fieldset>
        </form>
        {existing && <ReviewLinksSection user={user} deliverable={existing} />}
      </Dialog>
      {duplicating && existing && (
        <DuplicateDialog
          source={existing}
          deals={deals}
          timeZone={timeZone}
          onClose={() => setDuplicating(false)}
          onDuplicated={(copy) => {
            onSaved?.(copy, true);
            onClose();
          }}
        />
      )}
      {confirmDelete && existing && (
        <ConfirmDialog
          title="Delete this deliverable?"
          message={
            <p>
              <strong>{existing.title}</strong> will be removed from the calendar. The message that
              follows offers Undo for a few seconds.
            </p>
          }
          confirmLabel="Delete deliverable"
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(existing.id)}
        />
      )}
    </>
  );
}

/** Delete and "Duplicate…" at the footer's start of a saved deliverable. */
function EditActions({ onDelete, onDuplicate }: { onDelete: () => void; onDuplicate: () => void }) {
  return (
    <span className="footer-start deliverable-form__start">
      <button type="button" className="button button--ghost-danger" onClick={onDelete}>
        Delete
      </button>
      <button type="button" className="button" onClick={onDuplicate}>
        Duplicate…
      </button>
    </span>
  );
}

/** Someone else saved first: their version is a click away. */
function ConflictBanner({ onReload }: { onReload: () => void }) {
  return (
    <div className="banner banner--warning" role="alert">
      <span>Someone else changed this deliverable while you had it open.</span>
      <button type="button" className="button button--small" onClick={onReload}>
        Reload their version
      </button>
    </div>
  );
}

/** What the server warned about when it last saved (a clash, a missing disclosure). */
function WarningsBanner({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="deliverable-warnings">
      <ul className="warning-list">
        {warnings.map((warning) => (
          <li key={warning.code + warning.message}>{warning.message}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Deletes the deliverable with Undo on the toast (it comes back whole, with its id); one
 * someone else deleted already counts as done; any other refusal goes to `onRefused`.
 */
function useDeleteWithUndo(
  existing: Deliverable | null,
  { onDone, onRefused }: { onDone: (id: string) => void; onRefused: (error: unknown) => void },
) {
  const toast = useToast();
  const restore = useRestoreDeliverables();
  return useDeleteDeliverable({
    onSuccess: (_result, id) => {
      if (existing) {
        const deleted = existing;
        toast.undoable('Deliverable deleted', () =>
          restore({ items: [{ before: deleted, after: null }] }),
        );
      } else {
        toast.success('Deliverable deleted');
      }
      onDone(id);
    },
    onError: (error) => {
      if (!isApiError(error, 404)) return onRefused(error);
      onDone(existing?.id ?? '');
      toast.info('Already deleted', 'Someone else deleted this deliverable.');
    },
  });
}
