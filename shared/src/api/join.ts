/**
 * Join codes: six characters a person can read off a projector and type on a phone. The alphabet
 * leaves out the look-alikes 0/O, 1/I/L; codes are case-insensitive.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 6

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/** The code as stored ("k7q f3m" → "K7QF3M"), or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase()
  return JOIN_CODE_PATTERN.test(code) ? code : null
}

/** `GET /api/join/:code` */
export interface JoinResponse {
  boardId: string
  /** A participant token of that board. */
  token: string
}

/** `GET|POST /api/boards/:boardId/join-code` (facilitator): the board's code, null when turned off. */
export interface JoinCodeState {
  joinCode: string | null
  /** ISO 8601; null when turned off. */
  expiresAt: string | null
}
