import { z } from 'zod';
import { emailSchema, idSchema, nameSchema, timeZoneSchema } from './common';

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** OWASP ASVS L1: at least 12 characters, at most 128, never silently truncated. */
export const passwordSchema = z
  .string({ error: 'Required' })
  .min(12, 'Use at least 12 characters')
  .max(128, 'Use at most 128 characters');

export const setupSchema = z.object({
  email: emailSchema,
  name: nameSchema(100),
  password: passwordSchema,
  /** The browser's zone; becomes the workspace default. */
  timeZone: timeZoneSchema.optional(),
  workspaceName: nameSchema(100).optional(),
});
export type SetupInput = z.input<typeof setupSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Required' }).min(1, 'Required').max(1024),
});
export type LoginInput = z.input<typeof loginSchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The user's own zone, or null to follow the workspace. */
  timeZone: z.string().nullable(),
  /** The zone times are shown in for this user. */
  effectiveTimeZone: z.string(),
  disabled: z.boolean(),
  /** Send it back with `PATCH /api/me` or `PATCH /api/users/:id`. */
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
