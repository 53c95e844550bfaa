import { z } from 'zod';
import {
  daySchema,
  idSchema,
  nameSchema,
  textSchema,
  timeZoneSchema,
  versionSchema,
} from './common';
import { formatSchema, platformSchema } from './deliverable';

/** A time of day, `HH:MM` (24-hour). */
export const timeOfDaySchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time of day such as 10:00');

const whole = z.number({ error: 'Expected a whole number' }).int('Expected a whole number');

/**
 * One line of a package: a deliverable (or `count` of them on consecutive
 * days) going live `day` days after the start day, its draft due
 * `draftDaysBefore` days before its go-live.
 */
export const packageItemSchema = z.object({
  title: nameSchema(200),
  platform: platformSchema,
  format: formatSchema.default('post'),
  day: whole.min(-365, 'At least -365').max(365, 'At most 365'),
  count: whole.min(1, 'At least 1').max(14, 'At most 14').default(1),
  draftDaysBefore: whole
    .min(0, 'Must not be negative')
    .max(90, 'At most 90')
    .nullable()
    .default(null),
  brief: textSchema(20_000).default(''),
});
export type PackageItem = z.output<typeof packageItemSchema>;

/** A deal package as it is written (create, and in full on change). */
export const packageInputSchema = z.object({
  name: nameSchema(120),
  /** Every go-live's time of day, in the zone the package is applied in. */
  publishTime: timeOfDaySchema.default('10:00'),
  /** Usage rights run this many days from the package's last go-live (unset: not touched). */
  usageRightsDays: whole.min(1, 'At least 1').max(3650, 'At most 3650').nullable().default(null),
  items: z
    .array(packageItemSchema)
    .min(1, 'Add at least one deliverable')
    .max(30, 'At most 30 lines'),
});
export type PackageInput = z.input<typeof packageInputSchema>;

/** A change carries the `version` it read and the whole package. */
export const packagePatchSchema = packageInputSchema.extend({
  version: versionSchema,
});
export type PackagePatch = z.input<typeof packagePatchSchema>;

export const dealPackageSchema = z.object({
  id: idSchema,
  name: z.string(),
  publishTime: z.string(),
  usageRightsDays: z.number().int().nullable(),
  items: z.array(
    z.object({
      title: z.string(),
      platform: platformSchema,
      format: formatSchema,
      day: z.number().int(),
      count: z.number().int(),
      draftDaysBefore: z.number().int().nullable(),
      brief: z.string(),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DealPackage = z.infer<typeof dealPackageSchema>;

/**
 * `POST /api/deals/:id/apply-package`: the package's deliverables, placed
 * from `startDay` (day 0) at the package's time of day in `timeZone`
 * (default: the workspace's).
 */
export const packageApplySchema = z.object({
  packageId: idSchema,
  startDay: daySchema,
  timeZone: timeZoneSchema.optional(),
});
export type PackageApply = z.input<typeof packageApplySchema>;

/** How many deliverables a package makes. */
export function packageSize(items: ReadonlyArray<{ count?: number }>): number {
  return items.reduce((sum, item) => sum + (item.count ?? 1), 0);
}
