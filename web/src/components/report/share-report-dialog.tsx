import {
  REPORT_LINK_DEFAULT_DAYS,
  REPORT_SUMMARY_MAX,
  reportLinkCreateSchema,
  type ReportLinkCreated,
} from '../../../../shared/schemas/report';
import { TextAreaField, TextField } from '../../forms/fields';
import { FormDialog } from '../../forms/form-dialog';
import { useSchemaForm } from '../../forms/use-schema-form';
import { writeDialogProps } from '../../forms/write-dialog';
import { useShareReport } from '../../resources/reports';

interface ShareValues {
  summary: string;
  expiresInDays: string;
}

/** "Share report": the creator's summary note and how long the link stays open. */
export function ShareReportDialog({
  dealId,
  brandName,
  onShared,
  onClose,
}: {
  dealId: string;
  brandName: string;
  onShared: (created: ReportLinkCreated) => void;
  onClose: () => void;
}) {
  const form = useSchemaForm<ShareValues>({
    summary: '',
    expiresInDays: String(REPORT_LINK_DEFAULT_DAYS),
  });
  const share = useShareReport(dealId, { onSuccess: onShared, onError: form.fail });
  const submit = () => {
    const days = form.values.expiresInDays.trim();
    const input = {
      summary: form.values.summary,
      expiresInDays: days === '' ? Number.NaN : Number(days),
    };
    if (form.check(reportLinkCreateSchema, input)) share.mutate(input);
  };
  return (
    <FormDialog
      {...writeDialogProps(form, share, submit)}
      title="Share campaign report"
      description={`${brandName} gets a link to this deal's results: every post, its metrics and growth, totals and averages. No fee, nothing of other deals or the team.`}
      submitLabel="Share report"
      busyLabel="Sharing…"
      onClose={onClose}
    >
      <TextAreaField
        form={form}
        name="summary"
        label="Your summary"
        hint="Printed at the top of the report, e.g. what worked and what you'd do next time."
        rows={4}
        maxLength={REPORT_SUMMARY_MAX}
      />
      <TextField
        form={form}
        name="expiresInDays"
        label="Link open for (days)"
        inputMode="numeric"
      />
    </FormDialog>
  );
}
