import type { ReviewDecisionBody } from '../../../shared/schemas/review';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useLinkView } from './read';
import { useWrite, type Answer, type WriteOptions } from './write';

/** The draft behind a review link, asked without a session; null when the link no longer works. */
export function useReview(token: string) {
  return useLinkView(keys.review(token), () =>
    unwrap(api.review[':token'].$get({ param: { token } })),
  );
}

const decide = (token: string, json: ReviewDecisionBody) =>
  unwrap(api.review[':token'].decision.$post({ param: { token }, json }));

/** The brand's approval or change request, sent without a session. */
export function useReviewDecision(
  token: string,
  options: WriteOptions<Answer<typeof decide>, ReviewDecisionBody> = {},
) {
  return useWrite((json: ReviewDecisionBody) => decide(token, json), {}, options);
}
