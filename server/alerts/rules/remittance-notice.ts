import { describeWhen } from '../time';
import { invoiceStale } from './invoice-days';
import { staleWhen, type AlertRuleModule } from './rule';

/** The payer said on its invoice link that it has paid (raised by the invoice-link route). */
export const remittanceNotice: AlertRuleModule<'invoice'> = {
  rule: 'remittance_notice',
  subjectType: 'invoice',
  headline: 'Payer says it has paid',
  stale: staleWhen<'invoice'>((a, _now, timeZone) => invoiceStale(a, timeZone)),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} says ${subject.title} is paid (${describeWhen(alert.dueAt, now, timeZone)}): confirm it as a payment when it arrives`,
};
