import { createContext, useContext } from 'react';
import type { Me } from '../../../functions/src/http/contracts';
import type { ApiClient } from '../api/client';

/** Who is signed in and how to reach the API: every page reads it from here. */
export interface Session {
  me: Me;
  api: ApiClient;
  signOut?: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
