import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  instantSchema,
  nameSchema,
  timeZoneSchema,
  versionSchema,
} from './common';
import { passwordSchema, roleSchema, userSchema } from './auth';

/** A teammate as the owner manages them (`GET /api/users`). */
export const teamMemberSchema = userSchema.extend({
  /** When any of their sessions last made a request; null when never signed in. */
  lastActiveAt: z.string().nullable(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** `PATCH /api/users/:id` (the owner's): role and disabled flag. */
export const userPatchSchema = z.object({
  version: versionSchema,
  role: roleSchema.optional(),
  disabled: z.boolean({ error: 'Expected true or false' }).optional(),
});
export type UserPatch = z.input<typeof userPatchSchema>;

export const INVITE_MAX_HOURS = 30 * 24;

/** `POST /api/invites`: a single-use link for one new teammate. */
export const inviteCreateSchema = z.object({
  role: roleSchema,
  /** When set, only this address can accept. */
  email: emailSchema.optional(),
  /** How long the link works; a week when left out. */
  expiresInHours: z
    .number({ error: 'Expected a number of hours' })
    .int('Expected a whole number of hours')
    .min(1, 'At least 1 hour')
    .max(INVITE_MAX_HOURS, `At most ${INVITE_MAX_HOURS} hours (30 days)`)
    .optional(),
});
export type InviteCreate = z.input<typeof inviteCreateSchema>;

export const inviteSchema = z.object({
  id: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** `pending`, `accepted`, `expired` or `revoked`, as of now. */
  state: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export type Invite = z.infer<typeof inviteSchema>;

/** The answer to `POST /api/invites`: the link is shown this once. */
export const inviteCreatedSchema = inviteSchema.extend({ url: z.string(), token: z.string() });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

/** `GET /api/invites/:token` (public): what the invitee sees before accepting. */
export const invitePreviewSchema = z.object({
  role: roleSchema,
  email: z.string().nullable(),
  workspaceName: z.string(),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const inviteAcceptSchema = z.object({
  name: nameSchema(100),
  email: emailSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema.optional(),
});
export type InviteAccept = z.input<typeof inviteAcceptSchema>;

/** `PATCH /api/me`: the caller's own profile. */
export const profilePatchSchema = z.object({
  version: versionSchema,
  name: nameSchema(100).optional(),
  email: emailSchema.optional(),
  /** The user's own zone, or null to follow the workspace's. */
  timeZone: timeZoneSchema.nullable().optional(),
});
export type ProfilePatch = z.input<typeof profilePatchSchema>;

/** `POST /api/me/password`: every other session ends; this one is renewed. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: 'Required' }).min(1, 'Required').max(1024),
  newPassword: passwordSchema,
});
export type PasswordChange = z.input<typeof passwordChangeSchema>;

/** One of the caller's sessions (`GET /api/me/sessions`). */
export const sessionInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const TOKEN_SCOPES = ['read', 'read_write'] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** `POST /api/me/tokens`: an API token for scripts (`Authorization: Bearer …`). */
export const apiTokenCreateSchema = z.object({
  name: nameSchema(100),
  scope: tokenScopeSchema,
  /** Never expires when left out or null. */
  expiresAt: instantSchema.nullable().optional(),
});
export type ApiTokenCreate = z.input<typeof apiTokenCreateSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  /** The token's first characters, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The answer to `POST /api/me/tokens`: the secret is shown this once. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const AUDIT_ENTITY_TYPES = [
  'brand',
  'deal',
  'deliverable',
  'invoice',
  'payment',
  'settings',
  'channel',
  'user',
  'invite',
  'api_token',
  'alert',
  'calendar_feed',
  'workspace',
  'review_link',
  'pitch',
  'media_kit',
  'deal_package',
  'proposal',
  'brand_note',
  'report_link',
  'testimonial',
] as const;
export const auditEntityTypeSchema = z.enum(AUDIT_ENTITY_TYPES);
export type AuditEntityType = z.infer<typeof auditEntityTypeSchema>;

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One field's change: `from` is absent on create, `to` on delete. */
export const auditChangeSchema = z.object({
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});

/** `session` (the app), `token` (an API token), or `public` (signed out: first set-up, an invite link, a review link). */
export const auditViaSchema = z.enum(['session', 'token', 'public']);
export type AuditVia = z.infer<typeof auditViaSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  via: auditViaSchema,
  action: auditActionSchema,
  entityType: auditEntityTypeSchema,
  entityId: z.string(),
  /** A human line, e.g. `Deliverable "Unboxing reel"`. */
  summary: z.string(),
  changes: z.record(z.string(), auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit` (the owner's): newest first, paged by `before` (an entry id). */
export const auditQuerySchema = z.object({
  entityType: auditEntityTypeSchema.optional(),
  entityId: idSchema.optional(),
  actorId: idSchema.optional(),
  action: auditActionSchema.optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  before: idSchema.optional(),
  limit: z.coerce
    .number({ error: 'Expected a number' })
    .int('Expected a whole number')
    .min(1, 'At least 1')
    .max(200, 'At most 200')
    .optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
