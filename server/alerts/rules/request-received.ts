import { describeWhen } from '../time';
import { staleWhen, type AlertRuleModule } from './rule';

/** A brand sent a request through the public form (raised by the form's route). */
export const requestReceived: AlertRuleModule<'request'> = {
  rule: 'request_received',
  subjectType: 'request',
  headline: 'New brand request',
  // Once someone has decided on the request (or it is gone), the alert has done its work.
  stale: staleWhen<'request'>((a) => a.requestId === null || a.status !== 'new'),
  message: (alert, subject, now, timeZone) =>
    `${subject.brandName} sent a request (${describeWhen(alert.dueAt, now, timeZone)}): accept, decline or mark it spam in Requests`,
};
