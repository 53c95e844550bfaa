import { z } from 'zod';
import { centsSchema, daySchema, emailSchema, textSchema } from './common';
import { invoiceLineSchema, invoiceTaxSchema } from './invoice';

/** `POST /api/invoices/:id/send`: each left out is taken from the payer and the invoice e-mail template. */
export const invoiceSendSchema = z.object({
  to: z
    .array(emailSchema)
    .min(1, 'At least one address')
    .max(10, 'At most 10 addresses')
    .optional(),
  subject: textSchema(200)
    .refine((v) => !/[\r\n]/.test(v), 'Must be on one line')
    .refine((v) => v.trim() !== '', 'Required')
    .optional(),
  message: textSchema(10_000)
    .refine((v) => v.trim() !== '', 'Required')
    .optional(),
});
export type InvoiceSend = z.input<typeof invoiceSendSchema>;

export const invoiceSentSchema = z.object({
  sentAt: z.string(),
  to: z.array(z.string()),
  messageId: z.string(),
});
export type InvoiceSent = z.infer<typeof invoiceSentSchema>;

/** What "Send invoice" will send, with the invoice's real values; `canSend` false says why in `reason`. */
export const invoiceSendPreviewSchema = z.object({
  to: z.array(z.string()),
  replyTo: z.string().nullable(),
  subject: z.string(),
  message: z.string(),
  canSend: z.boolean(),
  reason: z.string().nullable(),
});
export type InvoiceSendPreview = z.infer<typeof invoiceSendPreviewSchema>;

export const reminderPreviewQuerySchema = z.object({
  offsetDays: z.coerce
    .number({ error: 'Expected a whole number of days' })
    .int('Expected a whole number of days')
    .min(-60)
    .max(365),
});

/** What can happen on an invoice's timeline. */
export const INVOICE_EVENT_TYPES = [
  'created',
  'sent',
  'marked_sent',
  'reminder',
  'reminder_failed',
  'reminder_skipped',
  'send_failed',
  'remittance',
  'remittance_dismissed',
  'payment',
  'payment_removed',
  'paused',
  'resumed',
  'voided',
  'link_revoked',
] as const;
export type InvoiceEventType = (typeof INVOICE_EVENT_TYPES)[number];

/** Where a payment reminder's sending stands. */
export const REMINDER_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One entry of an invoice's timeline; what else it carries depends on its type. */
export const invoiceEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    at: z.string(),
    /** Who did it; null: the payer (via the invoice's page) or Sponsorcal itself (reminders). */
    actorName: z.string().nullable(),
  })
  .catchall(z.unknown());
export type InvoiceEvent = z.infer<typeof invoiceEventSchema>;

/** `POST /api/invoice-links/:token/paid`: the payer says it has paid. */
export const remittanceCreateSchema = z.object({
  amountCents: centsSchema.refine((v) => v > 0, 'Must be more than zero'),
  paidOn: daySchema,
  reference: textSchema(200).trim().default(''),
});
export type RemittanceCreate = z.input<typeof remittanceCreateSchema>;

/** What the payer sees on the invoice's page: this invoice and the creator's public details, nothing else. */
export const publicInvoiceSchema = z.object({
  number: z.string(),
  status: z.enum(['open', 'paid']),
  issuedOn: z.string(),
  dueOn: z.string(),
  currency: z.string(),
  lines: z.array(invoiceLineSchema.extend({ amountCents: z.number().int() })),
  taxes: z.array(invoiceTaxSchema.extend({ cents: z.number().int() })),
  discountCents: z.number().int(),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
  poNumber: z.string(),
  payer: z.object({ name: z.string(), address: z.string(), taxId: z.string() }),
  creator: z.object({
    name: z.string(),
    address: z.string(),
    email: z.string(),
    taxId: z.string(),
  }),
  paymentInstructions: z.string(),
  paymentLink: z.string(),
  /** A "we've paid" is waiting for the team to confirm it. */
  remittancePending: z.boolean(),
});
export type PublicInvoice = z.infer<typeof publicInvoiceSchema>;
