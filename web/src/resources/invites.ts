import { useQuery } from '@tanstack/react-query';
import type { InviteAccept, InviteCreate } from '../../../shared/schemas/team';
import { api, unwrap } from '../api';
import { useSignedIn } from './auth';
import { keys } from './keys';
import { useLinkView } from './read';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** Invite links, newest first, each with its state as of now (owner only). */
export function useInvites() {
  return useQuery({
    queryKey: keys.invites,
    queryFn: async () => (await unwrap(api.invites.$get())).items,
  });
}

/** What an invite link offers, asked without a session; null when the link no longer works. */
export function useInvitePreview(token: string) {
  return useLinkView(keys.invitePreview(token), () =>
    unwrap(api.invites[':token'].$get({ param: { token } })),
  );
}

function useRefreshInvites() {
  const invalidate = useInvalidate();
  return () => invalidate(keys.invites);
}

const createInvite = (json: InviteCreate) => unwrap(api.invites.$post({ json }));

export function useCreateInvite(
  options: WriteOptions<Answer<typeof createInvite>, InviteCreate> = {},
) {
  return useWrite(createInvite, { onSuccess: useRefreshInvites() }, options);
}

const revokeInvite = (id: string) => unwrap(api.invites[':id'].$delete({ param: { id } }));

export function useRevokeInvite(
  id: string,
  options: WriteOptions<Answer<typeof revokeInvite>> = {},
) {
  return useWrite(() => revokeInvite(id), { onSuccess: useRefreshInvites() }, options);
}

const acceptInvite = (token: string, json: InviteAccept) =>
  unwrap(api.invites[':token'].accept.$post({ param: { token }, json }));

/** Creates the account an invite offers and signs it in. */
export function useAcceptInvite(
  token: string,
  options: WriteOptions<Answer<typeof acceptInvite>, InviteAccept> = {},
) {
  return useWrite(
    (json: InviteAccept) => acceptInvite(token, json),
    { onSuccess: useSignedIn() },
    options,
  );
}
