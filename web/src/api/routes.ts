import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  FILE_RESPONSE,
  routePath,
  type BodyIn,
  type ParamsIn,
  type QueryIn,
  type ResponseOut,
  type RouteContract,
} from '@shared/routes/define.ts';
import { apiRequest, withQuery, type ApiError, type QueryValue } from './client.ts';
import { useApiMutation, type ApiMutationOptions } from './hooks.ts';

/**
 * Calls to the API through the shared route contracts (src/shared/routes/): the path, the
 * parameters and the answer's type all come from the contract, so pages never spell `/api/…` nor
 * assert a response type.
 */
type ParamsArg<C extends RouteContract> = C['params'] extends z.ZodType
  ? { params: ParamsIn<C> }
  : { params?: undefined };
type QueryArg<C extends RouteContract> = C['query'] extends z.ZodType
  ? { query?: QueryIn<C> }
  : { query?: undefined };
type BodyArg<C extends RouteContract> = C['body'] extends z.ZodType
  ? { body: BodyIn<C> }
  : C['upload'] extends object
    ? { body: FormData }
    : { body?: undefined };

/** Where a call goes: its parameters, then its query. */
export type Target<C extends RouteContract> = ParamsArg<C> & QueryArg<C>;
/** Everything a call sends. */
export type CallArgs<C extends RouteContract> = Target<C> & BodyArg<C>;

const queryOf = (query: unknown) => (query ?? undefined) as Record<string, QueryValue> | undefined;

/** The URL of a call, for links (a PDF, a document) and `window.open`. */
export const routeUrl = <C extends RouteContract>(contract: C, target: Target<C>): string =>
  withQuery(routePath(contract, target.params ?? {}), queryOf(target.query));

/**
 * The query key of a route's answers: the path's segments, then the query. Invalidating a prefix
 * (`routeKey(HOUSEHOLD_ROUTES.get, { params: { id } })`) refreshes every answer under it.
 */
export function routeKey<C extends RouteContract>(contract: C, target: Target<C>): QueryKey {
  const segments = routePath(contract, target.params ?? {})
    .split('/')
    .slice(2);
  return target.query ? [...segments, target.query] : segments;
}

export async function callRoute<C extends RouteContract>(
  contract: C,
  args: CallArgs<C>,
  signal?: AbortSignal,
): Promise<ResponseOut<C>> {
  return apiRequest<ResponseOut<C>>(routePath(contract, args.params ?? {}), {
    method: contract.method,
    query: queryOf(args.query),
    body: args.body,
    signal,
    allowUnauthenticated: contract.access === 'public' || contract.access === 'password',
    blob: contract.response === FILE_RESPONSE,
  });
}

/** A GET through TanStack Query, typed by its contract. */
export function useRouteQuery<C extends RouteContract>(
  contract: C,
  target: Target<C>,
  options: Omit<UseQueryOptions<ResponseOut<C>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ResponseOut<C>, ApiError>({
    queryKey: routeKey(contract, target),
    queryFn: ({ signal }) => callRoute(contract, target as CallArgs<C>, signal),
    ...options,
  });
}

/** A write typed by its contract: field errors land on the form, listed keys are refreshed. */
export const useRouteMutation = <C extends RouteContract>(
  contract: C,
  options: ApiMutationOptions<CallArgs<C>, ResponseOut<C>> = {},
) => useApiMutation((args: CallArgs<C>) => callRoute(contract, args), options);
