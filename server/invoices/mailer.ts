import { lazySmtpTransport } from '../alerts/channels/email';

export interface OutgoingMail {
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`: the same on a retry of the same message, so mail systems can drop a duplicate. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /**
   * Sent by the app on its own (a reminder, a confirmation), not because someone pressed
   * Send: marked `Auto-Submitted: auto-generated` (RFC 3834) so auto-replies stay quiet.
   */
  automatic?: boolean;
}

export interface MailResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/** E-mail to people outside the team (payers, brands): invoices, reminders, proposals, replies. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<MailResult>;
  close(): void;
}

/** An SMTP mailer for `smtp://user:pass@host:port` (or `smtps://`), from `from`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = lazySmtpTransport(smtpUrl);
  const addresses = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)))
      : [];
  return {
    async send(mail) {
      const smtp = await transport.open();
      const info = await smtp.sendMail({
        from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments,
        ...(mail.automatic ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
      });
      return {
        messageId: mail.messageId,
        accepted: addresses(info.accepted),
        rejected: addresses(info.rejected),
      };
    },
    close: transport.close,
  };
}
