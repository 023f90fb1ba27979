import { createHash, randomBytes } from 'node:crypto'
import { BOARD_ID_PATTERN, ROLES, type Role } from '@atelier/shared'
import type { FastifyRequest } from 'fastify'
import type { BoardStore } from './store/types.js'

/** 32 random bytes, base64url: 43 characters, 256 bits. Board and library tokens alike. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** Whether a string has the shape of a token, checked before any lookup. */
export function isTokenShaped(token: string | null | undefined): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token)
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? null
}

/**
 * The board token of a request: `Authorization: Bearer <token>`, or the `token` query parameter
 * (links and `<img src>` cannot send headers). A request that sends the header is judged by it alone.
 */
export function requestToken(request: FastifyRequest): string | null {
  if (request.headers.authorization !== undefined) return bearerToken(request)
  const query = request.query as Record<string, unknown> | null | undefined
  return typeof query?.token === 'string' ? query.token : null
}

export function newBoardId(): string {
  // 16 bytes → 22 base64url characters, matching BOARD_ID_PATTERN.
  return randomBytes(16).toString('base64url')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens carry 256 bits of randomness, so an unsalted fast hash is enough to make a stolen database useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newTokens(): { tokens: Record<Role, string>; hashes: Record<Role, string> } {
  const tokens = {} as Record<Role, string>
  const hashes = {} as Record<Role, string>
  for (const role of ROLES) {
    tokens[role] = newToken()
    hashes[role] = hashToken(tokens[role])
  }
  return { tokens, hashes }
}

/**
 * The role a link's token grants on a board, or null for no token, a malformed one, a token of
 * another board and an unknown board alike, so a caller cannot tell which boards exist.
 */
export async function resolveRole(
  store: BoardStore,
  boardId: string,
  token: string | null | undefined,
): Promise<Role | null> {
  if (!isTokenShaped(token) || !BOARD_ID_PATTERN.test(boardId)) return null
  return store.findRole(boardId, hashToken(token))
}
