import { type Role, randomId } from '@atelier/shared'

/** Minimal Storage shape, so these helpers run against a Map in tests. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const KEYS = {
  personId: 'atelier.personId',
  name: 'atelier.name',
  language: 'atelier.lang',
  recent: 'atelier.recentBoards',
} as const

export interface RecentBoard {
  id: string
  title: string
  role: Role
  /** The token this browser opened the board with (the link is rebuilt from it). */
  token: string
  /** Every role's token, known only to the browser that created the board (for the share dialog). */
  tokens?: Record<Role, string>
  openedAt: number
}

export const MAX_RECENT = 12

export function readRecent(store: KeyValueStore): RecentBoard[] {
  const raw = store.getItem(KEYS.recent)
  if (!raw) return []
  try {
    const parsed: unknown = JSON.parse(raw)
    return Array.isArray(parsed)
      ? parsed.filter(
          (b): b is RecentBoard =>
            b && typeof b.id === 'string' && typeof b.token === 'string' && typeof b.title === 'string',
        )
      : []
  } catch {
    // A corrupt entry (edited by hand, older format) is dropped rather than blocking the landing page.
    return []
  }
}

/** Adds or refreshes a board, most recent first; keeps tokens learnt earlier. */
export function rememberBoard(
  store: KeyValueStore,
  entry: Omit<RecentBoard, 'openedAt'>,
  now = Date.now(),
): RecentBoard[] {
  const list = readRecent(store)
  const previous = list.find((b) => b.id === entry.id)
  // Never downgrade: a facilitator who once opened the participant link keeps the facilitator entry.
  const keepPrevious = previous?.role === 'facilitator' && entry.role !== 'facilitator'
  const merged: RecentBoard = keepPrevious
    ? { ...previous, title: entry.title || previous.title, openedAt: now }
    : {
        ...entry,
        ...((entry.tokens ?? previous?.tokens) ? { tokens: entry.tokens ?? previous?.tokens } : {}),
        openedAt: now,
      }
  const next = [merged, ...list.filter((b) => b.id !== entry.id)].slice(0, MAX_RECENT)
  store.setItem(KEYS.recent, JSON.stringify(next))
  return next
}

/** Records a replaced link's new token on the board this browser created; returns the new tokens. */
export function replaceRecentToken(
  store: KeyValueStore,
  id: string,
  role: Role,
  token: string,
): Record<Role, string> | undefined {
  const list = readRecent(store)
  const entry = list.find((b) => b.id === id)
  if (!entry?.tokens) return undefined
  entry.tokens = { ...entry.tokens, [role]: token }
  store.setItem(KEYS.recent, JSON.stringify(list))
  return entry.tokens
}

export function findRecent(store: KeyValueStore, id: string): RecentBoard | undefined {
  return readRecent(store).find((b) => b.id === id)
}

/** This device's person id, used until the relay issues one on a board. */
export function deviceId(store: KeyValueStore): string {
  let id = store.getItem(KEYS.personId)
  if (!id) {
    id = randomId()
    store.setItem(KEYS.personId, id)
  }
  return id
}

export function savedName(store: KeyValueStore): string {
  return store.getItem(KEYS.name) ?? ''
}

export function saveName(store: KeyValueStore, name: string): void {
  store.setItem(KEYS.name, name)
}

export function savedLanguage(store: KeyValueStore): string | null {
  return store.getItem(KEYS.language)
}

export function saveLanguage(store: KeyValueStore, language: string): void {
  store.setItem(KEYS.language, language)
}
