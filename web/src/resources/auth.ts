import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, SetupInput, User } from '../../../shared/schemas/auth';
import { api, isApiError, unwrap } from '../api';
import { forgetSessionData, keys, type Answer, type WriteOptions } from './keys';

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
    queryFn: async () => {
      try {
        return await unwrap(api.auth.me.$get());
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
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

export function useLogin(options: WriteOptions<User, LoginInput> = {}) {
  const signedIn = useSignedIn();
  return useMutation({
    ...options,
    mutationFn: (input: LoginInput) => unwrap(api.auth.login.$post({ json: input })),
    onSuccess: (user, ...rest) => {
      signedIn(user);
      return options.onSuccess?.(user, ...rest);
    },
  });
}

/** First run: the person installing Sponsorcal becomes its owner (and is signed in). */
export function useSetup(options: WriteOptions<User, SetupInput> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (input: SetupInput) => unwrap(api.auth.setup.$post({ json: input })),
    onSuccess: (user, ...rest) => {
      queryClient.setQueryData(keys.setup, { setupRequired: false, signedIn: true });
      queryClient.setQueryData(keys.me, user);
      return options.onSuccess?.(user, ...rest);
    },
    onError: (error, ...rest) => {
      const result = options.onError?.(error, ...rest);
      void queryClient.invalidateQueries({ queryKey: keys.setup });
      return result;
    },
  });
}

const logout = () => unwrap(api.auth.logout.$post());

export function useSignOut(options: WriteOptions<Answer<typeof logout>> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: logout,
    onSuccess: (...args) => {
      queryClient.setQueryData(keys.me, null);
      queryClient.setQueryData(keys.setup, { setupRequired: false, signedIn: false });
      forgetSessionData(queryClient);
      return options.onSuccess?.(...args);
    },
  });
}
