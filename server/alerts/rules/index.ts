import type { AlertRule, AlertSubjectType } from '../../db/schema';
import { draftDueSoon } from './draft-due-soon';
import { draftOverdue } from './draft-overdue';
import { followUpDue } from './follow-up-due';
import { invoiceDueSoon } from './invoice-due-soon';
import { invoiceOverdue } from './invoice-overdue';
import { proposalAccepted } from './proposal-accepted';
import { proposalChangesRequested } from './proposal-changes-requested';
import { publishDueSoon } from './publish-due-soon';
import { publishOverdue } from './publish-overdue';
import { readyToInvoice } from './ready-to-invoice';
import { remittanceNotice } from './remittance-notice';
import { requestReceived } from './request-received';
import { reportDue } from './report-due';
import { reviewApproved } from './review-approved';
import { reviewChangesRequested } from './review-changes-requested';
import type { AlertRuleModule } from './rule';
import { usageRightsEnding } from './usage-rights-ending';

/** A rule about some kind of subject. */
export type AnyAlertRule = { [S in AlertSubjectType]: AlertRuleModule<S> }[AlertSubjectType];

/**
 * Every alert rule, in the order a scan runs them (one at a time, letting the
 * API's requests in between). Adding a rule: its file here, and its line below.
 */
export const ALERT_RULE_MODULES: readonly AnyAlertRule[] = [
  draftDueSoon,
  draftOverdue,
  publishDueSoon,
  publishOverdue,
  invoiceDueSoon,
  invoiceOverdue,
  followUpDue,
  usageRightsEnding,
  readyToInvoice,
  reviewApproved,
  reviewChangesRequested,
  remittanceNotice,
  requestReceived,
  proposalAccepted,
  proposalChangesRequested,
  reportDue,
];

const byRule = new Map<AlertRule, AnyAlertRule>(ALERT_RULE_MODULES.map((r) => [r.rule, r]));

/** The module of a rule (every rule the schema knows has one: a test checks). */
export function alertRule(rule: AlertRule): AnyAlertRule {
  const found = byRule.get(rule);
  if (!found) throw new Error(`No module for alert rule ${rule}`);
  return found;
}

/** The rules whose alerts are about subjects of this type. */
export function rulesAbout<S extends AlertSubjectType>(subjectType: S): AlertRuleModule<S>[] {
  return ALERT_RULE_MODULES.filter(
    (r): r is AlertRuleModule<S> & AnyAlertRule => r.subjectType === subjectType,
  );
}
