import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReviewDecisionBody } from '../../../shared/schemas/review';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

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

const decide = (token: string, json: ReviewDecisionBody) =>
  unwrap(api.review[':token'].decision.$post({ param: { token }, json }));

/** The brand's approval or change request, sent without a session. */
export function useReviewDecision(
  token: string,
  options: WriteOptions<Answer<typeof decide>, ReviewDecisionBody> = {},
) {
  return useMutation({
    ...options,
    mutationFn: (json: ReviewDecisionBody) => decide(token, json),
  });
}
