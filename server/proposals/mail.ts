import { formatMoney } from '../../shared/currency';
import { formatDay } from '../../shared/days';
import type { ProposalView } from '../../shared/schemas/proposal';
import type { Mailer, MailResult } from '../invoices/mailer';
import { oneLine, textToHtml } from '../invoices/templates';
import { renderProposalPdf } from './pdf';

/** The proposal's e-mail: a short message, the link to accept it, and the PDF attached. */
export async function mailProposal(
  mailer: Mailer,
  view: ProposalView,
  mail: { to: string[]; replyTo: string | null; url: string; message: string; messageId: string },
): Promise<MailResult> {
  const total = view.terms ? formatMoney(view.terms.totalCents, view.terms.currency) : '';
  const text = [
    mail.message.trim() || `Hi,\n\nHere is our proposal for “${view.dealTitle}”.`,
    `Total: ${total}. Open until ${formatDay(view.expiresOn)}.`,
    `See the terms and accept them (or ask for changes) here:\n${mail.url}`,
    `The same terms are attached as a PDF.\n\n${view.workspaceName}`,
  ].join('\n\n');
  const pdf = await renderProposalPdf(view);
  return mailer.send({
    to: mail.to,
    replyTo: mail.replyTo,
    subject: oneLine(`Proposal: ${view.dealTitle} (${view.workspaceName})`),
    text,
    html: textToHtml(text),
    messageId: mail.messageId,
    attachments: [
      { filename: `proposal-v${view.version}.pdf`, content: pdf, contentType: 'application/pdf' },
    ],
  });
}
