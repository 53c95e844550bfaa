import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Same on every retry of a delivery. */
  idempotencyKey: string;
  /** The recipient's one-click unsubscribe address (`List-Unsubscribe`, RFC 8058). */
  unsubscribeUrl: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP transport for `smtp://user:pass@host:port` (or `smtps://`), made on the first
 * call: nodemailer is loaded on the first send, not at start-up. Timeouts are bounded so a
 * send ends well inside the alert delivery's claim lease.
 */
export function lazySmtpTransport(smtpUrl: string): {
  open(): Promise<Transporter<SMTPTransport.SentMessageInfo>>;
  close(): void;
} {
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  return {
    open: () =>
      (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport({
          url: smtpUrl,
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        } as SMTPTransport.Options),
      )),
    close: () => void transport?.then((t) => t.close()),
  };
}

/** An SMTP sender for `smtp://user:pass@host:port` (or `smtps://`). */
export function createSmtpSender(smtpUrl: string, from: string): EmailSender {
  const transport = lazySmtpTransport(smtpUrl);
  return {
    async send(message) {
      const smtp = await transport.open();
      await smtp.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // A stable Message-ID lets mail systems drop the rare duplicate of a retried send.
        messageId: `<${message.idempotencyKey}@sponsorcal>`,
        headers: {
          'X-Sponsorcal-Delivery': message.idempotencyKey,
          // RFC 3834: no auto-reply (vacation notices, ticket systems) should answer an alert.
          'Auto-Submitted': 'auto-generated',
          // RFC 2369 and 8058: mail clients show an Unsubscribe button whose POST turns alert
          // e-mails off without signing in (server/routes/email-unsubscribe.ts).
          'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    },
    close: transport.close,
  };
}

/** The sender address when SMTP_FROM is not set: sponsorcal@<APP_URL host>. */
export function defaultFromAddress(appUrl: string): string {
  const host = new URL(appUrl).hostname;
  return `Sponsorcal <sponsorcal@${host.includes('.') ? host : `${host}.localdomain`}>`;
}
