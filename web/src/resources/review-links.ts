import { useQuery } from '@tanstack/react-query';
import type { ReviewLink } from '../../../shared/schemas/review';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** A deliverable's review links, newest first: its review history. */
export function useReviewLinks(deliverableId: string) {
  return useQuery({
    queryKey: keys.reviewLinks(deliverableId),
    queryFn: async () =>
      (await unwrap(api.deliverables[':id']['review-links'].$get({ param: { id: deliverableId } })))
        .items,
  });
}

/** The review history is asked again, after the component's own reaction. */
function useReviewLinksChanged(deliverableId: string) {
  const invalidate = useInvalidate();
  return { onSuccess: () => invalidate(keys.reviewLinks(deliverableId)), componentFirst: true };
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
  return useWrite(
    (expiresInDays: number) => createReviewLink(deliverableId, expiresInDays),
    useReviewLinksChanged(deliverableId),
    options,
  );
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
  return useWrite(
    (link: ReviewLink) => revokeReviewLink(deliverableId, link.id),
    useReviewLinksChanged(deliverableId),
    options,
  );
}
