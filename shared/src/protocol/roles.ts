export const ROLES = ['facilitator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** The documents a board has, each synced in its own y-websocket room (one private room per person). */
export type DocKind = 'board' | 'session' | 'private'

/**
 * Who may change what: the relay enforces this, the client only mirrors it in the UI. A private
 * room is further limited to its owner (see docs/facilitation.md).
 */
export function canWrite(role: Role, kind: DocKind): boolean {
  if (role === 'observer') return false
  if (kind === 'session') return role === 'facilitator'
  return true
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
