import { BOARD_ID_PATTERN } from '@atelier/shared'
import { hashToken, isTokenShaped } from '../access.js'
import type { LibraryRecord, LibraryStore } from './types.js'

/**
 * The library a token opens, or null for no token, a malformed one, a token of another
 * library and an unknown library alike, so a caller cannot tell which libraries exist.
 */
export async function openLibrary(
  libraries: LibraryStore,
  libraryId: string,
  token: string | null,
): Promise<LibraryRecord | null> {
  if (!isTokenShaped(token) || !BOARD_ID_PATTERN.test(libraryId)) return null
  return libraries.findLibrary(libraryId, hashToken(token))
}
