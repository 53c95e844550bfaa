import {
  useMutation,
  useQueryClient,
  type MutationFunctionContext,
  type UseMutationOptions,
} from '@tanstack/react-query';

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
  /**
   * Once the write is over, whatever the answer: runs after the component's
   * `onSettled`; a promise it answers (a refetch) keeps the write pending until done.
   */
  onSettled?: () => unknown;
  /**
   * The component's `onSuccess`/`onError` run before the cache work (say, a
   * form resets before the list it adds to is asked again). Default: after.
   */
  componentFirst?: boolean;
}

/** Runs a cache step and a component's callback in the order asked for; answers the callback's. */
function inOrder<R>(componentFirst: boolean | undefined, step: () => void, component: () => R): R {
  if (!componentFirst) step();
  const result = component();
  if (componentFirst) step();
  return result;
}

/** The success, error and settled callbacks of a write: the cache's work and the component's. */
function callbacks<TData, TVars, TContext>(
  cache: CacheWork<TData, TVars>,
  options: Pick<WriteOptions<TData, TVars, TContext>, 'onSuccess' | 'onError' | 'onSettled'>,
  rollback: (context: TContext | undefined) => void = () => {},
): Pick<WriteOptions<TData, TVars, TContext>, 'onSuccess' | 'onError' | 'onSettled'> {
  return {
    onSuccess: (data, vars, ...rest) =>
      inOrder(
        cache.componentFirst,
        () => cache.onSuccess?.(data, vars),
        () => options.onSuccess?.(data, vars, ...rest),
      ),
    onError: (error, vars, context, ...rest) => {
      rollback(context);
      return inOrder(
        cache.componentFirst,
        () => cache.onError?.(error, vars),
        () => options.onError?.(error, vars, context, ...rest),
      );
    },
    onSettled: (...args) => {
      const result = options.onSettled?.(...args);
      return Promise.all([result, cache.onSettled?.()]);
    },
  };
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
  return useMutation({ ...options, mutationFn: request, ...callbacks(cache, options) });
}

/** A change shown in the cache before the server answers, and how to take it back. */
export interface Optimistic<TVars, TContext> {
  /** Changes the cache at once; answers what `rollback` needs. */
  apply: (vars: TVars) => Promise<TContext>;
  /** Puts the cache back as it was, when the server refuses. */
  rollback: (context: TContext) => void;
}

/** A component's options for an optimistic write: its `onMutate` runs before the change. */
export type OptimisticOptions<TData, TVars, TContext> = Omit<
  WriteOptions<TData, TVars, TContext>,
  'onMutate'
> & { onMutate?: (vars: TVars, context: MutationFunctionContext) => unknown };

/**
 * `useWrite` for a write the screen shows at once: the component's `onMutate`,
 * then `optimistic.apply`; a refusal rolls back before the cache work and the
 * component's `onError`.
 */
export function useOptimisticWrite<TData, TVars, TContext>(
  request: (vars: TVars) => Promise<TData>,
  optimistic: Optimistic<TVars, TContext>,
  cache: CacheWork<TData, TVars>,
  options: OptimisticOptions<TData, TVars, TContext> = {},
) {
  return useMutation<TData, Error, TVars, TContext>({
    ...options,
    mutationFn: request,
    onMutate: async (vars, context) => {
      options.onMutate?.(vars, context);
      return optimistic.apply(vars);
    },
    ...callbacks(cache, options, (context) => {
      if (context) optimistic.rollback(context);
    }),
  });
}

/**
 * One cached query changed at once: `apply` stops its fetches, keeps what it
 * held and shows `change` of it (nothing while it holds nothing); `restore`
 * puts back what it held.
 */
export function useCachedChange<T, TVars>(
  queryKey: readonly unknown[],
  change: (current: T, vars: TVars) => T,
) {
  const queryClient = useQueryClient();
  return {
    apply: async (vars: TVars): Promise<T | undefined> => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<T>(queryKey);
      if (previous) queryClient.setQueryData<T>(queryKey, change(previous, vars));
      return previous;
    },
    restore: (previous: T | undefined) => {
      if (previous) queryClient.setQueryData(queryKey, previous);
    },
  };
}

/** Marks queries stale (and refetches the ones on screen), by key prefix. */
export function useInvalidate(): (...queryKeys: ReadonlyArray<readonly unknown[]>) => void {
  const queryClient = useQueryClient();
  return (...queryKeys) => {
    for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
  };
}
