import { Temporal } from '#temporal';
import type { Deal } from '../../../../shared/schemas/deal';
import {
  deliverableDuplicateSchema,
  type Deliverable,
} from '../../../../shared/schemas/deliverable';
import { formatInstant } from '../../format';
import { TextField } from '../../forms/fields';
import { FormDialog } from '../../forms/form-dialog';
import { useSchemaForm } from '../../forms/use-schema-form';
import { writeDialogProps } from '../../forms/write-dialog';
import { useDuplicateDeliverable } from '../../resources/deliverables';
import { localInputToInstant } from '../../time';
import { useToast } from '../toast';
import { DealSelect } from './deliverable-fields';

export interface DuplicateDialogProps {
  source: Deliverable;
  deals: Deal[];
  timeZone: string;
  onClose: () => void;
  onDuplicated: (copy: Deliverable) => void;
}

/** A week after the original's go-live (or from now when it has none), wall-clock in the user's zone. */
function aWeekLater(source: Deliverable, timeZone: string): string {
  const from = source.publishAt
    ? Temporal.Instant.from(source.publishAt).toZonedDateTimeISO(timeZone)
    : Temporal.Now.zonedDateTimeISO(timeZone);
  return from.add({ days: 7 }).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** "Duplicate…": the same work on another day, in this deal or another; it starts planned. */
export function DuplicateDialog({
  source,
  deals,
  timeZone,
  onClose,
  onDuplicated,
}: DuplicateDialogProps) {
  const toast = useToast();
  const form = useSchemaForm(() => ({
    publishAt: aWeekLater(source, timeZone),
    dealId: source.dealId,
  }));
  const duplicate = useDuplicateDeliverable({
    onSuccess: (copy) => {
      toast.success(
        'Deliverable duplicated',
        `Goes live ${formatInstant(copy.publishAt, timeZone)}`,
      );
      onDuplicated(copy);
    },
    onError: form.fail,
  });
  const submit = () => {
    const json = {
      publishAt: localInputToInstant(form.values.publishAt, timeZone) ?? '',
      ...(form.values.dealId !== source.dealId ? { dealId: form.values.dealId } : {}),
    };
    if (form.check(deliverableDuplicateSchema, json)) duplicate.mutate({ id: source.id, ...json });
  };
  return (
    <FormDialog
      {...writeDialogProps(form, duplicate, submit)}
      size="small"
      title={`Duplicate “${source.title}”`}
      description="A planned copy: title, platform, format, caption, brief and assignee. The draft keeps its distance to the go-live."
      busyLabel="Duplicating…"
      submitLabel="Duplicate"
      onClose={onClose}
    >
      <div className="form-grid">
        <TextField form={form} name="publishAt" label="Go-live" type="datetime-local" required />
        <DealSelect
          deals={deals}
          value={form.values.dealId}
          onChange={(dealId) => form.set('dealId', dealId)}
          error={form.errors['dealId']}
        />
      </div>
    </FormDialog>
  );
}
