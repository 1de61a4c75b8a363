/** Who is signed in (from GET /api/v1/auth/me), shared by every page. */
import { createContext, useContext } from 'react';
import type { Me } from './api.ts';

export interface Session {
  me: Me | null | undefined; // undefined: still asking
  setMe(me: Me | null): void;
}
export const SessionContext = createContext<Session>({ me: undefined, setMe: () => undefined });
export const useSession = () => useContext(SessionContext);

export const isOfficial = (me: Me | null | undefined) => me?.kind === 'official';
export const can = (me: Me | null | undefined, permission: string) => !!me?.permissions.includes(permission);
