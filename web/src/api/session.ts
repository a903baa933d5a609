import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMe } from '@shared/contracts/identity.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { ApiError, setCsrfToken } from './client.ts';
import { callRoute, routeKey } from './routes.ts';

export const ME_KEY = routeKey(AUTH_ROUTES.me, {});

/** The current session, or null when nobody is signed in. Keeps the CSRF token in memory. */
export async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await callRoute(AUTH_ROUTES.me, {});
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery<TMe | null, ApiError>({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** The session of an authenticated page (the shell renders them only once useMe has answered). */
export function useSession(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useSession() outside the authenticated shell');
  return data;
}

/** After sign-in, sign-out or an organisation switch: everything cached belonged to the old session. */
export function useResetSession() {
  const queryClient = useQueryClient();
  return async () => {
    const me = hashKey(ME_KEY);
    queryClient.removeQueries({ predicate: (q) => q.queryHash !== me });
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
}
