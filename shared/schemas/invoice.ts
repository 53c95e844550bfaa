import { z } from 'zod';
import {
  centsSchema,
  currencySchema,
  daySchema,
  idSchema,
  listFilter,
  textSchema,
  versionSchema,
} from './common';
import { ladderOverrideSchema, payerSchema, remittanceSchema } from './billing';

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'void'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

/** Statuses a client may set; `paid` follows from the payments. */
export const SETTABLE_INVOICE_STATUSES = ['draft', 'sent', 'void'] as const;

const invoiceNumberSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(40, 'At most 40 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._\-/#]*$/,
    'Use letters, digits and - _ . / # (e.g. INV-2026-0007)',
  );

/** Payment terms: net-N days from the issue day (0 = due on receipt). */
const paymentTermsSchema = z
  .number({ error: 'Expected a whole number of days' })
  .int('Expected a whole number of days')
  .min(0, 'Must not be negative')
  .max(365, 'At most 365 days');

const positiveCents = centsSchema.refine((v) => v > 0, 'Must be more than zero');

export { MAX_INVOICE_TOTAL_CENTS } from '../constants';

export const invoiceLineSchema = z.object({
  description: textSchema(2_000).refine((v) => v.trim() !== '', 'Required'),
  quantity: z
    .number({ error: 'Expected a number' })
    .positive('Must be more than zero')
    .max(1_000_000, 'At most 1,000,000')
    .refine((q) => Math.abs(Math.round(q * 1000) - q * 1000) < 1e-6, 'At most three decimals'),
  unitCents: centsSchema,
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceTaxSchema = z.object({
  label: textSchema(40)
    .trim()
    .refine((v) => v !== '', 'Required'),
  /** 2000 = 20 %. */
  rateBasisPoints: z
    .number({ error: 'Expected a rate in basis points (2000 = 20 %)' })
    .int('Expected a rate in basis points (2000 = 20 %)')
    .min(0, 'Must not be negative')
    .max(10_000, 'At most 100 %'),
});
export type InvoiceTax = z.infer<typeof invoiceTaxSchema>;

const invoiceFields = {
  dealId: idSchema,
  number: invoiceNumberSchema,
  /** A one-line invoice's amount; with `lines`, worked out from them (and then left out). */
  amountCents: positiveCents,
  lines: z.array(invoiceLineSchema).min(1, 'At least one line').max(200, 'At most 200 lines'),
  taxes: z.array(invoiceTaxSchema).max(5, 'At most 5 taxes'),
  /** An amount off the subtotal, before tax. */
  discountCents: centsSchema,
  /** The payer's purchase-order number, printed on the invoice. */
  poNumber: textSchema(100)
    .trim()
    .refine((v) => !/[\r\n]/.test(v), 'Must be on one line'),
  /** Who pays; null: the deal's payer, else the brand with its billing contact. */
  payer: payerSchema.nullable(),
  /** Reminders to the payer stop while paused (until the day given, or until unpaused). */
  remindersPaused: z.boolean(),
  remindersPausedUntil: daySchema.nullable(),
  /** This invoice's own reminder ladder; null: the brand's, else the workspace's. */
  invoiceReminders: ladderOverrideSchema,
  currency: currencySchema,
  issuedOn: daySchema,
  paymentTermsDays: paymentTermsSchema,
  /** Set to override the day that `issuedOn + paymentTermsDays` gives. */
  dueOn: daySchema,
  status: z.enum(SETTABLE_INVOICE_STATUSES),
  notes: textSchema(10_000),
};

/** On create the deal and either the lines or a one-line amount are needed; the rest has defaults. */
export const invoiceCreateSchema = z
  .object(invoiceFields)
  .partial()
  .required({ dealId: true })
  .superRefine((input, ctx) => {
    if (input.lines === undefined && input.amountCents === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'Required (or give the lines)',
      });
    }
  });
export type InvoiceCreate = z.input<typeof invoiceCreateSchema>;

export const invoicePatchSchema = z
  .object(invoiceFields)
  .omit({ dealId: true })
  .partial()
  .extend({ version: versionSchema });
export type InvoicePatch = z.input<typeof invoicePatchSchema>;

