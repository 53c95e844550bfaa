import type { AuditAction, AuditEntityType } from '../../../../shared/schemas/team';

export const ENTITY_LABELS: Record<AuditEntityType, string> = {
  brand: 'Brand',
  deal: 'Deal',
  deliverable: 'Deliverable',
  invoice: 'Invoice',
  payment: 'Payment',
  settings: 'Settings',
  channel: 'Channel',
  user: 'User',
  invite: 'Invite',
  api_token: 'API token',
  alert: 'Alert',
  calendar_feed: 'Calendar feed',
  workspace: 'Workspace',
  review_link: 'Review link',
  pitch: 'Pitch',
  media_kit: 'Media kit',
  deal_package: 'Deal package',
  proposal: 'Proposal',
  brand_note: 'Brand note',
  report_link: 'Report link',
  testimonial: 'Testimonial',
};

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
};
