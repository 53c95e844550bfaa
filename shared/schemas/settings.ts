import { z } from 'zod';
import { currencySchema, nameSchema, timeZoneSchema, versionSchema } from './common';

export const DEFAULT_LEAD_TIMES = {
  draftDueSoonHours: 48,
  publishDueSoonHours: 24,
  invoiceDueSoonDays: 3,
} as const;

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
});
export type LeadTimes = z.infer<typeof leadTimesSchema>;

export const settingsSchema = z.object({
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** How far ahead the "due soon" alerts fire. */
  leadTimes: leadTimesSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  version: versionSchema,
  name: nameSchema(100).optional(),
  timeZone: timeZoneSchema.optional(),
  currency: currencySchema.optional(),
  leadTimes: leadTimesSchema.partial().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