export const invoiceListQuerySchema = z.object({
  dealId: listFilter(idSchema).optional(),
  brandId: listFilter(idSchema).optional(),
  status: listFilter(invoiceStatusSchema).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Due days in [dueFrom, dueTo): for the calendar. */
  dueFrom: daySchema.optional(),
  dueTo: daySchema.optional(),
});

/** The number suggested for an invoice issued on that day (its year's sequence); default today. */
export const nextNumberQuerySchema = z.object({ issuedOn: daySchema.optional() });

export const paymentCreateSchema = z.object({
  amountCents: positiveCents,
  /** Must be the invoice's currency; defaults to it. */
  currency: currencySchema.optional(),
  paidOn: daySchema,
  method: textSchema(100).trim().optional(),
  note: textSchema(1_000).optional(),
  /** Fees taken before it reached you (platform, PayPal, FX, bank), in the same currency. */
  feeCents: centsSchema.optional(),
});
export type PaymentCreate = z.input<typeof paymentCreateSchema>;

export const paymentSchema = z.object({
  id: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  paidOn: z.string(),
  method: z.string().nullable(),
  note: z.string(),
  feeCents: z.number().int(),
  /** What reached you: amount − fees. */
  netCents: z.number().int(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** An invoice as the API answers it. */
export const invoiceSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  dealTitle: z.string(),
  brandId: idSchema,
  brandName: z.string(),
  number: z.string(),
  /** The total (kept for one-line clients): `totalCents`. */
  amountCents: z.number().int(),
  lines: z.array(invoiceLineSchema.extend({ amountCents: z.number().int() })),
  taxes: z.array(invoiceTaxSchema.extend({ cents: z.number().int() })),
  discountCents: z.number().int(),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  poNumber: z.string(),
  payer: payerSchema,
  /** Where the payer comes from: set on the invoice, the deal's, or the brand with its billing contact. */
  payerSource: z.enum(['invoice', 'deal', 'brand']),
  remindersPaused: z.boolean(),
  remindersPausedUntil: z.string().nullable(),
  invoiceReminders: ladderOverrideSchema,
  /** The payer's page for this invoice, once it was sent (null before). */
  publicUrl: z.string().nullable(),
  /** When it was last sent by e-mail (null: never, or marked sent by hand). */
  sentAt: z.string().nullable(),
  currency: z.string(),
  issuedOn: z.string(),
  paymentTermsDays: z.number().int(),
  dueOn: z.string(),
  status: invoiceStatusSchema,
  /** Sent, not fully paid, and its due day has passed in the workspace's zone. */
  overdue: z.boolean(),
  /** Whole days past the due day (0 when not overdue). */
  daysOverdue: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int(),
  payments: z.array(paymentSchema),
  /** The payer's "we've paid" notices, newest first. */
  remittances: z.array(remittanceSchema),
  notes: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const moneyQuerySchema = z.object({
  /** How many months the chart covers, ending with the current one. */
  months: z.coerce.number().int().min(1).max(36).optional(),
});

const perCurrency = z.array(
  z.object({
    currency: z.string(),
    earnedCents: z.number().int(),
    outstandingCents: z.number().int(),
    overdueCents: z.number().int(),
  }),
);

/** The money page: totals per currency, payments by month and by brand, and who is late. */
export const moneySummarySchema = z.object({
  asOf: z.string(),
  /** Every invoice, drafts and void ones included: tells "nothing yet" from "only drafts". */
  invoiceCount: z.number().int(),
  timeZone: z.string(),
  totals: perCurrency,
  /** Payments received per month (by payment day), oldest first, one entry per month and currency. */
  byMonth: z.array(
    z.object({ month: z.string(), currency: z.string(), paidCents: z.number().int() }),
  ),
  byBrand: z.array(
    z.object({
      brandId: z.string(),
      brandName: z.string(),
      currency: z.string(),
      invoicedCents: z.number().int(),
      paidCents: z.number().int(),
      outstandingCents: z.number().int(),
    }),
  ),
  overdue: z.array(
    z.object({
      invoiceId: z.string(),
      number: z.string(),
      brandName: z.string(),
      dealId: z.string(),
      dealTitle: z.string(),
      currency: z.string(),
      balanceCents: z.number().int(),
      dueOn: z.string(),
      daysOverdue: z.number().int(),
    }),
  ),
});
export type MoneySummary = z.infer<typeof moneySummarySchema>;
