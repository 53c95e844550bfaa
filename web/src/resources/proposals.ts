import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProposalCreate,
  ProposalDecisionBody,
  ProposalSend,
} from '../../../shared/schemas/proposal';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useLinkView } from './read';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** A deal's proposals, newest version first. */
export function useDealProposals(dealId: string) {
  return useQuery({
    queryKey: keys.proposals(dealId),
    queryFn: async () =>
      (await unwrap(api.deals[':id'].proposals.$get({ param: { id: dealId } }))).items,
  });
}

const createProposal = ({ dealId, ...json }: ProposalCreate & { dealId: string }) =>
  unwrap(api.deals[':id'].proposals.$post({ param: { id: dealId }, json }));

/** Sends a proposal (a new version: the open one is replaced); the list is asked again. */
export function useCreateProposal(
  dealId: string,
  options: WriteOptions<Answer<typeof createProposal>, ProposalCreate> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    (json: ProposalCreate) => createProposal({ ...json, dealId }),
    { onSuccess: () => invalidate(keys.proposals(dealId)) },
    options,
  );
}

const withdraw = (id: string) => unwrap(api.proposals[':id'].withdraw.$post({ param: { id } }));

/** Withdraws an open proposal; the list is asked again whatever the answer. */
export function useWithdrawProposal(
  dealId: string,
  options: WriteOptions<Answer<typeof withdraw>, string> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(withdraw, { onSettled: () => invalidate(keys.proposals(dealId)) }, options);
}

const sendProposal = ({ id, ...json }: ProposalSend & { id: string }) =>
  unwrap(api.proposals[':id'].send.$post({ param: { id }, json }));

/** E-mails an open proposal's link and PDF to the brand's contacts. */
export function useSendProposal(
  options: WriteOptions<Answer<typeof sendProposal>, ProposalSend & { id: string }> = {},
) {
  return useWrite(sendProposal, {}, options);
}

/** The proposal behind a brand's link, asked without a session; null when the link opens none. */
export function useProposalView(token: string) {
  return useLinkView(keys.proposalView(token), () =>
    unwrap(api['proposal-links'][':token'].$get({ param: { token } })),
  );
}

/** The printable copy of a proposal, by its link's token. */
export const proposalPdfPath = (token: string) =>
  `/api/proposal-links/${encodeURIComponent(token)}/pdf`;

const decide = (token: string, json: ProposalDecisionBody) =>
  unwrap(api['proposal-links'][':token'].decision.$post({ param: { token }, json }));

/** The brand's acceptance or change request, sent without a session; the page is read again. */
export function useProposalDecision(
  token: string,
  options: WriteOptions<Answer<typeof decide>, ProposalDecisionBody> = {},
) {
  const queryClient = useQueryClient();
  return useWrite(
    (json: ProposalDecisionBody) => decide(token, json),
    { onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.proposalView(token) }) },
    options,
  );
}
