import { z } from 'zod';
import { daySchema } from './common';

/** Payments received on days in [from, to] (both optional, both inclusive). */
export const moneyFeesQuerySchema = z
  .object({ from: daySchema.optional(), to: daySchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Must not be before from',
    path: ['to'],
  });
export type MoneyFeesQuery = z.infer<typeof moneyFeesQuerySchema>;

const feeSums = {
  currency: z.string(),
  /** What the payers paid. */
  grossCents: z.number().int(),
  /** What the payment providers and banks kept. */
  feeCents: z.number().int(),
  /** What reached the creator: gross − fees. */
  netCents: z.number().int(),
};

/** Gross, fees and net of payments, per currency (never mixed) and per brand and currency. */
export const moneyFeesSchema = z.object({
  /** Today in the workspace's zone. */
  asOf: z.string(),
  byCurrency: z.array(z.object(feeSums)),
  byBrand: z.array(z.object({ brandId: z.string(), brandName: z.string(), ...feeSums })),
});
export type MoneyFees = z.infer<typeof moneyFeesSchema>;
