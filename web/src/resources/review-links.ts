import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewLink } from '../../../shared/schemas/review';
import { api, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

/** A deliverable's review links, newest first: its review history. */
export function useReviewLinks(deliverableId: string) {
  return useQuery({
    queryKey: keys.reviewLinks(deliverableId),
    queryFn: async () =>
      (await unwrap(api.deliverables[':id']['review-links'].$get({ param: { id: deliverableId } })))
        .items,
  });
}

function useRefreshReviewLinks(deliverableId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.reviewLinks(deliverableId) });
}

const createReviewLink = (deliverableId: string, expiresInDays: number) =>
  unwrap(
    api.deliverables[':id']['review-links'].$post({
      param: { id: deliverableId },
      json: { expiresInDays },
    }),
  );

/** A new link for the brand to review the draft, valid for the given number of days. */
export function useCreateReviewLink(
  deliverableId: string,
  options: WriteOptions<Answer<typeof createReviewLink>, number> = {},
) {
  const refresh = useRefreshReviewLinks(deliverableId);
  return useMutation({
    ...options,
    mutationFn: (expiresInDays: number) => createReviewLink(deliverableId, expiresInDays),
    onSuccess: (...args) => {
      const result = options.onSuccess?.(...args);
      refresh();
      return result;
    },
  });
}

const revokeReviewLink = (deliverableId: string, linkId: string) =>
  unwrap(
    api.deliverables[':id']['review-links'][':linkId'].$delete({
      param: { id: deliverableId, linkId },
    }),
  );

export function useRevokeReviewLink(
  deliverableId: string,
  options: WriteOptions<Answer<typeof revokeReviewLink>, ReviewLink> = {},
) {
  const refresh = useRefreshReviewLinks(deliverableId);
  return useMutation({
    ...options,
    mutationFn: (link: ReviewLink) => revokeReviewLink(deliverableId, link.id),
    onSuccess: (...args) => {
      const result = options.onSuccess?.(...args);
      refresh();
      return result;
    },
  });
}
