import type { BoardVersion, RestoreResponse, VersionItems } from '@atelier/shared'
import { readJson } from '../sync/api.js'

/** Calls of the board history API (docs/api.md, History); facilitator token only. */

function versionsUrl(boardId: string, rest = ''): string {
  return `/api/boards/${encodeURIComponent(boardId)}/versions${rest}`
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The board's versions, newest first. */
export async function listVersions(boardId: string, token: string): Promise<BoardVersion[]> {
  return readJson<BoardVersion[]>(await fetch(versionsUrl(boardId), { headers: bearer(token) }))
}

/** The items of one version, to preview it. */
export async function versionItems(boardId: string, token: string, versionId: string): Promise<VersionItems> {
  const url = versionsUrl(boardId, `/${encodeURIComponent(versionId)}/items`)
  return readJson<VersionItems>(await fetch(url, { headers: bearer(token) }))
}

/** Makes the board's items those of a version, for everyone; a version of the current board is kept first. */
export async function restoreVersion(
  boardId: string,
  token: string,
  versionId: string,
): Promise<RestoreResponse> {
  const url = versionsUrl(boardId, `/${encodeURIComponent(versionId)}/restore`)
  return readJson<RestoreResponse>(await fetch(url, { method: 'POST', headers: bearer(token) }))
}

/** Keeps a version of the board as the relay holds it now. */
export async function takeVersion(
  boardId: string,
  token: string,
  reason: 'manual' | 'template',
): Promise<BoardVersion> {
  return readJson<BoardVersion>(
    await fetch(versionsUrl(boardId), {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    }),
  )
}
