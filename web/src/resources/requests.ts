import { useQuery } from '@tanstack/react-query';
import type { RequestAccept, RequestDecline, RequestStatus } from '../../../shared/schemas/request';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** The inbox: one status's requests, newest first, with the count of each status. */
export function useRequests(state: RequestStatus, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: keys.requestList(state),
    queryFn: () => unwrap(api.requests.$get({ query: { state } })),
    ...(options.poll ? { refetchInterval: 60_000 } : {}),
  });
}

/** How many new requests wait (the nav's badge). */
export function useNewRequestCount() {
  const list = useRequests('new', { poll: true });
  return list.data?.counts.new ?? 0;
}

/** One request in full, with the known brand it seems to come from. */
export function useRequest(id: string | null) {
  return useQuery({
    queryKey: keys.request(id ?? ''),
    queryFn: () => unwrap(api.requests[':id'].$get({ param: { id: id! } })),
    enabled: id !== null,
  });
}

/** The request a deal came from, if it came from one. */
export function useRequestOfDeal(dealId: string) {
  return useQuery({
    queryKey: keys.requestsOfDeal(dealId),
    queryFn: async () => (await unwrap(api.requests.$get({ query: { dealId } }))).items[0] ?? null,
  });
}

/** A decision changes the inbox, and accepting adds a brand, a deal and deliverables. */
function useRefreshAfterDecision() {
  const invalidate = useInvalidate();
  return () => invalidate(keys.requests, keys.brands, keys.deals, keys.deliverables, keys.alerts);
}

const accept = (id: string, json: RequestAccept) =>
  unwrap(api.requests[':id'].accept.$post({ param: { id }, json }));

export function useAcceptRequest(
  id: string,
  options: WriteOptions<Answer<typeof accept>, RequestAccept> = {},
) {
  return useWrite(
    (json: RequestAccept) => accept(id, json),
    { onSuccess: useRefreshAfterDecision() },
    options,
  );
}

const decline = (id: string, json: RequestDecline) =>
  unwrap(api.requests[':id'].decline.$post({ param: { id }, json }));

export function useDeclineRequest(
  id: string,
  options: WriteOptions<Answer<typeof decline>, RequestDecline> = {},
) {
  return useWrite(
    (json: RequestDecline) => decline(id, json),
    { onSuccess: useRefreshAfterDecision() },
    options,
  );
}

const spam = (id: string) => unwrap(api.requests[':id'].spam.$post({ param: { id } }));

export function useMarkRequestSpam(
  id: string,
  options: WriteOptions<Answer<typeof spam>, void> = {},
) {
  return useWrite(() => spam(id), { onSuccess: useRefreshAfterDecision() }, options);
}
