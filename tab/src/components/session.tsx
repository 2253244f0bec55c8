import { createContext, useContext } from 'react';
import type { Me } from '../../../functions/src/http/contracts';
import type { ApiClient } from '../api/client';

/** Who is signed in and how to reach the API: every page reads it from here. */
export interface Session {
  me: Me;
  api: ApiClient;
  signOut?: () => void;
  /**
   * Inside Teams, Outlook or the Microsoft 365 app: the host shows the app's name and who is
   * signed in, so the tab shows no header, greeting or sign-out of its own.
   */
  inHost: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
