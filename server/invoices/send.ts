import type { Kysely } from 'kysely';
import type {
  InvoiceSend,
  InvoiceSendPreview,
  InvoiceSent,
} from '../../shared/schemas/getting-paid';
import type { Invoice } from '../../shared/schemas/invoice';
import type { WorkspaceSettings } from '../../shared/schemas/settings';
import { recordInvoiceEvent } from '../db/queries/invoice-events';
import { getInvoice } from '../db/queries/invoices';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError, invalidField } from '../errors';
import { newId } from '../ids';
import { ensureInvoiceLink, type LinkSigner } from './links';
import type { MailResult, Mailer } from './mailer';
import { invoicePdfFilename } from './pdf-source';
import { renderInvoicePdf } from './pdf';
import { renderEmail, templateValues, type RenderedEmail } from './templates';
import { workspaceInvoiceView } from './view';

export interface SendDeps extends LinkSigner {
  db: Kysely<Database>;
  mailer: Mailer | null;
  now: Date;
}

export const NO_SMTP_REASON =
  'E-mail is not set up on this server (SMTP_URL): download the PDF and send it yourself.';
const NO_PAYER_EMAIL = "Add the payer's billing e-mail first.";

/** Who gets replies: the creator's e-mail from the settings, else the person sending. */
function replyToOf(settings: WorkspaceSettings, senderEmail: string | null): string | null {
  return settings.creator.email.trim() || senderEmail;
}

function refuseClosed(invoice: Invoice): void {
  if (invoice.status === 'void' || invoice.status === 'paid') {
    throw new AppError(
      409,
      'conflict',
      `Invoice ${invoice.number} is ${invoice.status === 'void' ? 'void' : 'paid'}: there is nothing to send.`,
      [{ path: 'status', message: `The invoice is ${invoice.status}` }],
    );
  }
}

/** A Message-ID under the install's own name: `<invoice-…@host>`. */
export function messageIdFor(kind: string, id: string, appUrl: string): string {
  const host = new URL(appUrl).hostname || 'sponsorcal.localdomain';
  return `<${kind}-${id}@${host.includes('.') ? host : `${host}.localdomain`}>`;
}

/** E-mails an invoice to `to` with its PDF (which prints the page's address) attached. */
export async function mailInvoice(
  mailer: Mailer,
  invoice: Invoice,
  settings: WorkspaceSettings,
  mail: {
    to: string[];
    replyTo: string | null;
    email: RenderedEmail;
    messageId: string;
    invoiceUrl: string;
    /** A reminder the ladder sent, not a send someone pressed. */
    automatic?: boolean;
  },
): Promise<MailResult> {
  const pdf = await renderInvoicePdf({
    invoice,
    creator: settings.creator,
    workspaceName: settings.name,
    publicUrl: mail.invoiceUrl,
  });
  return mailer.send({
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.email.subject,
    text: mail.email.text,
    html: mail.email.html,
    messageId: mail.messageId,
    automatic: mail.automatic ?? false,
    attachments: [
      {
        filename: invoicePdfFilename(invoice.number),
        content: pdf,
        contentType: 'application/pdf',
      },
    ],
  });
}

/** What "Send invoice" would send now, with the invoice's real values; never sends. */
export async function previewInvoiceEmail(
  deps: SendDeps,
  invoiceId: string,
  senderEmail: string | null,
): Promise<InvoiceSendPreview> {
  const { view, settings } = await workspaceInvoiceView(deps.db, deps, deps.now);
  const invoice = await getInvoice(deps.db, invoiceId, view);
  // The page's address is shown as it will be (a draft has none yet).
  const invoiceUrl = invoice.publicUrl ?? `${deps.appUrl.replace(/\/+$/, '')}/pay/…`;
  const email = renderEmail(
    settings.invoiceEmail,
    templateValues(invoice, settings, { invoiceUrl, today: view.today }),
  );
  const reason =
    invoice.status === 'void' || invoice.status === 'paid'
      ? `The invoice is ${invoice.status}.`
      : !deps.mailer
        ? NO_SMTP_REASON
        : invoice.payer.emails.length === 0
          ? NO_PAYER_EMAIL
          : null;
  return {
    to: invoice.payer.emails,
    replyTo: replyToOf(settings, senderEmail),
    subject: email.subject,
    message: email.text,
    canSend: reason === null,
    reason,
  };
}

/**
 * E-mails the invoice to its payer with the PDF attached and a link to its
 * page; a draft becomes sent. Every attempt is on the invoice's timeline.
 */
export async function sendInvoice(
  deps: SendDeps,
  invoiceId: string,
  input: InvoiceSend,
  sender: { id: string | null; email: string | null },
): Promise<InvoiceSent> {
  const { db, now } = deps;
  const { view, settings } = await workspaceInvoiceView(db, deps, now);
  const invoice = await getInvoice(db, invoiceId, view);
  refuseClosed(invoice);
  const to = input.to ?? invoice.payer.emails;
  if (to.length === 0) throw invalidField('payer.emails', NO_PAYER_EMAIL);
  if (!deps.mailer) throw new AppError(409, 'email_not_configured', NO_SMTP_REASON);

  const invoiceUrl = await ensureInvoiceLink(db, deps, invoiceId, now);
  const template = {
    subject: input.subject ?? settings.invoiceEmail.subject,
    body: input.message ?? settings.invoiceEmail.body,
  };
  const email = renderEmail(
    template,
    templateValues(invoice, settings, { invoiceUrl, today: view.today }),
  );
  const eventId = newId();
  const messageId = messageIdFor('invoice', `${invoice.id}-${eventId}`, deps.appUrl);
  const templateName =
    input.subject !== undefined || input.message !== undefined ? 'edited' : 'invoice';
  const resend = invoice.sentAt !== null;
  let result;
  try {
    result = await mailInvoice(deps.mailer, invoice, settings, {
      to,
      replyTo: replyToOf(settings, sender.email),
      email,
      messageId,
      invoiceUrl,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    await recordInvoiceEvent(db, invoiceId, 'send_failed', now, sender.id, {
      to,
      subject: email.subject,
      template: templateName,
      messageId,
      status: 'failed',
      error: reason,
    });
    throw new AppError(502, 'email_failed', `The mail server did not take the e-mail: ${reason}`);
  }
  const sentAt = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('invoices')
      .set((eb) => ({
        status: invoice.status === 'draft' ? 'sent' : invoice.status,
        sentAt,
        version: eb('version', '+', 1),
        updatedAt: sentAt,
      }))
      .where('id', '=', invoiceId)
      // Paid or voided meanwhile: the e-mail went, the status stays what the team made it.
      .where('status', 'in', ['draft', 'sent'])
      .execute();
    await recordInvoiceEvent(trx, invoiceId, 'sent', now, sender.id, {
      to,
      subject: email.subject,
      template: templateName,
      messageId: result.messageId,
      status: result.rejected.length > 0 ? 'partly_rejected' : 'accepted',
      accepted: result.accepted,
      rejected: result.rejected,
      resend,
    });
  });
  return { sentAt, to, messageId: result.messageId };
}
