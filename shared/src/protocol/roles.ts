export const ROLES = ['facilitator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** The documents a board has, each synced in its own y-websocket room. */
export type DocKind = 'board' | 'session'

/** Who may change what: the relay enforces this, the client only mirrors it in the UI. */
export function canWrite(role: Role, kind: DocKind): boolean {
  if (role === 'observer') return false
  if (kind === 'session') return role === 'facilitator'
  return true
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
