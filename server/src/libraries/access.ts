import { BOARD_ID_PATTERN } from '@atelier/shared'
import { hashToken } from '../access.js'
import type { LibraryRecord, LibraryStore } from './types.js'

/** Same shape as board tokens: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
}

/**
 * The library a token opens, or null for no token, a malformed one, a token of another
 * library and an unknown library alike, so a caller cannot tell which libraries exist.
 */
export async function openLibrary(
  libraries: LibraryStore,
  libraryId: string,
  token: string | null,
): Promise<LibraryRecord | null> {
  if (!token || !TOKEN_PATTERN.test(token) || !BOARD_ID_PATTERN.test(libraryId)) return null
  return libraries.findLibrary(libraryId, hashToken(token))
}
