/** Board links carry the token in the fragment: it never reaches server logs or Referer headers. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#${encodeURIComponent(token)}`
}

/** The short link a room types or scans: `/j/K7QF3M`. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/j/${encodeURIComponent(code)}`
}

export type Route =
  | { page: 'landing' }
  | { page: 'join'; code: string | null }
  | { page: 'board'; boardId: string; token: string | null }
  | { page: 'notFound' }

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'landing' }
  const join = /^\/j(?:\/([^/]*))?\/?$/.exec(pathname)
  if (join) return { page: 'join', code: join[1] ? safeDecode(join[1]) : null }
  const match = /^\/b\/([A-Za-z0-9_-]+)\/?$/.exec(pathname)
  if (!match?.[1]) return { page: 'notFound' }
  const raw = hash.startsWith('#') ? hash.slice(1) : hash
  let token: string | null = null
  try {
    token = raw ? decodeURIComponent(raw) : null
  } catch {
    // A mangled fragment (truncated when pasted) is treated as a missing token: the page says so.
    token = null
  }
  return { page: 'board', boardId: match[1], token }
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}
