import './calendar-event.css';
import type { EventDisplayInfo, EventInput } from '@fullcalendar/react';
import type { CSSProperties } from 'react';
import { RISK_LABELS, riskOf, type Risk, type RiskLeadTimes } from '../../../shared/risk';
import type { Brand } from '../../../shared/schemas/brand';
import type { CalendarDeliverable } from '../../../shared/schemas/deliverable';
import type { Invoice } from '../../../shared/schemas/invoice';
import {
  DELIVERABLE_STATUS_LABELS,
  INVOICE_STATUS_LABELS,
  PLATFORM_LABELS,
  formatMoney,
  plural,
} from '../format';
import { PlatformBadge, StatusChip } from './badges';

export type EventKind = 'publish' | 'draft';

export interface EventMeta {
  kind: EventKind;
  deliverable: CalendarDeliverable;
  brandName: string;
  color: string;
  /** How this moment stood against now when the calendar loaded it. */
  risk: Risk;
}

/** What an event's risk is judged against: now and the workspace lead times. */
export interface RiskClock {
  now: Date;
  leadTimes: RiskLeadTimes;
}

const FALLBACK_COLOR = '#64748b';

/**
 * A deliverable as calendar events: its go-live and, when it has one, its draft due date,
 * each with its risk at `clock.now`.
 */
export function eventsOf(
  d: CalendarDeliverable,
  brand: Brand | undefined,
  clock: RiskClock,
): EventInput[] {
  const color = brand?.color ?? FALLBACK_COLOR;
  // Instants as epoch milliseconds, which FullCalendar takes as they are: an ISO string it
  // parses with a regular expression, about a tenth of a month's first render of 1,000 events.
  // The API answers UTC instants (`…Z`), so both name the same moment.
  const base = { deliverable: d, brandName: brand?.name ?? 'Unknown brand', color };
  const risk = (kind: EventKind) => riskOf(d, kind, clock.now, clock.leadTimes);
  const events: EventInput[] = [];
  if (d.publishAt) {
    events.push({
      id: `${d.id}:publish`,
      title: d.title,
      start: Date.parse(d.publishAt),
      // The visible box is drawn by eventContent (.sc-ev); FullCalendar uses the colour for list dots.
      color,
      extendedProps: { ...base, kind: 'publish', risk: risk('publish') } satisfies EventMeta,
    });
  }
  if (d.draftDueAt) {
    events.push({
      id: `${d.id}:draft`,
      title: `Draft: ${d.title}`,
      start: Date.parse(d.draftDueAt),
      color,
      extendedProps: { ...base, kind: 'draft', risk: risk('draft') } satisfies EventMeta,
    });
  }
  return events;
}

/** An invoice's due day on the calendar. */
export interface InvoiceEventMeta {
  kind: 'invoice';
  invoice: Invoice;
}

/** The colour FullCalendar gives an invoice's dot in the list view. */
const INVOICE_COLORS = { due: '#059669', overdue: '#dc2626', done: '#9ca3af' } as const;

function invoiceTone(invoice: Invoice): keyof typeof INVOICE_COLORS {
  if (invoice.overdue) return 'overdue';
  return invoice.status === 'paid' || invoice.status === 'void' ? 'done' : 'due';
}

/**
 * An invoice as an all-day event on its due day, not draggable: the due day is
 * changed on the invoice itself.
 */
export function invoiceEventOf(invoice: Invoice): EventInput {
  return {
    id: `${invoice.id}:invoice`,
    title: `Invoice ${invoice.number} due · ${invoice.brandName}`,
    start: invoice.dueOn,
    allDay: true,
    editable: false,
    startEditable: false,
    durationEditable: false,
    color: INVOICE_COLORS[invoiceTone(invoice)],
    extendedProps: { kind: 'invoice', invoice } satisfies InvoiceEventMeta,
  };
}

/** What `eventsOf` or `invoiceEventOf` attached to an event. */
export function metaOf(event: {
  extendedProps: Record<string, unknown>;
}): EventMeta | InvoiceEventMeta {
  return event.extendedProps as unknown as EventMeta | InvoiceEventMeta;
}

