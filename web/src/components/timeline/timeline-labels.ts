import type { TimelineItem, TimelineType } from '../../../../shared/schemas/timeline';

export const TIMELINE_TYPE_LABELS: Record<TimelineType, string> = {
  note: 'Note',
  pitch: 'Pitch',
  brand_created: 'Brand',
  brand_changed: 'Brand',
  request_received: 'Request',
  request_decided: 'Request',
  deal_created: 'Deal',
  deal_status: 'Deal',
  deal_changed: 'Deal',
  proposal_sent: 'Proposal',
  proposal_answered: 'Proposal',
  review_link_sent: 'Review',
  review_decision: 'Review',
  invoice_sent: 'Invoice',
  invoice_reminder: 'Reminder',
  remittance: 'Payment',
  payment: 'Payment',
  report_shared: 'Report',
  testimonial: 'Testimonial',
};

/**
 * Where an entry's subject lives in the app: a deal's page for the deal and
 * what hangs on it, the request inbox for a request; null for what is on the
 * brand page itself (the brand, its notes and pitches).
 */
export function subjectHref(item: TimelineItem): string | null {
  switch (item.subjectType) {
    case 'request':
      return `/requests?request=${encodeURIComponent(item.subjectId)}`;
    case 'deal':
    case 'deliverable':
    case 'invoice':
    case 'proposal':
      return item.dealId ? `/deals/${encodeURIComponent(item.dealId)}` : null;
    default:
      return null;
  }
}

/** "Ana Ruiz", or "Dana Brand (brand)" for someone at the brand; null when Sponsorcal did it. */
export function actorLabel(actor: TimelineItem['actor']): string | null {
  if (!actor) return null;
  return actor.kind === 'brand' ? `${actor.name} (brand)` : actor.name;
}
