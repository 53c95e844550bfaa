import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteAccept, InviteCreate } from '../../../shared/schemas/team';
import { api, isApiError, unwrap } from '../api';
import { useSignedIn } from './auth';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

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

function useRefreshInvites() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.invites });
}

const createInvite = (json: InviteCreate) => unwrap(api.invites.$post({ json }));

export function useCreateInvite(
  options: WriteOptions<Answer<typeof createInvite>, InviteCreate> = {},
) {
  const refresh = useRefreshInvites();
  return useMutation({
    ...options,
    mutationFn: createInvite,
    onSuccess: (...args) => {
      refresh();
      return options.onSuccess?.(...args);
    },
  });
}

const revokeInvite = (id: string) => unwrap(api.invites[':id'].$delete({ param: { id } }));

export function useRevokeInvite(
  id: string,
  options: WriteOptions<Answer<typeof revokeInvite>> = {},
) {
  const refresh = useRefreshInvites();
  return useMutation({
    ...options,
    mutationFn: () => revokeInvite(id),
    onSuccess: (...args) => {
      refresh();
      return options.onSuccess?.(...args);
    },
  });
}

const acceptInvite = (token: string, json: InviteAccept) =>
  unwrap(api.invites[':token'].accept.$post({ param: { token }, json }));

/** Creates the account an invite offers and signs it in. */
export function useAcceptInvite(
  token: string,
  options: WriteOptions<Answer<typeof acceptInvite>, InviteAccept> = {},
) {
  const signedIn = useSignedIn();
  return useMutation({
    ...options,
    mutationFn: (json: InviteAccept) => acceptInvite(token, json),
    onSuccess: (user, ...rest) => {
      signedIn(user);
      return options.onSuccess?.(user, ...rest);
    },
  });
}
