import { z } from 'zod';
import { currencySchema, nameSchema, timeZoneSchema, versionSchema } from './common';

export const settingsSchema = z.object({
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  version: versionSchema,
  name: nameSchema(100).optional(),
  timeZone: timeZoneSchema.optional(),
  currency: currencySchema.optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
