import { isRole, type Point, type Role } from '@atelier/shared'

export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}

/** Awareness state every client publishes; the cursor is in BOARD coordinates. */
export interface PresenceState {
  user: PresenceUser
  cursor: Point | null
}

/** Validates a remote awareness state (any y-websocket client may publish anything). */
export function readPresence(state: unknown): PresenceState | null {
  if (!state || typeof state !== 'object') return null
  const { user, cursor } = state as { user?: unknown; cursor?: unknown }
  if (!user || typeof user !== 'object') return null
  const { id, name, color, role } = user as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string' || !isRole(role))
    return null
  let point: Point | null = null
  if (cursor && typeof cursor === 'object') {
    const { x, y } = cursor as Record<string, unknown>
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y))
      point = { x, y }
  }
  return { user: { id, name: name.slice(0, 60), color, role }, cursor: point }
}
