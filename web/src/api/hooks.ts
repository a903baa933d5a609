import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { ApiError } from './client.ts';
import { applyServerErrors, type FormWithErrors } from './form-errors.ts';

export interface ApiMutationOptions<TVars, TResult> {
  /** Receives the server's field errors (`form.setErrors`). */
  form?: FormWithErrors;
  /** Query keys (see `routeKey`) to refresh after success; a prefix refreshes everything under it. */
  invalidate?: QueryKey[];
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
        (options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      if (options.successMessage) {
        notifications.show({ color: 'green', message: options.successMessage });
      }
      await options.onSuccess?.(result, vars);
    },
  });
}
