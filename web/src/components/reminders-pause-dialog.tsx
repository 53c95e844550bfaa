import { useId, useState, type FormEvent } from 'react';
import type { Invoice } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { useRemindersPause } from '../resources/invoices';
import { Dialog } from './dialog';
import { FormFooter } from '../forms/form-footer';
import { useToast } from './toast';
import { RowTextField } from '../forms/row-fields';

export interface RemindersPauseDialogProps {
  invoice: Invoice;
  today: string;
  onClose: () => void;
}

/** "Pause reminders": until a day (they resume by themselves), or until resumed by hand. */
export function RemindersPauseDialog({ invoice, today, onClose }: RemindersPauseDialogProps) {
  const formId = useId();
  const toast = useToast();
  const [until, setUntil] = useState('');
  const pause = useRemindersPause();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    pause.mutate(
      { invoice, paused: true, until: until || null },
      {
        onSuccess: () => {
          toast.success(`Reminders for ${invoice.number} paused`);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      title={`Pause reminders for ${invoice.number}?`}
      onClose={onClose}
      size="small"
      footer={
        <FormFooter
          formId={formId}
          submitLabel="Pause reminders"
          busyLabel="Pausing…"
          busy={pause.isPending}
          onCancel={onClose}
        />
      }
    >
      {pause.error && (
        <p className="banner banner--error" role="alert">
          {errorMessage(pause.error)}
        </p>
      )}
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <p className="muted">
          No reminder e-mails go to the payer while paused — say, while they sort out a purchase
          order. The invoice is still owed.
        </p>
        <RowTextField
          label="Until"
          hint="Optional: reminders start again on this day. Left empty, they wait until you resume them."
          type="date"
          min={today}
          value={until}
          onChange={setUntil}
        />
      </form>
    </Dialog>
  );
}
