import { canWrite, type Role, type RoomTarget } from '@atelier/shared'

export type RoomAccess = 'read' | 'write'

/**
 * What a person holding a role may do in a room, or null when the room is none of their business:
 * everyone reads the board and the session; a private room is read by its owner and by
 * facilitators, and written by its owner only.
 */
export function roomAccess(target: RoomTarget, role: Role, personId: string): RoomAccess | null {
  if (target.kind === 'private' && target.personId !== personId) {
    return role === 'facilitator' ? 'read' : null
  }
  return canWrite(role, target.kind) ? 'write' : 'read'
}
