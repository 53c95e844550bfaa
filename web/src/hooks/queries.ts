import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { AlertRule } from '../../../shared/schemas/alert';
import type { DealStatus } from '../../../shared/schemas/deal';
import type { Deliverable } from '../../../shared/schemas/deliverable';
import type { AuditAction, AuditEntityType } from '../../../shared/schemas/team';
import { api, isApiError, unwrap } from '../api';

/** Query keys in one place, so mutations invalidate exactly what they change. */
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
  audit: ['audit'] as const,
  auditList: (filter: AuditFilter) => ['audit', 'list', filter] as const,
  sessions: ['my-sessions'] as const,
  tokens: ['my-tokens'] as const,
  feed: ['my-feed'] as const,
  kit: ['media-kit'] as const,
  kitCaseStudies: ['media-kit', 'case-studies'] as const,
};

/** What the audit page asks for; `from`/`to` are UTC instants (the filter's days in the user's zone). */
export interface AuditFilter {
  entityType: AuditEntityType | null;
  actorId: string | null;
  action: AuditAction | null;
  from: string | null;
  to: string | null;
}

export type AlertState = 'open' | 'snoozed' | 'acknowledged' | 'all';

export interface AlertListFilter {
  state: AlertState;
  rule: AlertRule | null;
  limit: number;
}

/** How often the bell asks for the open count (and an open inbox for its list). */
export const ALERT_POLL_MS = 20_000;

/**
 * Forgets everything but the auth queries (which the app root observes, so
 * they are updated in place rather than removed): used on sign-in and sign-out,
 * so no data of one session is shown in the next.
 */
export function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: keys.setup,
    queryFn: () => unwrap(api.auth.setup.$get()),
    staleTime: Infinity,
  });
}

/** The signed-in user, or null when the session is missing or expired. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await unwrap(api.auth.me.$get());
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(api.settings.$get()) });
}

export function useMediaKit() {
  return useQuery({ queryKey: keys.kit, queryFn: () => unwrap(api.kit.$get()) });
}

/** Published deliverables with numbers, for picking the kit's case studies. */
export function useCaseStudyCandidates() {
  return useQuery({
    queryKey: keys.kitCaseStudies,
    queryFn: async () => (await unwrap(api.kit['case-studies'].$get())).items,
  });
}

export function useTeam() {
  return useQuery({
    queryKey: keys.team,
    queryFn: async () => (await unwrap(api.team.$get())).items,
    staleTime: 5 * 60_000,
  });
}

export function useBrands() {
  return useQuery({
    queryKey: keys.brands,
    queryFn: async () => (await unwrap(api.brands.$get({ query: {} }))).items,
  });
}

/** Every brand, or (with a number of days) those not contacted in that long, as the server counts them. */
export function useBrandList(notContactedDays: number | null) {
  return useQuery({
    queryKey: keys.brandList(notContactedDays),
    queryFn: async () =>
      (
        await unwrap(
          api.brands.$get({
            query: notContactedDays === null ? {} : { notContactedDays: String(notContactedDays) },
          }),
        )
      ).items,
  });
}

/** A brand's pitch log, newest first. */
export function usePitches(brandId: string) {
  return useQuery({
    queryKey: keys.pitches(brandId),
    queryFn: async () =>
      (await unwrap(api.brands[':id'].pitches.$get({ param: { id: brandId } }))).items,
  });
}

export function useAllDeals() {
  return useQuery({
    queryKey: keys.dealList({ status: [], brandId: [] }),
    queryFn: async () => (await unwrap(api.deals.$get({ query: {} }))).items,
  });
}

export function useDeals(filter: { status: DealStatus[]; brandId: string[] }) {
  return useQuery({
    queryKey: keys.dealList(filter),
    queryFn: async () =>
      (
        await unwrap(
          api.deals.$get({
            query: {
              ...(filter.status.length ? { status: filter.status.join(',') } : {}),
              ...(filter.brandId.length ? { brandId: filter.brandId.join(',') } : {}),
            },
          }),
        )
      ).items,
    placeholderData: (previous) => previous,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: keys.deal(id),
    queryFn: () => unwrap(api.deals[':id'].$get({ param: { id } })),
  });
}

export function useDeliverablesOfDeal(dealId: string) {
  return useQuery({
    queryKey: keys.deliverablesOfDeal(dealId),
    queryFn: async () => (await unwrap(api.deliverables.$get({ query: { dealId } }))).items,
  });
}

/** One deliverable, always refetched on open; `initial` (say, from a calendar event) shows at once. */
export function useDeliverable(id: string | null, initial?: Deliverable) {
  return useQuery({
    queryKey: keys.deliverable(id ?? ''),
    queryFn: () => unwrap(api.deliverables[':id'].$get({ param: { id: id! } })),
    enabled: id !== null,
    staleTime: 0,
    ...(initial && initial.id === id ? { initialData: initial, initialDataUpdatedAt: 0 } : {}),
  });
}

/** A deliverable's review links, newest first: its review history. */
export function useReviewLinks(deliverableId: string) {
  return useQuery({
    queryKey: keys.reviewLinks(deliverableId),
    queryFn: async () =>
      (await unwrap(api.deliverables[':id']['review-links'].$get({ param: { id: deliverableId } })))
        .items,
  });
}

