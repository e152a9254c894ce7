import { createContext, useContext } from 'react'
import type { SessionInfo } from '@contract'

export interface SessionState {
  /** null until session.get answered (or when it failed: the province app is then shown, as before roles). */
  session: SessionInfo | null
  /** After session.becomeOffice: the root swaps to the office app. */
  setSession(session: SessionInfo): void
}

export const SessionContext = createContext<SessionState>({ session: null, setSession: () => undefined })

export function useSession(): SessionState {
  return useContext(SessionContext)
}
