import type { InvoiceEvent } from '../../shared/schemas/getting-paid';
import { formatDay, formatMoney, plural } from './format';

/** What an event carries beyond its type and time: read defensively, the data varies by type. */
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** -3 → "3 days before due", 0 → "due today", 7 → "7 days overdue". */
export function describeOffset(offsetDays: number): string {
  if (offsetDays === 0) return 'due today';
  return offsetDays < 0
    ? `${plural(-offsetDays, 'day')} before due`
    : `${plural(offsetDays, 'day')} overdue`;
}

function stepOffset(event: InvoiceEvent): number | null {
  const step = event['step'];
  if (typeof step === 'object' && step !== null && 'offsetDays' in step) {
    return num((step as { offsetDays: unknown }).offsetDays);
  }
  return num(event['offsetDays']) ?? num(step);
}

export interface EventLine {
  /** What happened, in a sentence. */
  text: string;
  /** A detail under it (a failure's reason, the subject of an e-mail). */
  detail: string | null;
  tone: 'neutral' | 'good' | 'warning' | 'bad';
}

/** One timeline entry in words: "Sent to ap@x.com", "Reminder (3 days overdue) sent". */
export function describeInvoiceEvent(event: InvoiceEvent, currency: string): EventLine {
  const money = (value: unknown) => {
    const cents = num(value);
    return cents === null ? 'a payment' : formatMoney(cents, currency);
  };
  const to = list(event['to']);
  const toText = to.length > 0 ? ` to ${to.join(', ')}` : '';
  const offset = stepOffset(event);
  const step = offset === null ? '' : ` (${describeOffset(offset)})`;
  const error = str(event['error']);
  switch (event.type) {
    case 'created':
      return {
        text: event['markedSent'] ? 'Created and marked as sent' : 'Created',
        detail: null,
        tone: 'neutral',
      };
    case 'sent':
      return {
        text: `${event['resend'] ? 'Sent again' : 'Sent'}${toText}`,
        detail: str(event['subject']),
        tone: 'good',
      };
    case 'marked_sent':
      return { text: 'Marked as sent', detail: null, tone: 'neutral' };
    case 'send_failed':
      return { text: `Sending${toText} failed`, detail: error, tone: 'bad' };
    case 'reminder':
      return {
        text: `Reminder${step} sent${toText}`,
        detail: str(event['subject']),
        tone: 'neutral',
      };
    case 'reminder_failed':
      return { text: `Reminder${step} could not be sent${toText}`, detail: error, tone: 'bad' };
    case 'remittance': {
      const paidOn = str(event['paidOn']);
      const reference = str(event['reference']);
      return {
        text: `Payer says paid ${money(event['amountCents'])}${paidOn ? ` on ${formatDay(paidOn)}` : ''}${reference ? `, ref ${reference}` : ''}`,
        detail: null,
        tone: 'warning',
      };
    }
    case 'remittance_dismissed':
      return {
        text: `Payer’s notice of ${money(event['amountCents'])} dismissed`,
        detail: null,
        tone: 'neutral',
      };
    case 'payment': {
      const paidOn = str(event['paidOn']);
      const method = str(event['method']);
      return {
        text: `Payment of ${money(event['amountCents'])} recorded${paidOn ? ` (paid ${formatDay(paidOn)})` : ''}`,
        detail: method,
        tone: 'good',
      };
    }
    case 'payment_removed':
      return {
        text: `Payment of ${money(event['amountCents'])} removed`,
        detail: null,
        tone: 'warning',
      };
    case 'paused': {
      const until = str(event['until']);
      return {
        text: `Reminders paused${until ? ` until ${formatDay(until)}` : ''}`,
        detail: null,
        tone: 'neutral',
      };
    }
    case 'resumed':
      return { text: 'Reminders resumed', detail: null, tone: 'neutral' };
    case 'voided':
      return { text: 'Voided', detail: null, tone: 'warning' };
    case 'link_revoked':
      return { text: 'Payer’s link ended', detail: null, tone: 'neutral' };
    default:
      return { text: event.type.replace(/_/g, ' '), detail: null, tone: 'neutral' };
  }
}

/** Who did it: a team member's name, else the payer (remittances) or Sponsorcal (reminders). */
export function eventActor(event: InvoiceEvent): string {
  if (event.actorName) return event.actorName;
  if (event.type === 'remittance') return 'The payer';
  return 'Sponsorcal';
}
