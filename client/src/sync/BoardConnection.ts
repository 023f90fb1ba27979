import { CloseCode, roomName, SYNC_PREFIX } from '@atelier/shared'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { reconnectAtOnce, TryAgainLater } from './retryLater.js'
import { type ConnectionStatus, deriveStatus, type LinkFacts } from './status.js'

export interface ConnectionSnapshot {
  status: ConnectionStatus
  /** The relay refused the token (close 4401/4403): the link is invalid or was replaced. */
  denied: boolean
  /** Local copy failed to open (private browsing, storage full): the board still works online. */
  storageError: boolean
  /** The server refused this tab's changes because it cannot save: they are kept and sent again later. */
  storeUnavailable: boolean
}

function wsOrigin(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`
}

/**
 * One board's document and its two replicas: IndexedDB (so a refresh or a network cut loses
 * nothing and the board opens instantly) and the relay over y-websocket.
 */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  private readonly persistence: IndexeddbPersistence | null
  private readonly retry: TryAgainLater
  private facts: LinkFacts
  private snapshot: ConnectionSnapshot
  private listeners = new Set<() => void>()

  constructor(
    readonly boardId: string,
    readonly token: string,
    credential: string | null,
  ) {
    this.facts = { socket: 'connecting', everConnected: false, online: navigator.onLine }
    let persistence: IndexeddbPersistence | null = null
    let storageError = false
    try {
      persistence = new IndexeddbPersistence(`atelier-${boardId}`, this.doc)
      persistence.whenSynced.catch(() => this.update({ storageError: true }))
    } catch {
      // IndexedDB is missing in some private modes: reported in the UI, sync carries on without it.
      storageError = true
    }
    this.persistence = persistence
    this.snapshot = { status: deriveStatus(this.facts), denied: false, storageError, storeUnavailable: false }
    this.provider = new WebsocketProvider(
      `${wsOrigin()}${SYNC_PREFIX}`,
      roomName(boardId, 'board'),
      this.doc,
      {
        params: { token, ...(credential ? { person: credential } : {}) },
        // Tabs sync through the relay only, so the relay's role checks apply to every tab.
        disableBc: true,
        shouldReconnect: reconnectAtOnce,
      },
    )
    this.awareness = this.provider.awareness
    this.retry = new TryAgainLater(this.provider, () =>
      this.update({ storeUnavailable: this.retry.storeUnavailable }),
    )
    this.provider.on('status', this.onStatus)
    this.provider.on('status', this.retry.onStatus)
    this.provider.on('closed', this.onClosed)
    this.provider.on('closed', this.retry.onClosed)
    window.addEventListener('online', this.onNetwork)
    window.addEventListener('offline', this.onNetwork)
  }

  /** Reopens the socket with this person's credential, so the relay knows who writes. */
  setPerson(credential: string): void {
    if (this.provider.params.person === credential) return
    this.provider.params = { ...this.provider.params, person: credential }
    this.provider.disconnect()
    this.provider.connect()
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  destroy(): void {
    window.removeEventListener('online', this.onNetwork)
    window.removeEventListener('offline', this.onNetwork)
    this.provider.off('status', this.onStatus)
    this.provider.off('status', this.retry.onStatus)
    this.provider.off('closed', this.onClosed)
    this.provider.off('closed', this.retry.onClosed)
    this.retry.dispose()
    this.awareness.setLocalState(null)
    this.provider.destroy()
    this.persistence
      ?.destroy()
      .catch((error: unknown) => console.error('closing the local copy failed', error))
    this.doc.destroy()
  }

  private onStatus = ({ status }: { status: LinkFacts['socket'] }): void => {
    this.facts = {
      ...this.facts,
      socket: status,
      everConnected: this.facts.everConnected || status === 'connected',
    }
    this.update({})
  }

  private onClosed = ({ code }: { code: number }): void => {
    if (code === CloseCode.unauthorized || code === CloseCode.tokenRevoked) this.update({ denied: true })
  }

  private onNetwork = (): void => {
    this.facts = { ...this.facts, online: navigator.onLine }
    this.update({})
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...patch, status: deriveStatus(this.facts) }
    if (
      next.status === this.snapshot.status &&
      next.denied === this.snapshot.denied &&
      next.storageError === this.snapshot.storageError &&
      next.storeUnavailable === this.snapshot.storeUnavailable
    ) {
      return
    }
    this.snapshot = next
    for (const listener of [...this.listeners]) listener()
  }
}
