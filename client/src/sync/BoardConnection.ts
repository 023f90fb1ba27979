import { CloseCode, roomName } from '@atelier/shared'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import { relaySyncUrl, reopenAs } from './relay.js'
import { browserTimers, reconnectAtOnce, type Timers, TryAgainLater } from './retryLater.js'
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

/** The board's copy on this device: loaded into the document, then kept up to date with it. */
export interface LocalCopy {
  /** Settles once what the device held is in the document; rejects when the storage fails. */
  readonly whenSynced: Promise<unknown>
  destroy(): Promise<void>
}

/** Whether the device has a network at all. */
export interface Network {
  online(): boolean
  /** Tells `listener` when that changes; returns the undo. */
  watch(listener: () => void): () => void
}

/**
 * What a connection takes from the browser. Tests give their own: a relay started in the test,
 * `ws` as the WebSocket class, a network they switch off.
 */
export interface ConnectionEnvironment {
  /** The relay's sync endpoint (`wss://host/sync`). */
  syncUrl: string
  /** The class y-websocket opens its sockets with (its `WebSocketPolyfill`). */
  WebSocket: typeof WebSocket
  /** Opens the board's copy on this device; throws when the device has no storage for it. */
  openLocalCopy(name: string, doc: Y.Doc): LocalCopy
  network: Network
  timers: Timers
}

/** The board's copy in IndexedDB (y-indexeddb). */
export function indexedDbCopy(name: string, doc: Y.Doc): LocalCopy {
  return new IndexeddbPersistence(name, doc)
}

/** This page's relay, sockets, IndexedDB, network events and timers. */
export function browserEnvironment(): ConnectionEnvironment {
  return {
    syncUrl: relaySyncUrl(),
    WebSocket: window.WebSocket,
    openLocalCopy: indexedDbCopy,
    network: {
      online: () => navigator.onLine,
      watch(listener) {
        window.addEventListener('online', listener)
        window.addEventListener('offline', listener)
        return () => {
          window.removeEventListener('online', listener)
          window.removeEventListener('offline', listener)
        }
      },
    },
    timers: browserTimers,
  }
}

/**
 * One board's document and its two replicas: IndexedDB (so a refresh or a network cut loses
 * nothing and the board opens instantly) and the relay over y-websocket.
 */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  private readonly localCopy: LocalCopy | null
  private readonly retry: TryAgainLater
  private readonly network: Network
  private readonly unwatchNetwork: () => void
  private facts: LinkFacts
  private snapshot: ConnectionSnapshot
  private readonly listeners = new Listeners()

  constructor(
    readonly boardId: string,
    readonly token: string,
    credential: string | null,
    environment: ConnectionEnvironment = browserEnvironment(),
  ) {
    this.network = environment.network
    this.facts = { socket: 'connecting', everConnected: false, online: this.network.online() }
    let localCopy: LocalCopy | null = null
    let storageError = false
    try {
      localCopy = environment.openLocalCopy(`atelier-${boardId}`, this.doc)
      localCopy.whenSynced.catch(() => this.update({ storageError: true }))
    } catch {
      // IndexedDB is missing in some private modes: reported in the UI, sync carries on without it.
      storageError = true
    }
    this.localCopy = localCopy
    this.snapshot = { status: deriveStatus(this.facts), denied: false, storageError, storeUnavailable: false }
    this.provider = new WebsocketProvider(environment.syncUrl, roomName(boardId, 'board'), this.doc, {
      params: { token, ...(credential ? { person: credential } : {}) },
      WebSocketPolyfill: environment.WebSocket,
      // Tabs sync through the relay only, so the relay's role checks apply to every tab.
      disableBc: true,
      shouldReconnect: reconnectAtOnce,
    })
    this.awareness = this.provider.awareness
    this.retry = new TryAgainLater(
      this.provider,
      () => this.update({ storeUnavailable: this.retry.storeUnavailable }),
      environment.timers,
    )
    this.provider.on('status', this.onStatus)
    this.provider.on('status', this.retry.onStatus)
    this.provider.on('closed', this.onClosed)
    this.provider.on('closed', this.retry.onClosed)
    this.unwatchNetwork = this.network.watch(this.onNetwork)
  }

  /** Reopens the socket with this person's credential, so the relay knows who writes. */
  setPerson(credential: string): void {
    reopenAs(this.provider, credential)
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot

  subscribe = this.listeners.subscribe

  destroy(): void {
    this.unwatchNetwork()
    this.provider.off('status', this.onStatus)
    this.provider.off('status', this.retry.onStatus)
    this.provider.off('closed', this.onClosed)
    this.provider.off('closed', this.retry.onClosed)
    this.retry.dispose()
    this.awareness.setLocalState(null)
    this.provider.destroy()
    this.localCopy?.destroy().catch((error: unknown) => console.error('closing the local copy failed', error))
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
    this.facts = { ...this.facts, online: this.network.online() }
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
    this.listeners.notify()
  }
}
