import type { Role } from '@atelier/shared'
import { assignColor } from '../presence/palette.js'
import { readPresence } from '../presence/types.js'
import type { BoardSessionModel } from './session.js'

/** Announces this person on the board; returns the cleanup that withdraws them. */
export function joinPresence(session: BoardSessionModel, name: string, role: Role): () => void {
  const { awareness } = session.connection
  const taken: string[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const presence = readPresence(state)
    if (clientId !== awareness.clientID && presence) taken.push(presence.user.color)
  }
  const color = assignColor(session.personId, taken)
  awareness.setLocalState({ user: { id: session.personId, name, color, role }, cursor: null })
  return () => awareness.setLocalState(null)
}
