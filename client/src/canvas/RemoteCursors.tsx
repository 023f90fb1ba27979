import { boardToScreen } from '@atelier/shared'
import { useEffect, useState } from 'react'
import type { BoardSessionModel } from '../board/BoardSession.js'
import { useSession } from '../board/context.js'
import { type PresenceState, readPresence } from '../presence/types.js'
import { useView } from '../store/hooks.js'

interface Remote extends PresenceState {
  clientId: number
}

export function useRemotePresence(session: BoardSessionModel): Remote[] {
  const { awareness } = session.connection
  const [remotes, setRemotes] = useState<Remote[]>([])
  useEffect(() => {
    const read = () => {
      const next: Remote[] = []
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue
        const presence = readPresence(state)
        if (presence) next.push({ clientId, ...presence })
      }
      setRemotes(next)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness])
  return remotes
}

/**
 * Other people's cursors, as HTML over the canvas: sharp text at any zoom, and plain DOM that
 * tests and screen magnifiers can find.
 */
export function RemoteCursors() {
  const session = useSession()
  const camera = useView(session.view, (s) => s.camera)
  const remotes = useRemotePresence(session)
  return (
    <div className="cursors" aria-hidden="true">
      {remotes.map(({ clientId, user, cursor }) => {
        if (!cursor) return null
        const p = boardToScreen(camera, cursor)
        return (
          <div
            key={clientId}
            className="remote-cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${p.x}px, ${p.y}px)`, color: user.color }}
          >
            <svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true" focusable="false">
              <path d="M1 1l15 8-6.5 1.8L6 18z" fill="currentColor" stroke="#fff" strokeWidth="1.5" />
            </svg>
            <span className="remote-cursor-label" style={{ background: user.color }}>
              {user.name}
            </span>
          </div>
        )
      })}
    </div>
  )
}
