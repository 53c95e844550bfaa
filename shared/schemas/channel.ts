import { z } from 'zod';
import { nameSchema, timeZoneSchema, urlSchema, versionSchema } from './common';

export const CHANNEL_TYPES = ['slack', 'discord', 'json'] as const;
export const channelTypeSchema = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof channelTypeSchema>;

export const channelCreateSchema = z.object({
  type: channelTypeSchema,
  name: nameSchema(100),
  url: urlSchema,
  enabled: z.boolean().optional(),
});
export type ChannelCreate = z.input<typeof channelCreateSchema>;

export const channelPatchSchema = z.object({
  version: versionSchema,
  name: nameSchema(100).optional(),
  url: urlSchema.optional(),
  enabled: z.boolean().optional(),
  /** Issue a new signing secret (json channels); the answer carries it once. */
  rotateSecret: z.boolean().optional(),
});
export type ChannelPatch = z.input<typeof channelPatchSchema>;

export const channelSchema = z.object({
  id: z.string(),
  type: channelTypeSchema,
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  /** Only in the answer that created or rotated it; otherwise null. */
  secret: z.string().nullable(),
  hasSecret: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelTestResultSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
});

/** The signed-in user's own settings; fields left out stay as they are. */
export const preferencesSchema = z.object({
  emailAlerts: z.boolean({ error: 'Expected true or false' }).optional(),
  /** The user's own zone, or null to follow the workspace's. */
  timeZone: timeZoneSchema.nullable().optional(),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;

export const preferencesResponseSchema = z.object({
  emailAlerts: z.boolean(),
  timeZone: z.string().nullable(),
  /** Whether this server sends e-mail at all (SMTP_URL is set). */
  emailConfigured: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesResponseSchema>;
