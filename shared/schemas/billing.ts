import { z } from 'zod';
import { emailSchema, nameSchema, textSchema } from './common';

/** A header value (subject, name) must stay on one line: a CR or LF could start a header of its own. */
const oneLine = (max: number) =>
  textSchema(max).refine((v) => !/[\r\n]/.test(v), 'Must be on one line');

/** The placeholders a template may use, each `{{name}}`; what they stand for is in docs/money.md. */
export const TEMPLATE_PLACEHOLDERS = [
  'invoiceNumber',
  'payerName',
  'brandName',
  'dealTitle',
  'total',
  'balance',
  'dueOn',
  'daysOverdue',
  'daysUntilDue',
  'invoiceUrl',
  'paymentLink',
  'creatorName',
  'poNumber',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/** The first `{{name}}` in `text` that is not a placeholder, if any. */
export function unknownPlaceholder(text: string): string | undefined {
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(match[1]!)) return match[0];
  }
  return undefined;
}

const templateText = (schema: z.ZodType<string, string>) =>
  schema
    .refine((v) => v.trim() !== '', 'Required')
    .superRefine((v, ctx) => {
      const unknown = unknownPlaceholder(v);
      if (unknown) ctx.addIssue({ code: 'custom', message: `Unknown placeholder ${unknown}` });
    });
const templateSubject = templateText(oneLine(200));
const templateBody = templateText(textSchema(10_000));

/**
 * Who pays an invoice: the brand itself or an agency. Named on the invoice
 * and its PDF; the invoice e-mails and reminders go to `emails`.
 */
export const payerSchema = z.object({
  name: nameSchema(200).refine((v) => !/[\r\n]/.test(v), 'Must be on one line'),
  emails: z.array(emailSchema).max(10, 'At most 10 addresses'),
  address: textSchema(1_000),
  taxId: textSchema(100),
});
export type Payer = z.infer<typeof payerSchema>;

/** What starts a deal's payment clock: net N days from this moment. */
export const PAYMENT_TRIGGERS = [
  'invoice_issued',
  'contract_signed',
  'draft_approved',
  'last_published',
] as const;
export const paymentTriggerSchema = z.enum(PAYMENT_TRIGGERS);
export type PaymentTrigger = z.infer<typeof paymentTriggerSchema>;

export const paymentTermsDaysSchema = z
  .number({ error: 'Expected a whole number of days' })
  .int('Expected a whole number of days')
  .min(0, 'Must not be negative')
  .max(365, 'At most 365 days');

/** One step of the reminder ladder: sent `offsetDays` after the due day (negative: before it). */
export const reminderStepSchema = z.object({
  offsetDays: z
    .number({ error: 'Expected a whole number of days' })
    .int('Expected a whole number of days')
    .min(-60, 'At most 60 days before the due day')
    .max(365, 'At most 365 days after the due day'),
  subject: templateSubject,
  body: templateBody,
});
export type ReminderStep = z.infer<typeof reminderStepSchema>;

const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM (24-hour)');

/** When reminders may go out, in the workspace's zone: on these ISO weekdays (1 = Monday), from–to. */
export const businessHoursSchema = z
  .object({
    from: clockTimeSchema,
    to: clockTimeSchema,
    weekdays: z
      .array(z.number().int().min(1, 'ISO weekdays run 1–7').max(7, 'ISO weekdays run 1–7'))
      .min(1, 'At least one day')
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  })
  .refine((h) => h.from < h.to, { message: 'Must end after it starts', path: ['to'] });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** A reminder ladder: the steps in any order (sent in the order of their days), at most 12. */
export const reminderStepsSchema = z
  .array(reminderStepSchema)
  .max(12, 'At most 12 steps')
  .refine(
    (steps) => new Set(steps.map((s) => s.offsetDays)).size === steps.length,
    'Two steps fall on the same day',
  )
  .transform((steps) => [...steps].sort((a, b) => a.offsetDays - b.offsetDays));

/** The workspace's reminders to payers. */
export const invoiceRemindersSchema = z.object({
  enabled: z.boolean(),
  steps: reminderStepsSchema,
  businessHours: businessHoursSchema,
});
export type InvoiceReminders = z.infer<typeof invoiceRemindersSchema>;

/** A brand's or an invoice's own ladder (null: the workspace's, or the brand's). */
export const ladderOverrideSchema = z
  .object({ enabled: z.boolean(), steps: reminderStepsSchema })
  .nullable();
export type LadderOverride = z.infer<typeof ladderOverrideSchema>;

/** The e-mail an invoice is sent with; placeholders as for reminders. */
export const invoiceEmailTemplateSchema = z.object({
  subject: templateSubject,
  body: templateBody,
});
export type InvoiceEmailTemplate = z.infer<typeof invoiceEmailTemplateSchema>;

export { DEFAULT_INVOICE_EMAIL, DEFAULT_REMINDERS } from '../billing-defaults';

export const REMITTANCE_STATUSES = ['pending', 'confirmed', 'dismissed'] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];

/** A payer's "we've paid": told to the team, a payment only once the team confirms it. */
export const remittanceSchema = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  paidOn: z.string(),
  reference: z.string(),
  status: z.enum(REMITTANCE_STATUSES),
  createdAt: z.string(),
  /** The payment it became, once confirmed. */
  paymentId: z.string().nullable(),
});
export type Remittance = z.infer<typeof remittanceSchema>;
