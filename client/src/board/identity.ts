import { Listeners } from '../lib/listeners.js'
import { deviceId, type KeyValueStore, savedName, saveName } from '../lib/storage.js'

/**
 * A person's identity on one board, issued by the relay (`POST /api/boards/:id/people`). The
 * credential is `<personId>.<signature>`: the relay checks it, the client only stores it.
 */
export interface IssuedIdentity {
  personId: string
  credential: string
}

const key = (boardId: string) => `atelier.person.${boardId}`

export function personIdOf(credential: string): string | null {
  const dot = credential.indexOf('.')
  return dot > 0 ? credential.slice(0, dot) : null
}

export function storedIdentity(store: KeyValueStore, boardId: string): IssuedIdentity | null {
  const credential = store.getItem(key(boardId))
  const personId = credential ? personIdOf(credential) : null
  return credential && personId ? { personId, credential } : null
}

export function storeIdentity(store: KeyValueStore, boardId: string, identity: IssuedIdentity): void {
  store.setItem(key(boardId), identity.credential)
}

/** HTTP headers of a per-person call: the link's token and the person's credential. */
export function personHeaders(token: string, credential: string | null): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(credential ? { 'x-atelier-person': credential } : {}),
  }
}

/** What a person sends to join: their name and, on an imported board, who they were on the original. */
export interface JoinRequest {
  name: string
  previous?: { boardId: string; credential: string }
}

export async function requestIdentity(
  boardId: string,
  token: string,
  join: JoinRequest,
  fetcher: typeof fetch = fetch,
): Promise<IssuedIdentity> {
  const response = await fetcher(`/api/boards/${encodeURIComponent(boardId)}/people`, {
    method: 'POST',
    headers: { ...personHeaders(token, null), 'content-type': 'application/json' },
    body: JSON.stringify(join),
  })
  const body = (await response.json().catch(() => null)) as Partial<IssuedIdentity> | null
  if (!response.ok || typeof body?.personId !== 'string' || typeof body.credential !== 'string') {
    throw new Error(`people endpoint answered ${response.status}`)
  }
  return { personId: body.personId, credential: body.credential }
}

export interface IdentitySnapshot {
  /** The relay's person id once it has issued a credential; this device's id before. */
  personId: string
  /** Null until the relay has issued one for this board. */
  credential: string | null
  /** The first name the person gave (empty until they join). */
  name: string
  /** The relay could not issue a credential: shown once, the board keeps working. */
  failed: boolean
}

/**
 * The one owner of who this person is on one open board: their name, their device id and the
 * credential the relay issues. Everything that needs the person id or the credential reads it
 * here and subscribes to its changes (the sync connections reopen with the credential).
 */
export class PersonIdentity {
  private snapshot: IdentitySnapshot
  private readonly listeners = new Listeners()
  private requesting = false

  constructor(
    readonly boardId: string,
    private readonly token: string,
    private readonly store: KeyValueStore,
    private readonly request: typeof requestIdentity = requestIdentity,
    /** The board this one was imported from, as its meta says once the board has arrived. */
    private readonly importedFrom: () => Promise<string | undefined> = async () => undefined,
  ) {
    const stored = storedIdentity(store, boardId)
    this.snapshot = {
      personId: stored?.personId ?? deviceId(store),
      credential: stored?.credential ?? null,
      name: savedName(store),
      failed: false,
    }
  }

  getSnapshot = (): IdentitySnapshot => this.snapshot

  subscribe = this.listeners.subscribe

  get personId(): string {
    return this.snapshot.personId
  }

  get credential(): string | null {
    return this.snapshot.credential
  }

  /**
   * The person gives their first name: the device remembers it for every later board, and the
   * relay issues their credential on this board if they have none yet.
   */
  async join(name: string): Promise<void> {
    const trimmed = name.trim()
    if (!trimmed) throw new Error('a person joins with a non-empty name')
    saveName(this.store, trimmed)
    if (trimmed !== this.snapshot.name) this.update({ name: trimmed })
    if (this.snapshot.credential !== null || this.requesting) return
    this.requesting = true
    try {
      // On a board made from a backup, the identity this device had on the original board brings
      // back the same person: their notes, and the private notes they had not revealed.
      const original = await this.importedFrom()
      const previous = original ? storedIdentity(this.store, original) : null
      const issued = await this.request(this.boardId, this.token, {
        name: trimmed,
        ...(original && previous ? { previous: { boardId: original, credential: previous.credential } } : {}),
      })
      storeIdentity(this.store, this.boardId, issued)
      this.update({ personId: issued.personId, credential: issued.credential, failed: false })
    } catch (error) {
      console.error('the relay did not issue a person credential', error)
      this.update({ failed: true })
    } finally {
      this.requesting = false
    }
  }

  private update(patch: Partial<IdentitySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    this.listeners.notify()
  }
}
