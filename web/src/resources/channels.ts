import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelCreate, ChannelPatch } from '../../../shared/schemas/channel';
import { api, isApiError, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

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
  const invalidate = useInvalidate();
  return {
    reload: () => invalidate(keys.channels),
    reloadIfStale: (error: Error) => {
      if (isApiError(error, 409) || isApiError(error, 404)) invalidate(keys.channels);
    },
  };
}

const createChannel = (json: ChannelCreate) => unwrap(api.channels.$post({ json }));

export function useCreateChannel(
  options: WriteOptions<Answer<typeof createChannel>, ChannelCreate> = {},
) {
  const { reload } = useReloadChannels();
  return useWrite(createChannel, { onSuccess: reload }, options);
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
  return useWrite(
    (json: ChannelPatch) => patchChannel(id, json),
    {
      onSuccess: (saved) =>
        queryClient.setQueryData<Channel[]>(keys.channels, (list) =>
          list?.map((c) => (c.id === saved.id ? { ...saved, secret: null } : c)),
        ),
      onError: reloadIfStale,
    },
    options,
  );
}

const deleteChannel = (id: string) => unwrap(api.channels[':id'].$delete({ param: { id } }));

export function useDeleteChannel(
  id: string,
  options: WriteOptions<Answer<typeof deleteChannel>> = {},
) {
  const { reload, reloadIfStale } = useReloadChannels();
  return useWrite(() => deleteChannel(id), { onSuccess: reload, onError: reloadIfStale }, options);
}

const testChannel = (id: string) => unwrap(api.channels[':id'].test.$post({ param: { id } }));

/** Posts a test message to the channel; answers whether it arrived. */
export function useTestChannel(id: string, options: WriteOptions<Answer<typeof testChannel>> = {}) {
  return useWrite(() => testChannel(id), {}, options);
}
