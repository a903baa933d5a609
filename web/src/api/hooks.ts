import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api, type ApiError, type QueryValue } from './client.ts';
import { applyServerErrors, type FormWithErrors } from './form-errors.ts';

/** Query keys are `[path, query?]`, so invalidating `[path]` refreshes every page/filter of a list. */
export const apiKey = (path: string, query?: Record<string, QueryValue>): QueryKey =>
  query ? [path, query] : [path];

/** GET `path` (with `query`) through TanStack Query. */
export function useApiQuery<T>(
  path: string,
  query?: Record<string, QueryValue>,
  options: Omit<UseQueryOptions<T, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<T, ApiError>({
    queryKey: apiKey(path, query),
    queryFn: ({ signal }) => api.get<T>(path, query, { signal }),
    ...options,
  });
}

export interface ApiMutationOptions<TVars, TResult> {
  /** Receives the server's field errors (`form.setErrors`). */
  form?: FormWithErrors;
  /** Query keys (or path prefixes) to refresh after success. */
  invalidate?: (QueryKey | string)[];
  /** French confirmation shown as a notification after success. */
  successMessage?: string;
  onSuccess?: (result: TResult, vars: TVars) => void | Promise<void>;
}

/**
 * A write through the API: `mutation.error` is an ApiError (show it with <ApiErrorAlert>), field
 * errors land on the form, listed queries are refreshed on success.
 */
export function useApiMutation<TVars, TResult = unknown>(
  fn: (vars: TVars) => Promise<TResult>,
  options: ApiMutationOptions<TVars, TResult> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TResult, ApiError, TVars>({
    mutationFn: fn,
    onMutate: () => {
      options.form?.clearErrors();
    },
    onError: (error) => {
      if (options.form) applyServerErrors(options.form, error);
    },
    onSuccess: async (result, vars) => {
      await Promise.all(
        (options.invalidate ?? []).map((key) =>
          queryClient.invalidateQueries({ queryKey: typeof key === 'string' ? [key] : key }),
        ),
      );
      if (options.successMessage) {
        notifications.show({ color: 'green', message: options.successMessage });
      }
      await options.onSuccess?.(result, vars);
    },
  });
}
