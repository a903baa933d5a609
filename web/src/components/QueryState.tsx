import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { LoadingState } from './LoadingState.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T, unknown>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}

/** Loading → spinner, error → alert (with retry on conflict), data → children(data). */
export function QueryState<T>({ query, children, loadingLabel }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ApiErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
