import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';

/** What a request function answers (its promise's value). */
export type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/**
 * What a component adds to a write: its own reactions (a toast, closing a
 * dialog, navigating, showing the form's errors). The resource's hook does its
 * cache work first, then calls these.
 */
export type WriteOptions<TData, TVars = void, TContext = unknown> = Omit<
  UseMutationOptions<TData, Error, TVars, TContext>,
  'mutationFn'
>;

/** The cache work of one write: what its answer (or its refusal) changes in the cache. */
export interface CacheWork<TData, TVars> {
  onSuccess?: (data: TData, vars: TVars) => void;
  onError?: (error: Error, vars: TVars) => void;
}

/**
 * A write hook's body: sends `request`, does the resource's cache work, then
 * the component's own callbacks, so no component touches the cache itself.
 */
export function useWrite<TData, TVars = void>(
  request: (vars: TVars) => Promise<TData>,
  cache: CacheWork<TData, TVars>,
  options: WriteOptions<TData, TVars> = {},
) {
  return useMutation({
    ...options,
    mutationFn: request,
    onSuccess: (data, vars, ...rest) => {
      cache.onSuccess?.(data, vars);
      return options.onSuccess?.(data, vars, ...rest);
    },
    onError: (error, vars, ...rest) => {
      cache.onError?.(error, vars);
      return options.onError?.(error, vars, ...rest);
    },
  });
}

/** Marks queries stale (and refetches the ones on screen), by key prefix. */
export function useInvalidate(): (...queryKeys: ReadonlyArray<readonly unknown[]>) => void {
  const queryClient = useQueryClient();
  return (...queryKeys) => {
    for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
  };
}
