import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMe } from '@shared/contracts/identity.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

export const ME_KEY = ['/api/auth/me'] as const;

/** The current session, or null when nobody is signed in. Keeps the CSRF token in memory. */
export async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>('/api/auth/me', undefined, { allowUnauthenticated: true });
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
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
}