function MoneyIcon() {
  return (
    <svg className="sc-ev__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <rect
        x="1.5"
        y="3.5"
        width="13"
        height="9"
        rx="1.8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <circle cx="8" cy="8" r="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

/** An invoice's face: money icon, "Invoice INV-… due · Brand", the balance and how it stands. */
function InvoiceEventContent({ info, invoice }: { info: EventDisplayInfo; invoice: Invoice }) {
  const tone = invoiceTone(invoice);
  const state = invoice.overdue
    ? `Overdue · ${plural(invoice.daysOverdue, 'day')}`
    : INVOICE_STATUS_LABELS[invoice.status];
  const owed =
    invoice.status === 'paid'
      ? formatMoney(invoice.amountCents, invoice.currency)
      : formatMoney(invoice.balanceCents, invoice.currency);
  const common = {
    'data-invoice-id': invoice.id,
    'data-kind': 'invoice',
    title: `${info.event.title} — ${owed}, ${state}`,
  };
  const className = `sc-ev sc-ev--invoice sc-ev--invoice-${tone} sc-ev--invoice-${invoice.status}`;
  const inList = info.view.type.startsWith('list');
  // The text reads "Invoice INV-… due · Brand"; a month cell hides "Invoice" (the icon says it)
  // so the number itself is what stays visible.
  const title = (
    <span className="sc-ev__title">
      <span className={inList ? 'sc-ev__invoice-word' : 'visually-hidden'}>Invoice </span>
      {invoice.number} due · {invoice.brandName}
    </span>
  );
  const chip = (
    <span
      className={`chip chip--compact chip--invoice-${invoice.overdue ? 'overdue' : invoice.status}`}
    >
      {inList || !invoice.overdue ? state : 'Overdue'}
    </span>
  );
  if (inList) {
    return (
      <div className={`${className} sc-ev--in-list`} {...common}>
        <span className="sc-ev__time">Due</span>
        <MoneyIcon />
        {title}
        <span className="sc-ev__brand sc-ev__amount">{owed}</span>
        {chip}
      </div>
    );
  }
  return (
    <div className={className} {...common}>
      <span className="sc-ev__line">
        <MoneyIcon />
        {title}
      </span>
      <span className="sc-ev__meta">
        <span className="sc-ev__amount">{owed}</span>
        {chip}
      </span>
    </div>
  );
}

/**
 * "Overdue" or "Due soon" in words (never colour alone); nothing for work on track or done,
 * whose status chip says enough.
 */
function RiskChip({ risk }: { risk: Risk }) {
  if (risk !== 'overdue' && risk !== 'due_soon') return null;
  return <span className={`chip chip--compact sc-risk sc-risk--${risk}`}>{RISK_LABELS[risk]}</span>;
}

/** A screen reader's and a tooltip's words for a deliverable's event. */
function labelOf(meta: EventMeta, warnings: { message: string }[]): string {
  const { kind, deliverable: d, brandName, risk } = meta;
  const state = risk === 'overdue' || risk === 'due_soon' ? `, ${RISK_LABELS[risk]}` : '';
  return `${kind === 'draft' ? 'Draft due' : 'Go-live'}: ${d.title} — ${brandName}, ${PLATFORM_LABELS[d.platform]}, ${DELIVERABLE_STATUS_LABELS[d.status]}${state}${warnings.map((w) => `\n⚠ ${w.message}`).join('')}`;
}

/**
 * An event's face, as React elements (never HTML strings): platform badge, title, time,
 * status chip and its risk ("Overdue", "Due soon"), with `data-deliverable-id`, `data-kind`
 * and `data-risk` for tests and styling.
 */
export function EventContent({ info }: { info: EventDisplayInfo }) {
  const meta = metaOf(info.event);
  if (meta.kind === 'invoice') return <InvoiceEventContent info={info} invoice={meta.invoice} />;
  const { kind, deliverable: d, color, risk } = meta;
  // Warnings are about the go-live (an exclusivity clash, published without disclosure).
  const warnings = kind === 'publish' ? (d.warnings ?? []) : [];
  const common = {
    'data-deliverable-id': d.id,
    'data-kind': kind,
    'data-risk': risk,
    'data-warnings': warnings.map((w) => w.code).join(' ') || undefined,
    style: { '--brand': color } as CSSProperties,
    title: labelOf(meta, warnings),
  };
  const className = `sc-ev sc-ev--${kind} sc-ev--${d.status} sc-ev--risk-${risk}`;
  const flag =
    warnings.length > 0 ? (
      <span
        className="sc-ev__warning"
        role="img"
        aria-label={warnings.map((w) => w.message).join(' ')}
      >
        ⚠
      </span>
    ) : null;
  const title = (
    <span className="sc-ev__title">
      {kind === 'draft' && <span className="sc-ev__kind">Draft: </span>}
      {d.title}
    </span>
  );
  // The list view has a row to spare: title, brand, status and risk on one line.
  if (info.view.type.startsWith('list')) {
    return (
      <div className={`${className} sc-ev--in-list`} {...common}>
        <span className="sc-ev__time">{info.timeText}</span>
        <PlatformBadge platform={d.platform} />
        {flag}
        {title}
        <span className="sc-ev__brand">{meta.brandName}</span>
        <RiskChip risk={risk} />
        <StatusChip status={d.status} compact />
      </div>
    );
  }
  // A grid cell is narrow: the risk, when there is one, stands in for the status.
  const atRisk = risk === 'overdue' || risk === 'due_soon';
  return (
    <div className={className} {...common}>
      <span className="sc-ev__line">
        <PlatformBadge platform={d.platform} />
        {flag}
        {title}
      </span>
      <span className="sc-ev__meta">
        {info.timeText && <span className="sc-ev__time">{info.timeText}</span>}
        {atRisk ? <RiskChip risk={risk} /> : <StatusChip status={d.status} compact />}
      </span>
    </div>
  );
}
