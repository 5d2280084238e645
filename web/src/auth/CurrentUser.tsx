import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from './types';

// The signed-in user is handed down from the shell rather than read from the
// session query in each component: on sign-out the query turns null a moment
// before the shell unmounts, and a component re-rendering in that moment must
// still see the user it was drawn for.
const CurrentUserContext = createContext<SessionUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; only for components inside the signed-in shell. */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside <CurrentUserProvider>');
  return user;
}
