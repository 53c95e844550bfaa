import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamMember, UserPatch } from '../../../shared/schemas/team';
import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** Enabled members, for assignee pickers and names. */
export function useTeam() {
  return useQuery({
    queryKey: keys.team,
    queryFn: async () => (await unwrap(api.team.$get())).items,
    staleTime: 5 * 60_000,
  });
}

/** Everyone on the install, disabled ones included, with when they were last active (owner only). */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: keys.users,
    queryFn: async () => (await unwrap(api.users.$get())).items,
    enabled,
  });
}

const patchUser = (id: string, json: UserPatch) =>
  unwrap(api.users[':id'].$patch({ param: { id }, json }));

/**
 * Changes a member's role or disables/enables them. The row shows the answer;
 * pickers (enabled members) and, for oneself, the signed-in user are refreshed.
 * A refusal (last owner, a stale version) reloads the list to show what is saved.
 */
export function useUpdateUser(
  member: TeamMember,
  isSelf: boolean,
  options: WriteOptions<Answer<typeof patchUser>, UserPatch> = {},
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useWrite(
    (json: UserPatch) => patchUser(member.id, json),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData<TeamMember[]>(keys.users, (list) =>
          list?.map((m) => (m.id === saved.id ? saved : m)),
        );
        invalidate(keys.team);
        if (isSelf) invalidate(keys.me);
      },
      onError: () => invalidate(keys.users),
    },
    options,
  );
}

const transferOwnership = (id: string) =>
  unwrap(api.users[':id']['transfer-ownership'].$post({ param: { id } }));

/**
 * Makes `memberId` the owner. The caller is an editor from then on: owner
 * data (users, invites) is forgotten and the signed-in user refreshed.
 */
export function useTransferOwnership(
  memberId: string,
  options: WriteOptions<Answer<typeof transferOwnership>> = {},
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useWrite(
    () => transferOwnership(memberId),
    {
      onSuccess: () => {
        invalidate(keys.me);
        queryClient.removeQueries({ queryKey: keys.users });
        queryClient.removeQueries({ queryKey: keys.invites });
      },
      onError: () => invalidate(keys.users),
    },
    options,
  );
}
