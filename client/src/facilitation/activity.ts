import type { Role } from '@atelier/shared'

/** One person in the "who is here" list, merged across their open tabs. */
export interface PersonActivity {
  id: string
  name: string
  color: string
  role: Role
  hand: boolean
  /** Notes on the board they wrote. */
  notes: number
  /** Notes waiting in their private room (private writing), as counted by the relay. */
  privateNotes: number
  /** Local time of their last cursor move or reaction seen here; 0 when never. */
  lastActiveAt: number
}

export type PeopleSort = 'activity' | 'recent' | 'name'

/** "Active" means a move in the last minute: the facilitator spots who has gone quiet. */
export const IDLE_AFTER_MS = 60_000

export function isIdle(person: PersonActivity, now: number): boolean {
  return now - person.lastActiveAt > IDLE_AFTER_MS
}

/**
 * Raised hands always come first (they are waiting for the facilitator); then by the chosen key.
 * "activity" ranks by contributions (notes, public and private), then by the latest move.
 */
export function sortPeople(
  people: readonly PersonActivity[],
  by: PeopleSort,
  locale = 'fr',
): PersonActivity[] {
  const byName = (a: PersonActivity, b: PersonActivity) =>
    a.name.localeCompare(b.name, locale, { sensitivity: 'base' }) || a.id.localeCompare(b.id)
  const compare = (a: PersonActivity, b: PersonActivity): number => {
    if (a.hand !== b.hand) return a.hand ? -1 : 1
    if (by === 'name') return byName(a, b)
    if (by === 'activity') {
      const contributed = b.notes + b.privateNotes - (a.notes + a.privateNotes)
      if (contributed !== 0) return contributed
    }
    return b.lastActiveAt - a.lastActiveAt || byName(a, b)
  }
  return [...people].sort(compare)
}

/** Notes per author, from the board's items. */
export function countByAuthor(items: Iterable<{ type: string; author?: string }>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) {
    if (item.type !== 'note' || !item.author) continue
    counts.set(item.author, (counts.get(item.author) ?? 0) + 1)
  }
  return counts
}
