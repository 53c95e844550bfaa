import { z } from 'zod';
import {
  invoiceEmailTemplateSchema,
  invoiceRemindersSchema,
  businessHoursSchema,
  reminderStepsSchema,
} from './billing';
import {
  currencySchema,
  nameSchema,
  textSchema,
  timeZoneSchema,
  urlSchema,
  versionSchema,
} from './common';

export { DEFAULT_LEAD_TIMES } from '../constants';

const hours = z
  .number({ error: 'Expected a whole number of hours' })
  .int('Expected a whole number of hours')
  .min(0, 'Use 0 to turn the reminder off')
  .max(24 * 30, 'At most 720 hours (30 days)');
const days = z
  .number({ error: 'Expected a whole number of days' })
  .int('Expected a whole number of days')
  .min(0, 'Use 0 to turn the reminder off')
  .max(90, 'At most 90 days');

export const leadTimesSchema = z.object({
  draftDueSoonHours: hours,
  publishDueSoonHours: hours,
  invoiceDueSoonDays: days,
  /** How long before a deal's usage rights end the team is told. */
  usageRightsEndingDays: days,
  /** How long after a deal's last go-live the team is reminded to share its report. */
  reportDueDays: days,
});
export type LeadTimes = z.infer<typeof leadTimesSchema>;

/** Who the invoices are from: printed on every invoice. */
export const creatorDetailsSchema = z.object({
  legalName: textSchema(200),
  address: textSchema(1_000),
  email: textSchema(254),
  taxId: textSchema(100),
  /** Bank details, printed under the totals. */
  paymentInstructions: textSchema(2_000),
  /** A payment link (Stripe, PayPal.me, Wise …) on invoices, their page and e-mails; '' = none. */
  paymentLink: z.union([z.literal(''), urlSchema]),
});
export type CreatorDetails = z.infer<typeof creatorDetailsSchema>;

const paymentTermsDays = z
  .number({ error: 'Expected a whole number of days' })
  .int('Expected a whole number of days')
  .min(0, 'Must not be negative')
  .max(365, 'At most 365 days');

export const settingsSchema = z.object({
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** How far ahead the "due soon" alerts fire. */
  leadTimes: leadTimesSchema,
  creator: creatorDetailsSchema,
  /** Net-N for new invoices. */
  defaultPaymentTermsDays: z.number().int(),
  /** Reminders to payers: the ladder, and the business hours they wait for. */
  invoiceReminders: invoiceRemindersSchema,
  /** The e-mail invoices are sent with. */
  invoiceEmail: invoiceEmailTemplateSchema,
  /** Whether e-mail can go out (SMTP_URL is set): sending invoices needs it. */
  emailEnabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;
/** The settings as stored: what the server knows of its own e-mail is added on the way out. */
export type WorkspaceSettings = Omit<Settings, 'emailEnabled'>;

export const settingsPatchSchema = z.object({
  version: versionSchema,
  name: nameSchema(100).optional(),
  timeZone: timeZoneSchema.optional(),
  currency: currencySchema.optional(),
  leadTimes: leadTimesSchema.partial().optional(),
  creator: creatorDetailsSchema.partial().optional(),
  defaultPaymentTermsDays: paymentTermsDays.optional(),
  invoiceReminders: z
    .object({
      enabled: z.boolean(),
      steps: reminderStepsSchema,
      businessHours: businessHoursSchema,
    })
    .partial()
    .optional(),
  /** null: back to the built-in e-mail. */
  invoiceEmail: invoiceEmailTemplateSchema.nullable().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
