import type { KeyValueStore } from '../lib/storage.js'

/** The lab libraries this device has opened, and their links. */

export interface SavedLibrary {
  id: string
  name: string
  token: string
}

const KEY = 'atelier.libraries'
const ID = /^[A-Za-z0-9_-]{16,64}$/
const TOKEN = /^[A-Za-z0-9_-]{43}$/

function isSaved(value: unknown): value is SavedLibrary {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.token === 'string'
}

export function readLibraries(storage: KeyValueStore): SavedLibrary[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isSaved) : []
  } catch {
    return []
  }
}

/** Adds or refreshes a library (most recent first); returns the new list. */
export function rememberLibrary(storage: KeyValueStore, library: SavedLibrary): SavedLibrary[] {
  const next = [library, ...readLibraries(storage).filter((l) => l.id !== library.id)]
  storage.setItem(KEY, JSON.stringify(next))
  return next
}

export function forgetLibrary(storage: KeyValueStore, libraryId: string): SavedLibrary[] {
  const next = readLibraries(storage).filter((l) => l.id !== libraryId)
  storage.setItem(KEY, JSON.stringify(next))
  return next
}

/**
 * A library's link opens the landing page with the library ready to use. The token is in the
 * fragment, like board links: it never reaches server logs or Referer headers.
 */
export function libraryLink(origin: string, library: { id: string; token: string }): string {
  return `${origin}/?library=${encodeURIComponent(library.id)}#${encodeURIComponent(library.token)}`
}

/** The id and token of a pasted library link (or of the current page's URL); null if it is not one. */
export function parseLibraryLink(link: string): { id: string; token: string } | null {
  let url: URL
  try {
    url = new URL(link.trim(), 'http://localhost')
  } catch {
    return null
  }
  const id = url.searchParams.get('library') ?? ''
  let token = ''
  try {
    token = decodeURIComponent(url.hash.replace(/^#/, ''))
  } catch {
    return null
  }
  return ID.test(id) && TOKEN.test(token) ? { id, token } : null
}
