import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelCreate, ChannelPatch } from '../../../shared/schemas/channel';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

/** Webhook channels: the owner's (others are answered 403, so do not ask). */
export function useChannels(enabled: boolean) {
  return useQuery({
    queryKey: keys.channels,
    queryFn: async () => (await unwrap(api.channels.$get())).items,
    enabled,
  });
}

/** The list again from the server; a 409 or 404 on a channel means it changed elsewhere. */
function useReloadChannels() {
  const queryClient = useQueryClient();
  return {
    reload: () => void queryClient.invalidateQueries({ queryKey: keys.channels }),
    reloadIfStale: (error: Error) => {
      if (isApiError(error, 409) || isApiError(error, 404)) {
        void queryClient.invalidateQueries({ queryKey: keys.channels });
      }
    },
  };
}

const createChannel = (json: ChannelCreate) => unwrap(api.channels.$post({ json }));

export function useCreateChannel(
  options: WriteOptions<Answer<typeof createChannel>, ChannelCreate> = {},
) {
  const { reload } = useReloadChannels();
  return useMutation({
    ...options,
    mutationFn: createChannel,
    onSuccess: (...args) => {
      reload();
      return options.onSuccess?.(...args);
    },
  });
}

const patchChannel = (id: string, json: ChannelPatch) =>
  unwrap(api.channels[':id'].$patch({ param: { id }, json }));

/** Edits a channel (switch, rename, new secret); the list keeps it without its secret. */
export function useUpdateChannel(
  id: string,
  options: WriteOptions<Answer<typeof patchChannel>, ChannelPatch> = {},
) {
  const queryClient = useQueryClient();
  const { reloadIfStale } = useReloadChannels();
  return useMutation({
    ...options,
    mutationFn: (json: ChannelPatch) => patchChannel(id, json),
    onSuccess: (saved, ...rest) => {
      queryClient.setQueryData<Channel[]>(keys.channels, (list) =>
        list?.map((c) => (c.id === saved.id ? { ...saved, secret: null } : c)),
      );
      return options.onSuccess?.(saved, ...rest);
    },
    onError: (error, ...rest) => {
      reloadIfStale(error);
      return options.onError?.(error, ...rest);
    },
  });
}

const deleteChannel = (id: string) => unwrap(api.channels[':id'].$delete({ param: { id } }));

export function useDeleteChannel(
  id: string,
  options: WriteOptions<Answer<typeof deleteChannel>> = {},
) {
  const { reload, reloadIfStale } = useReloadChannels();
  return useMutation({
    ...options,
    mutationFn: () => deleteChannel(id),
    onSuccess: (...args) => {
      reload();
      return options.onSuccess?.(...args);
    },
    onError: (error, ...rest) => {
      reloadIfStale(error);
      return options.onError?.(error, ...rest);
    },
  });
}

const testChannel = (id: string) => unwrap(api.channels[':id'].test.$post({ param: { id } }));

/** Posts a test message to the channel; answers whether it arrived. */
export function useTestChannel(id: string, options: WriteOptions<Answer<typeof testChannel>> = {}) {
  return useMutation({ ...options, mutationFn: () => testChannel(id) });
}
