import type { KeyValueStore } from '../lib/storage.js'

/**
 * A person's identity on one board, issued by the relay (`POST /api/boards/:id/people`). The
 * credential is `<personId>.<signature>`: the relay checks it, the client only stores it.
 */
export interface PersonIdentity {
  personId: string
  credential: string
}

const key = (boardId: string) => `atelier.person.${boardId}`

export function personIdOf(credential: string): string | null {
  const dot = credential.indexOf('.')
  return dot > 0 ? credential.slice(0, dot) : null
}

export function storedIdentity(store: KeyValueStore, boardId: string): PersonIdentity | null {
  const credential = store.getItem(key(boardId))
  const personId = credential ? personIdOf(credential) : null
  return credential && personId ? { personId, credential } : null
}

export function storeIdentity(store: KeyValueStore, boardId: string, identity: PersonIdentity): void {
  store.setItem(key(boardId), identity.credential)
}

/** Sync URL parameters that carry this person's credential, when they have one for the board. */
export function personParams(store: KeyValueStore, boardId: string): { person?: string } {
  const identity = storedIdentity(store, boardId)
  return identity ? { person: identity.credential } : {}
}

/** HTTP headers of a per-person call: the link's token and the person's credential. */
export function personHeaders(token: string, credential: string | null): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(credential ? { 'x-atelier-person': credential } : {}),
  }
}

export async function requestIdentity(
  boardId: string,
  token: string,
  name: string,
  fetcher: typeof fetch = fetch,
): Promise<PersonIdentity> {
  const response = await fetcher(`/api/boards/${encodeURIComponent(boardId)}/people`, {
    method: 'POST',
    headers: { ...personHeaders(token, null), 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  const body = (await response.json().catch(() => null)) as Partial<PersonIdentity> | null
  if (!response.ok || typeof body?.personId !== 'string' || typeof body.credential !== 'string') {
    throw new Error(`people endpoint answered ${response.status}`)
  }
  return { personId: body.personId, credential: body.credential }
}
