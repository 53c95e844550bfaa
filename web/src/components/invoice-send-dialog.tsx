import { useId, useState, type FormEvent } from 'react';
import {
  invoiceSendSchema,
  type InvoiceSend,
  type InvoiceSendPreview,
} from '../../../shared/schemas/getting-paid';
import type { Invoice } from '../../../shared/schemas/invoice';
import { errorMessage } from '../api';
import { formatMoney } from '../format';
import { useSendInvoice, useSendPreview } from '../resources/invoice-sending';
import { useFormErrors } from '../hooks/use-form-errors';
import { splitEmails } from '../invoice-draft';
import { Spinner } from './badges';
import { Dialog } from './dialog';
import { FormFooter } from '../forms/form-footer';
import { FormBanner } from './field';
import { useToast } from './toast';
import { RowTextField, RowTextAreaField } from '../forms/row-fields';

/** A draft's link as the preview shows it before the link exists. */
const PREVIEW_LINK = /\S*\/pay\/…/g;

export interface InvoiceSendDialogProps {
  invoice: Invoice;
  onClose: () => void;
}

/** "Send invoice": the e-mail as it will go (to, subject, message), editable, with the PDF attached. */
export function InvoiceSendDialog({ invoice, onClose }: InvoiceSendDialogProps) {
  const preview = useSendPreview(invoice.id);
  const title = `Send invoice ${invoice.number}`;
  if (preview.isPending || preview.error) {
    return (
      <Dialog title={title} onClose={onClose}>
        {preview.error ? (
          <p className="banner banner--error" role="alert">
            {errorMessage(preview.error)}
          </p>
        ) : (
          <Spinner label="Preparing the e-mail…" />
        )}
      </Dialog>
    );
  }
  return <SendForm invoice={invoice} preview={preview.data} title={title} onClose={onClose} />;
}

function SendForm({
  invoice,
  preview,
  title,
  onClose,
}: InvoiceSendDialogProps & { preview: InvoiceSendPreview; title: string }) {
  const formId = useId();
  const toast = useToast();
  const { errors, formError, clear, fromZod, fromError } = useFormErrors();
  const [to, setTo] = useState(preview.to.join(', '));
  const [subject, setSubject] = useState(preview.subject);
  const [message, setMessage] = useState(preview.message);
  const send = useSendInvoice(invoice.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!preview.canSend) return;
    clear();
    // Only what was edited: the rest is rendered by the server with the real link. The preview
    // shows a draft's not-yet-made link as …/pay/…; edited text keeps it as the placeholder.
    const withLink = (text: string) => text.replace(PREVIEW_LINK, '{{invoiceUrl}}');
    const json: InvoiceSend = {
      ...(to !== preview.to.join(', ') ? { to: splitEmails(to) } : {}),
      ...(subject !== preview.subject ? { subject: withLink(subject) } : {}),
      ...(message !== preview.message ? { message: withLink(message) } : {}),
    };
    const parsed = invoiceSendSchema.safeParse(json);
    if (!parsed.success) {
      fromZod(parsed.error.issues);
      return;
    }
    send.mutate(json, {
      onSuccess: (sent) => {
        toast.success(`Invoice ${invoice.number} sent`, `To ${sent.to.join(', ')}`);
        onClose();
      },
      onError: fromError,
    });
  };

  return (
    <Dialog
      title={title}
      description={`${invoice.brandName} · ${formatMoney(invoice.totalCents, invoice.currency)} · the PDF and a link to pay go with it`}
      onClose={onClose}
      size="large"
      footer={
        <FormFooter
          formId={formId}
          submitLabel="Send invoice"
          busyLabel="Sending…"
          busy={send.isPending}
          disabled={!preview.canSend}
          onCancel={onClose}
        />
      }
    >
      {!preview.canSend && (
        <p className="banner banner--info" role="status" data-testid="send-blocked">
          {preview.reason ?? 'This invoice cannot be sent by e-mail.'}
        </p>
      )}
      <FormBanner message={formError} />
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <fieldset className="form__fieldset" disabled={!preview.canSend}>
          <RowTextField
            label="To"
            error={errors['to'] ?? Object.entries(errors).find(([k]) => k.startsWith('to.'))?.[1]}
            hint={
              preview.replyTo
                ? `Replies go to ${preview.replyTo}. Separate several addresses with commas.`
                : 'Separate several addresses with commas.'
            }
            inputMode="email"
            value={to}
            onChange={setTo}
            spellCheck={false}
          />
          <RowTextField
            label="Subject"
            error={errors['subject']}
            value={subject}
            onChange={setSubject}
            maxLength={200}
          />
          <RowTextAreaField
            label="Message"
            error={errors['message']}
            rows={10}
            value={message}
            onChange={setMessage}
          />
        </fieldset>
      </form>
    </Dialog>
  );
}
