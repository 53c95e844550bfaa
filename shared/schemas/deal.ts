import { z } from 'zod';
import { paymentTermsDaysSchema, paymentTriggerSchema, payerSchema } from './billing';
import {
  centsSchema,
  currencySchema,
  daySchema,
  idSchema,
  listFilter,
  nameSchema,
  textSchema,
  versionSchema,
} from './common';

export const DEAL_STATUSES = [
  'pitched',
  'negotiating',
  'contracted',
  'in_progress',
  'delivered',
  'completed',
  'cancelled',
] as const;
export const dealStatusSchema = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof dealStatusSchema>;

export const DEAL_SOURCES = ['direct', 'marketplace', 'agency', 'inbound'] as const;
export const dealSourceSchema = z.enum(DEAL_SOURCES);
export type DealSource = z.infer<typeof dealSourceSchema>;

const dealFields = {
  brandId: idSchema,
  title: nameSchema(200),
  status: dealStatusSchema,
  feeCents: centsSchema,
  currency: currencySchema,
  source: dealSourceSchema,
  contractSignedOn: daySchema.nullable(),
  exclusivityCategory: textSchema(100).trim().nullable(),
  exclusivityUntil: daySchema.nullable(),
  usageRightsUntil: daySchema.nullable(),
  notes: textSchema(10_000),
  /** Who pays; null: the brand, with its billing contacts. */
  payer: payerSchema.nullable(),
  /** Net N days; null: the workspace's default terms. */
  paymentTermsDays: paymentTermsDaysSchema.nullable(),
  /** What starts the payment clock; `invoice_issued` unless set. */
  paymentTrigger: paymentTriggerSchema,
};

/** Every field is optional on create but these; the server fills in the defaults. */
export const dealCreateSchema = z
  .object(dealFields)
  .partial()
  .required({ brandId: true, title: true });
export type DealCreate = z.input<typeof dealCreateSchema>;

/** A PATCH carries the `version` it read, and only the fields it changes. */
export const dealPatchSchema = z.object(dealFields).partial().extend({ version: versionSchema });
export type DealPatch = z.input<typeof dealPatchSchema>;

export const dealListQuerySchema = z.object({
  status: listFilter(dealStatusSchema).optional(),
  brandId: listFilter(idSchema).optional(),
});

/** A deal as the API answers it. */
export const dealSchema = z.object({
  id: idSchema,
  brandId: idSchema,
  brandName: z.string(),
  title: z.string(),
  status: dealStatusSchema,
  feeCents: z.number().int(),
  currency: z.string(),
  source: dealSourceSchema,
  contractSignedOn: z.string().nullable(),
  exclusivityCategory: z.string().nullable(),
  exclusivityUntil: z.string().nullable(),
  usageRightsUntil: z.string().nullable(),
  notes: z.string(),
  payer: z
    .object({
      name: z.string(),
      emails: z.array(z.string()),
      address: z.string(),
      taxId: z.string(),
    })
    .nullable(),
  paymentTermsDays: z.number().int().nullable(),
  paymentTrigger: paymentTriggerSchema,
  /**
   * When the money is expected: the trigger's day plus the terms (the deal's,
   * else the workspace's); for `invoice_issued`, the earliest unpaid invoice's
   * due day. Null while the trigger has not fired.
   */
  expectedPayOn: z.string().nullable(),
  deliverableCount: z.number().int(),
  /** Invoiced (not void) and paid so far, in the deal's currency. */
  invoicedCents: z.number().int(),
  paidCents: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deal = z.infer<typeof dealSchema>;

/** `GET /api/deals/:id/deletion`: whether deleting the deal would be refused, and why. */
export const dealDeletionSchema = z.object({
  allowed: z.boolean(),
  /** Why not (sent or paid invoices), in words to show; null when allowed. */
  reason: z.string().nullable(),
});
export type DealDeletion = z.infer<typeof dealDeletionSchema>;
