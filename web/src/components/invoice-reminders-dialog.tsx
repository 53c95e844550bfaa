import { useState } from 'react';
import type { LadderOverride } from '../../../shared/schemas/billing';
import { invoicePatchSchema, type Invoice } from '../../../shared/schemas/invoice';
import { isApiError } from '../api';
import { useBrand } from '../resources/brands';
import { useInvoiceLadder } from '../resources/invoices';
import { useSettings } from '../resources/settings';
import { useFormErrors } from '../hooks/use-form-errors';
import { FormDialog } from '../forms/form-dialog';
import { InvoiceReminderPreview } from './invoice-reminder-preview';
import {
  LadderOverrideFields,
  fromLadderState,
  ladderStateIssues,
  toLadderState,
  toStepDrafts,
} from './ladder-override-fields';
import { useToast } from './toast';
import { templateSample } from '../template-preview';

const plural = (n: number) => `${n} step${n === 1 ? '' : 's'}`;

/** Whether the form says what is saved (an "Off" ladder's kept steps do not count). */
function sameLadder(a: LadderOverride, b: LadderOverride): boolean {
  if (!a || !b) return a === b;
  if (a.enabled !== b.enabled) return false;
  if (!a.enabled) return true;
  return (
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => {
      const t = b.steps[i]!;
      return s.offsetDays === t.offsetDays && s.subject === t.subject && s.body === t.body;
    })
  );
}

/** The invoice's own reminder ladder (or its brand's, the workspace's, none), previewed for real. */
export function InvoiceRemindersDialog({
  invoice,
  onClose,
}: {
  invoice: Invoice;
  onClose: () => void;
}) {
  const toast = useToast();
  const settings = useSettings().data;
  const brand = useBrand(invoice.brandId).data;
  const save = useInvoiceLadder();
  const { errors, formError, clear, fromZod, fromError, setFormError } = useFormErrors();
  const [state, setState] = useState(() => toLadderState(invoice.invoiceReminders));

  const workspace = settings?.invoiceReminders ?? null;
  const brandLadder = brand?.invoiceReminders ?? null;
  const inherited = brandLadder ?? workspace;
  const inheritHint = brandLadder
    ? brandLadder.enabled
      ? `${invoice.brandName}’s own ladder: ${plural(brandLadder.steps.length)}.`
      : `${invoice.brandName}’s reminders are off.`
    : workspace && !workspace.enabled
      ? 'The workspace’s ladder, which is switched off in Settings.'
      : `The workspace’s ladder${workspace ? `: ${plural(workspace.steps.length)}` : ''}.`;
  const saved = invoice.invoiceReminders ?? inherited;
  // Off has no steps of its own; the server previews the workspace's steps then.
  const offsets = (saved?.steps.length ? saved.steps : (workspace?.steps ?? [])).map(
    (s) => s.offsetDays,
  );
  const unsaved = !sameLadder(fromLadderState(state), invoice.invoiceReminders);

  const submit = () => {
    clear();
    const ladder = fromLadderState(state);
    const parsed = invoicePatchSchema.safeParse({
      version: invoice.version,
      invoiceReminders: ladder,
    });
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...ladderStateIssues(state)];
    if (issues.length > 0) {
      fromZod(issues);
      return;
    }
    save.mutate(
      { invoice, ladder },
      {
        onSuccess: () => {
          toast.success(`Reminders for ${invoice.number} saved`);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            setFormError('This invoice was changed meanwhile. Close, reopen and try again.');
            return;
          }
          fromError(error);
        },
      },
    );
  };

  return (
    <FormDialog
      title={`Reminders for ${invoice.number}`}
      description={`To ${invoice.payer.name}, until the invoice is paid or its reminders are paused.`}
      onClose={onClose}
      size="large"
      submitLabel="Save reminders"
      busy={save.isPending}
      formError={formError}
      onSubmit={submit}
      after={<InvoiceReminderPreview invoiceId={invoice.id} offsets={offsets} unsaved={unsaved} />}
    >
      <LadderOverrideFields
        legend="Reminders for this invoice"
        inheritLabel="Default"
        inheritHint={inheritHint}
        state={state}
        onChange={setState}
        seedSteps={() => toStepDrafts(inherited?.steps ?? [])}
        errors={errors}
        sample={templateSample(settings)}
      />
    </FormDialog>
  );
}
