import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Session } from '@harbour/contract';

export const SESSION_KEY = ['session'] as const;

/** The signed-in session, or null when there is none. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api<Session>('GET', '/api/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetSession() {
  const client = useQueryClient();
  return (session: Session | null) => {
    setCsrfToken(session?.csrfToken);
    client.setQueryData(SESSION_KEY, session);
  };
}

export function hasPermission(session: Session | null | undefined, permission: string): boolean {
  return !!session && session.stage === 'complete' && session.permissions.includes(permission);
}
