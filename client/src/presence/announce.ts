import type { Role } from '@atelier/shared'
import type { Awareness } from 'y-protocols/awareness'
import { assignColor } from './palette.js'
import { readPresence } from './types.js'

/** Who is announced: the person's identity on the board (`PersonIdentity`). */
export interface AnnouncedPerson {
  getSnapshot(): { personId: string; name: string }
  subscribe(listener: () => void): () => void
}

/**
 * Announces this person on the board, and again under the relay's person id once it is issued
 * (the relay checks that the awareness id is the credential's). Returns the cleanup that
 * withdraws them.
 */
export function announcePresence(awareness: Awareness, person: AnnouncedPerson, role: Role): () => void {
  const taken: string[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const presence = readPresence(state)
    if (clientId !== awareness.clientID && presence) taken.push(presence.user.color)
  }
  const { personId, name } = person.getSnapshot()
  const color = assignColor(personId, taken)
  awareness.setLocalState({ user: { id: personId, name, color, role }, cursor: null })
  const unsubscribe = person.subscribe(() => {
    const self = readPresence(awareness.getLocalState())
    const now = person.getSnapshot()
    if (self && (self.user.id !== now.personId || self.user.name !== now.name)) {
      awareness.setLocalStateField('user', { ...self.user, id: now.personId, name: now.name })
    }
  })
  return () => {
    unsubscribe()
    awareness.setLocalState(null)
  }
}
