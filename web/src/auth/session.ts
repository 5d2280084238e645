import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, call, client, onUnauthorized, setCsrfToken } from '../api/client';
import type { SessionResponse, SessionUser } from './types';

export const sessionQueryKey = ['auth', 'session'] as const;

/** `null` means "nobody is signed in" (the server answered 401). */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await call(client.GET('/api/auth/me'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export interface SessionState {
  user: SessionUser | null;
  /** The account still has the first password HR handed out: it is replaced before anything else. */
  mustChangePassword: boolean;
  isLoading: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function useSession(): SessionState {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return {
    user: query.data?.user ?? null,
    mustChangePassword: query.data?.mustChangePassword ?? false,
    isLoading: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

export interface Credentials {
  username: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => call(client.POST('/api/auth/login', { body: credentials })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Whatever was cached belonged to the previous visitor, if any.
      dropCachedData(queryClient);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await call(client.POST('/api/auth/logout'));
      } catch (error) {
        // 401: the session had already ended on the server, which is what we wanted.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      // Back to the root first, so the next person does not land on the previous one's page.
      void navigate('/', { replace: true });
      forgetSession(queryClient);
    },
  });
}

function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  dropCachedData(queryClient);
  queryClient.setQueryData(sessionQueryKey, null);
}

// Drop every cached answer except the session itself (the shell observes that
// one and must be told, not orphaned), so the next person at this browser sees
// nothing of the previous one's data.
function dropCachedData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/** When any API call says 401, the server-side session is gone: show the sign-in page. */
export function watchSessionExpiry(queryClient: QueryClient): () => void {
  return onUnauthorized(() => {
    if (queryClient.getQueryData(sessionQueryKey)) forgetSession(queryClient);
  });
}
