import { createContext, type ReactNode, useContext } from 'react'
import type { BoardSessionModel } from './BoardSession.js'

const SessionContext = createContext<BoardSessionModel | null>(null)

/** Makes the open board's session available to every component below (`useSession`). */
export function SessionProvider({ session, children }: { session: BoardSessionModel; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

/** The open board's session: its stores, registry, connection and the person's identity. */
export function useSession(): BoardSessionModel {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession is for components inside a SessionProvider')
  return session
}