/** The draft behind a review link, asked without a session; null when the link no longer works. */
export function useReview(token: string) {
  return useQuery({
    queryKey: keys.review(token),
    queryFn: async () => {
      try {
        return await unwrap(api.review[':token'].$get({ param: { token } }));
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** The number on the bell: polled, and refreshed whenever the window regains focus. */
export function useAlertCount() {
  return useQuery({
    queryKey: keys.alertCount,
    queryFn: async () => (await unwrap(api.alerts.count.$get())).open,
    refetchInterval: ALERT_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 5_000,
  });
}

/** An inbox page, newest first; its `openCount` also updates the bell. */
export function useAlerts(
  filter: AlertListFilter,
  options: { enabled?: boolean; poll?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.alertList(filter),
    queryFn: async () => {
      const result = await unwrap(
        api.alerts.$get({
          query: {
            state: filter.state,
            limit: String(filter.limit),
            ...(filter.rule ? { rule: filter.rule } : {}),
          },
        }),
      );
      queryClient.setQueryData(keys.alertCount, result.openCount);
      return result;
    },
    enabled: options.enabled ?? true,
    refetchInterval: options.poll ? ALERT_POLL_MS : false,
    staleTime: 5_000,
    placeholderData: (previous, previousQuery) =>
      // Keeps the rows on screen while a rule filter changes, not across tabs.
      previousQuery?.queryKey[2]?.state === filter.state ? previous : undefined,
  });
}

/** Webhook channels: the owner's (others are answered 403, so do not ask). */
export function useChannels(enabled: boolean) {
  return useQuery({
    queryKey: keys.channels,
    queryFn: async () => (await unwrap(api.channels.$get())).items,
    enabled,
  });
}

/** The signed-in user's alert e-mail switch and own time zone. */
export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => unwrap(api.me.preferences.$get()),
  });
}

/** One brand with its contacts (the printed invoice bills its first contact). */
export function useBrand(id: string | null) {
  return useQuery({
    queryKey: keys.brand(id ?? ''),
    queryFn: () => unwrap(api.brands[':id'].$get({ param: { id: id! } })),
    enabled: id !== null,
  });
}

export function useInvoicesOfDeal(dealId: string) {
  return useQuery({
    queryKey: keys.invoicesOfDeal(dealId),
    queryFn: async () => (await unwrap(api.invoices.$get({ query: { dealId } }))).items,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: keys.invoice(id),
    queryFn: () => unwrap(api.invoices[':id'].$get({ param: { id } })),
  });
}

/** The number the server would give the next invoice; asked afresh each time a form opens. */
export function useNextInvoiceNumber(enabled: boolean) {
  return useQuery({
    queryKey: keys.nextInvoiceNumber,
    queryFn: async () => (await unwrap(api.invoices['next-number'].$get({ query: {} }))).number,
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Totals, payments by month, by brand, and who is late: the money page. */
export function useMoneySummary() {
  return useQuery({
    queryKey: keys.money,
    queryFn: () => unwrap(api.money.summary.$get({ query: { months: '12' } })),
  });
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

/** Everyone on the install, disabled ones included, with when they were last active (owner only). */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: keys.users,
    queryFn: async () => (await unwrap(api.users.$get())).items,
    enabled,
  });
}

/** Invite links, newest first, each with its state as of now (owner only). */
export function useInvites() {
  return useQuery({
    queryKey: keys.invites,
    queryFn: async () => (await unwrap(api.invites.$get())).items,
  });
}

/** What an invite link offers, asked without a session; null when the link no longer works. */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: keys.invitePreview(token),
    queryFn: async () => {
      try {
        return await unwrap(api.invites[':token'].$get({ param: { token } }));
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first; each further page is older (`before` = the last page's `nextBefore`). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: keys.auditList(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.audit.$get({
          query: {
            limit: String(AUDIT_PAGE_SIZE),
            ...(filter.entityType ? { entityType: filter.entityType } : {}),
            ...(filter.actorId ? { actorId: filter.actorId } : {}),
            ...(filter.action ? { action: filter.action } : {}),
            ...(filter.from ? { from: filter.from } : {}),
            ...(filter.to ? { to: filter.to } : {}),
            ...(pageParam ? { before: pageParam } : {}),
          },
        }),
      ),
    getNextPageParam: (page) => page.nextBefore,
    placeholderData: (previous) => previous,
  });
}

/** Where the signed-in user is signed in (`current` marks this browser). */
export function useSessions() {
  return useQuery({
    queryKey: keys.sessions,
    queryFn: async () => (await unwrap(api.me.sessions.$get())).items,
  });
}

/** The signed-in user's API tokens (never the secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: async () => (await unwrap(api.me.tokens.$get())).items,
  });
}

/** The signed-in user's calendar feed: whether it is on, what it shows, when it was last fetched. */
export function useFeed() {
  return useQuery({
    queryKey: keys.feed,
    queryFn: () => unwrap(api.me['feed-token'].$get()),
    staleTime: 0,
  });
}
