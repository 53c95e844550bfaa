import { useId, useState } from 'react';
import { errorMessage } from '../api';
import { useReminderPreview } from '../resources/invoice-sending';
import { describeOffset } from '../invoice-events';
import { Field } from './field';

export interface InvoiceReminderPreviewProps {
  invoiceId: string;
  /** The day offsets of the ladder as saved (the server fills in what it would send). */
  offsets: number[];
  /** The form differs from what is saved: the preview shows the saved ladder. */
  unsaved: boolean;
}

/** One step of the invoice's saved ladder, with the invoice's real number, payer, amounts and link. */
export function InvoiceReminderPreview({
  invoiceId,
  offsets,
  unsaved,
}: InvoiceReminderPreviewProps) {
  const [chosen, setChosen] = useState<number | null>(null);
  const preview = useReminderPreview(invoiceId, chosen);
  const titleId = useId();
  if (offsets.length === 0) return null;

  return (
    <section className="ladder-choice" aria-labelledby={titleId}>
      <h3 id={titleId} className="subsection-title">
        Preview with this invoice
      </h3>
      <Field
        label="Step"
        hint={unsaved ? 'Shows the saved ladder: save to preview your changes.' : undefined}
      >
        {(p) => (
          <select
            {...p}
            value={chosen === null ? '' : String(chosen)}
            onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">Choose a step…</option>
            {offsets.map((offset) => (
              <option key={offset} value={offset}>
                {describeOffset(offset)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen !== null && (
        <div className="template-preview" aria-live="polite" data-testid="invoice-reminder-preview">
          {preview.isPending ? (
            <p className="muted">Loading preview…</p>
          ) : preview.error ? (
            <p className="field__error">{errorMessage(preview.error)}</p>
          ) : (
            <>
              <p className="small muted">
                To{' '}
                {preview.data.to.length > 0
                  ? preview.data.to.join(', ')
                  : 'no one yet (no payer e-mail)'}
              </p>
              <p className="template-preview__subject">{preview.data.subject}</p>
              <p className="prewrap">{preview.data.message}</p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
