import type { Alert, AlertRule } from '../../shared/schemas/alert';

/** What each alert rule is called in the app (the e-mails and webhooks use the same words). */
export const ALERT_RULE_LABELS: Record<AlertRule, string> = {
  draft_due_soon: 'Draft due soon',
  draft_overdue: 'Draft overdue',
  publish_due_soon: 'Go-live coming up',
  publish_overdue: 'Go-live missed',
  invoice_due_soon: 'Invoice due soon',
  invoice_overdue: 'Invoice overdue',
  follow_up_due: 'Follow-up due',
  usage_rights_ending: 'Usage rights ending',
  review_approved: 'Brand approved',
  review_changes_requested: 'Brand asked for changes',
  ready_to_invoice: 'Ready to invoice',
  remittance_notice: 'Payer says it has paid',
  request_received: 'Brand request received',
  proposal_accepted: 'Proposal accepted',
  proposal_changes_requested: 'Proposal: changes requested',
  report_due: 'Campaign report due',
};

export const ALERT_RULE_VALUES = Object.keys(ALERT_RULE_LABELS) as AlertRule[];

export type AlertSeverity = Alert['severity'];
export type DeliveryStatus = Alert['deliveries'][number]['status'];

export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  info: 'Info',
  warning: 'Warning',
  critical: 'Critical',
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const DELIVERY_CHANNEL_LABELS: Record<Alert['deliveries'][number]['channelType'], string> = {
  email: 'E-mail',
  webhook: 'Webhook',
};
