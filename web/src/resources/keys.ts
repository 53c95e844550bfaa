import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DealStatus } from '../../../shared/schemas/deal';
import type { AlertListFilter } from './alerts';
import type { AuditFilter } from './audit';

/** Query keys in one place, so writes invalidate exactly what they change. */
export const keys = {
  setup: ['auth', 'setup'] as const,
  me: ['auth', 'me'] as const,
  settings: ['settings'] as const,
  team: ['team'] as const,
  brands: ['brands'] as const,
  brand: (id: string) => ['brands', 'one', id] as const,
  /** Brands not contacted in this many days (the pipeline's filter); every brand when null. */
  brandList: (notContactedDays: number | null) =>
    notContactedDays === null
      ? (['brands'] as const)
      : (['brands', 'not-contacted', notContactedDays] as const),
  pitches: (brandId: string) => ['brands', 'pitches', brandId] as const,
  /** Under the brands key: every brand change (a pitch, a stage) refreshes the timeline too. */
  timeline: (brandId: string) => ['brands', 'timeline', brandId] as const,
  deals: ['deals'] as const,
  dealList: (filter: { status: DealStatus[]; brandId: string[] }) =>
    ['deals', 'list', filter] as const,
  deal: (id: string) => ['deals', 'one', id] as const,
  deliverables: ['deliverables'] as const,
  deliverablesOfDeal: (dealId: string) => ['deliverables', 'deal', dealId] as const,
  deliverable: (id: string) => ['deliverables', 'one', id] as const,
  invoices: ['invoices'] as const,
  invoicesOfDeal: (dealId: string) => ['invoices', 'deal', dealId] as const,
  invoice: (id: string) => ['invoices', 'one', id] as const,
  nextInvoiceNumber: ['invoices', 'next-number'] as const,
  money: ['money'] as const,
  /** Under the money key, so every payment change refreshes the fees too. */
  moneyFees: ['money', 'fees'] as const,
  alerts: ['alerts'] as const,
  alertCount: ['alerts', 'count'] as const,
  alertLists: ['alerts', 'list'] as const,
  alertList: (filter: AlertListFilter) => ['alerts', 'list', filter] as const,
  channels: ['channels'] as const,
  preferences: ['preferences'] as const,
  users: ['users'] as const,
  invites: ['invites'] as const,
  invitePreview: (token: string) => ['invite-preview', token] as const,
  reviewLinks: (deliverableId: string) => ['deliverables', 'review-links', deliverableId] as const,
  review: (token: string) => ['review', token] as const,
  proposals: (dealId: string) => ['deals', 'proposals', dealId] as const,
  proposalView: (token: string) => ['proposal-link', token] as const,
  reportLinks: (dealId: string) => ['deals', 'report-links', dealId] as const,
  reportView: (token: string) => ['report-link', token] as const,
  testimonials: (dealId: string) => ['testimonials', dealId] as const,
  audit: ['audit'] as const,
  auditList: (filter: AuditFilter) => ['audit', 'list', filter] as const,
  sessions: ['my-sessions'] as const,
  tokens: ['my-tokens'] as const,
  feed: ['my-feed'] as const,
  kit: ['media-kit'] as const,
  requests: ['requests'] as const,
  requestList: (state: string) => ['requests', 'list', state] as const,
  request: (id: string) => ['requests', 'one', id] as const,
  requestsOfDeal: (dealId: string) => ['requests', 'deal', dealId] as const,
  kitCaseStudies: ['media-kit', 'case-studies'] as const,
};

/**
 * Forgets everything but the auth queries (which the app root observes, so
 * they are updated in place rather than removed): used on sign-in and sign-out,
 * so no data of one session is shown in the next.
 */
export function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
}

/**
 * Everything an invoice or payment change can move: the invoice lists, the deal's
 * invoiced/paid figures, the money page, and the invoice alerts it may resolve.
 */
export function invalidateMoney(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: keys.invoices });
  void queryClient.invalidateQueries({ queryKey: keys.deals });
  void queryClient.invalidateQueries({ queryKey: keys.money });
  void queryClient.invalidateQueries({ queryKey: keys.alerts });
}

/** Refetches everything: after sample data lands, or the calendar's "Reload". */
export function useRefreshAll(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
