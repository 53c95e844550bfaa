import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenCreate, PasswordChange, ProfilePatch } from '../../../shared/schemas/team';
import type { Preferences, PreferencesInput } from '../../../shared/schemas/channel';
import type { Feed, FeedTokenCreate } from '../../../shared/schemas/feed';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import {
  useCachedChange,
  useInvalidate,
  useOptimisticWrite,
  useWrite,
  type Answer,
  type CacheWork,
  type WriteOptions,
} from './write';

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
  const invalidate = useInvalidate();
  return useWrite(
    saveProfile,
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(keys.me, saved);
        invalidate(keys.team, keys.users, keys.preferences, keys.deliverables);
      },
      onError: (error) => {
        if (isApiError(error, 409) && error.code === 'conflict') invalidate(keys.me);
      },
    },
    options,
  );
}

/** The switch moves at once and goes back if the server refuses. */
export function useSavePreferences(
  options: WriteOptions<Preferences, PreferencesInput, { before: Preferences | undefined }> = {},
) {
  const queryClient = useQueryClient();
  const shown = useCachedChange<Preferences, PreferencesInput>(
    keys.preferences,
    (before, json) => ({
      ...before,
      ...json,
    }),
  );
  return useOptimisticWrite(
    (json: PreferencesInput) => unwrap(api.me.preferences.$put({ json })),
    {
      apply: async (json) => ({ before: await shown.apply(json) }),
      rollback: ({ before }) => shown.restore(before),
    },
    { onSuccess: (saved) => queryClient.setQueryData(keys.preferences, saved) },
    options,
  );
}

/** A write that changes where the user is signed in: the sessions list is asked again, last. */
function useSessionsChanged(): CacheWork<unknown, unknown> {
  const invalidate = useInvalidate();
  return { onSuccess: () => invalidate(keys.sessions), componentFirst: true };
}

const changePassword = (json: PasswordChange) => unwrap(api.me.password.$post({ json }));

/** Changes the password; every other session ends. */
export function useChangePassword(
  options: WriteOptions<Answer<typeof changePassword>, PasswordChange> = {},
) {
  return useWrite(changePassword, useSessionsChanged(), options);
}

const signOutOthers = () => unwrap(api.me.sessions.$delete());

export function useSignOutOthers(options: WriteOptions<Answer<typeof signOutOthers>> = {}) {
  return useWrite(signOutOthers, useSessionsChanged(), options);
}

const endSession = (id: string) => unwrap(api.me.sessions[':id'].$delete({ param: { id } }));

export function useEndSession(id: string, options: WriteOptions<Answer<typeof endSession>> = {}) {
  return useWrite(() => endSession(id), useSessionsChanged(), options);
}

/** A write to the user's API tokens: the list is asked again. */
function useTokensChanged(): CacheWork<unknown, unknown> {
  const invalidate = useInvalidate();
  return { onSuccess: () => invalidate(keys.tokens) };
}

const createToken = (json: ApiTokenCreate) => unwrap(api.me.tokens.$post({ json }));

export function useCreateToken(
  options: WriteOptions<Answer<typeof createToken>, ApiTokenCreate> = {},
) {
  return useWrite(createToken, useTokensChanged(), options);
}

const revokeToken = (id: string) => unwrap(api.me.tokens[':id'].$delete({ param: { id } }));

export function useRevokeToken(id: string, options: WriteOptions<Answer<typeof revokeToken>> = {}) {
  return useWrite(() => revokeToken(id), useTokensChanged(), options);
}

const createFeed = (json: Required<FeedTokenCreate>) =>
  unwrap(api.me['feed-token'].$post({ json }));

/** A new secret feed link (the old one stops working); the cache keeps it without its URL. */
export function useCreateFeed(
  options: WriteOptions<Answer<typeof createFeed>, Required<FeedTokenCreate>> = {},
) {
  const queryClient = useQueryClient();
  return useWrite(
    createFeed,
    {
      onSuccess: ({ url: _url, ...saved }) => queryClient.setQueryData(keys.feed, saved),
    },
    options,
  );
}

const deleteFeed = () => unwrap(api.me['feed-token'].$delete());

export function useTurnOffFeed(options: WriteOptions<Answer<typeof deleteFeed>> = {}) {
  const queryClient = useQueryClient();
  return useWrite(
    deleteFeed,
    { onSuccess: () => queryClient.setQueryData(keys.feed, NO_FEED) },
    options,
  );
}
