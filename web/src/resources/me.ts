import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenCreate, PasswordChange, ProfilePatch } from '../../../shared/schemas/team';
import type { Preferences, PreferencesInput } from '../../../shared/schemas/channel';
import type { Feed, FeedTokenCreate } from '../../../shared/schemas/feed';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

/** The signed-in user's alert e-mail switch and own time zone. */
export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => unwrap(api.me.preferences.$get()),
  });
}

/** Where the signed-in user is signed in (`current` marks this browser). */
export function useSessions() {
  return useQuery({
    queryKey: keys.sessions,
    queryFn: async () => (await unwrap(api.me.sessions.$get())).items,
  });
}

/** The signed-in user's API tokens (never the secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: async () => (await unwrap(api.me.tokens.$get())).items,
  });
}

/** The signed-in user's calendar feed: whether it is on, what it shows, when it was last fetched. */
export function useFeed() {
  return useQuery({
    queryKey: keys.feed,
    queryFn: () => unwrap(api.me['feed-token'].$get()),
    staleTime: 0,
  });
}

/** The feed when there is none: off, and everything would be shown. */
export const NO_FEED: Feed = {
  active: false,
  drafts: true,
  goLives: true,
  invoices: true,
  createdAt: null,
  lastFetchedAt: null,
};

const saveProfile = (json: ProfilePatch) => unwrap(api.me.$patch({ json }));

/**
 * Saves name, e-mail and own zone. Names show up in lists and menus and the
 * zone moves every time on screen, so those are refreshed; a version conflict
 * (another tab) reloads the signed-in user.
 */
export function useSaveProfile(
  options: WriteOptions<Answer<typeof saveProfile>, ProfilePatch> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: saveProfile,
    onSuccess: (saved, ...rest) => {
      queryClient.setQueryData(keys.me, saved);
      void queryClient.invalidateQueries({ queryKey: keys.team });
      void queryClient.invalidateQueries({ queryKey: keys.users });
      void queryClient.invalidateQueries({ queryKey: keys.preferences });
      void queryClient.invalidateQueries({ queryKey: keys.deliverables });
      return options.onSuccess?.(saved, ...rest);
    },
    onError: (error, ...rest) => {
      if (isApiError(error, 409) && error.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: keys.me });
      }
      return options.onError?.(error, ...rest);
    },
  });
}

/** The switch moves at once and goes back if the server refuses. */
export function useSavePreferences(
  options: WriteOptions<Preferences, PreferencesInput, { before: Preferences | undefined }> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (json: PreferencesInput) => unwrap(api.me.preferences.$put({ json })),
    onMutate: async (json) => {
      await queryClient.cancelQueries({ queryKey: keys.preferences });
      const before = queryClient.getQueryData<Preferences>(keys.preferences);
      if (before) queryClient.setQueryData<Preferences>(keys.preferences, { ...before, ...json });
      return { before };
    },
    onSuccess: (saved, ...rest) => {
      queryClient.setQueryData(keys.preferences, saved);
      return options.onSuccess?.(saved, ...rest);
    },
    onError: (error, json, context, ...rest) => {
      if (context?.before) queryClient.setQueryData(keys.preferences, context.before);
      return options.onError?.(error, json, context, ...rest);
    },
  });
}

/** A write that changes where the user is signed in: the sessions list is asked again. */
function useSessionsWrite<TData, TVars>(
  mutationFn: (vars: TVars) => Promise<TData>,
  options: WriteOptions<TData, TVars>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn,
    onSuccess: (...args) => {
      const result = options.onSuccess?.(...args);
      void queryClient.invalidateQueries({ queryKey: keys.sessions });
      return result;
    },
  });
}

const changePassword = (json: PasswordChange) => unwrap(api.me.password.$post({ json }));

/** Changes the password; every other session ends. */
export function useChangePassword(
  options: WriteOptions<Answer<typeof changePassword>, PasswordChange> = {},
) {
  return useSessionsWrite(changePassword, options);
}

const signOutOthers = () => unwrap(api.me.sessions.$delete());

export function useSignOutOthers(options: WriteOptions<Answer<typeof signOutOthers>> = {}) {
  return useSessionsWrite(signOutOthers, options);
}

const endSession = (id: string) => unwrap(api.me.sessions[':id'].$delete({ param: { id } }));

export function useEndSession(id: string, options: WriteOptions<Answer<typeof endSession>> = {}) {
  return useSessionsWrite(() => endSession(id), options);
}

/** A write to the user's API tokens: the list is asked again. */
function useTokensWrite<TData, TVars>(
  mutationFn: (vars: TVars) => Promise<TData>,
  options: WriteOptions<TData, TVars>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      return options.onSuccess?.(...args);
    },
  });
}

const createToken = (json: ApiTokenCreate) => unwrap(api.me.tokens.$post({ json }));

export function useCreateToken(
  options: WriteOptions<Answer<typeof createToken>, ApiTokenCreate> = {},
) {
  return useTokensWrite(createToken, options);
}

const revokeToken = (id: string) => unwrap(api.me.tokens[':id'].$delete({ param: { id } }));

export function useRevokeToken(id: string, options: WriteOptions<Answer<typeof revokeToken>> = {}) {
  return useTokensWrite(() => revokeToken(id), options);
}

const createFeed = (json: Required<FeedTokenCreate>) =>
  unwrap(api.me['feed-token'].$post({ json }));

/** A new secret feed link (the old one stops working); the cache keeps it without its URL. */
export function useCreateFeed(
  options: WriteOptions<Answer<typeof createFeed>, Required<FeedTokenCreate>> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: createFeed,
    onSuccess: (made, ...rest) => {
      const { url: _url, ...saved } = made;
      queryClient.setQueryData(keys.feed, saved);
      return options.onSuccess?.(made, ...rest);
    },
  });
}

const deleteFeed = () => unwrap(api.me['feed-token'].$delete());

export function useTurnOffFeed(options: WriteOptions<Answer<typeof deleteFeed>> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: deleteFeed,
    onSuccess: (...args) => {
      queryClient.setQueryData(keys.feed, NO_FEED);
      return options.onSuccess?.(...args);
    },
  });
}
