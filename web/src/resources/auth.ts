import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, SetupInput, User } from '../../../shared/schemas/auth';
import { api, unwrap } from '../api';
import { forgetSessionData, keys } from './keys';
import { orNullOn } from './read';
import { useWrite, type Answer, type WriteOptions } from './write';

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
    queryFn: () => orNullOn(401, () => unwrap(api.auth.me.$get())),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A new session for `user`: nothing of the last one stays in the cache. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return (user: User) => {
    forgetSessionData(queryClient);
    queryClient.setQueryData(keys.setup, { setupRequired: false, signedIn: true });
    queryClient.setQueryData(keys.me, user);
  };
}

const login = (input: LoginInput) => unwrap(api.auth.login.$post({ json: input }));

export function useLogin(options: WriteOptions<User, LoginInput> = {}) {
  return useWrite(login, { onSuccess: useSignedIn() }, options);
}

const setup = (input: SetupInput) => unwrap(api.auth.setup.$post({ json: input }));

/** First run: the person installing Sponsorcal becomes its owner (and is signed in). */
export function useSetup(options: WriteOptions<User, SetupInput> = {}) {
  const queryClient = useQueryClient();
  return useWrite(
    setup,
    {
      onSuccess: (user) => {
        queryClient.setQueryData(keys.setup, { setupRequired: false, signedIn: true });
        queryClient.setQueryData(keys.me, user);
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: keys.setup }),
    },
    options,
  );
}

const logout = () => unwrap(api.auth.logout.$post());

export function useSignOut(options: WriteOptions<Answer<typeof logout>> = {}) {
  const queryClient = useQueryClient();
  return useWrite(
    logout,
    {
      onSuccess: () => {
        queryClient.setQueryData(keys.me, null);
        queryClient.setQueryData(keys.setup, { setupRequired: false, signedIn: false });
        forgetSessionData(queryClient);
      },
    },
    options,
  );
}
