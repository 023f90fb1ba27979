/** Below this many items, a delete is never a mass delete, however small the board. */
export const MASS_DELETE_FLOOR = 3

/**
 * Whether deleting `deleted` items out of `boardSize` calls for a version first: at least
 * `threshold` items, or at least half the board (when that is at least MASS_DELETE_FLOOR items).
 */
export function isMassDelete(deleted: number, boardSize: number, threshold: number): boolean {
  if (deleted >= threshold) return true
  return deleted >= MASS_DELETE_FLOOR && deleted * 2 >= boardSize
}
