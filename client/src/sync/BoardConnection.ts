import { CloseCode, roomName } from '@atelier/shared'
import { peekVarUint } from 'lib0/decoding'
import type { Awareness } from 'y-protocols/awareness'
import { messageYjsSyncStep2 } from 'y-protocols/sync'
import { messageSync, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import { checkLink } from './api.js'
import { LocalCopy } from './localCopy.js'
import { copyFoundEmpty, localCopyName, type PreviewPicture, previewPainted } from './localDatabase.js'
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

/** 1003 closes within REFUSED_WITHIN_MS after which the tab stops sending the same thing again. */
const REFUSED_CLOSES = 2
const REFUSED_WITHIN_MS = 30_000

/** The board's copy on this device, as the connection uses it (`localCopy.ts` in the browser). */
export type DeviceCopy = Pick<
  LocalCopy,
  'held' | 'takeStored' | 'append' | 'compactSoon' | 'setPictureSource' | 'close' | 'clear'
>

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
  /**
   * Opens the board's copy on this device, nothing applied yet; throws or rejects when the device
   * has no storage for it. `onError`: a later write failed.
   */
  openLocalCopy(name: string, doc: Y.Doc, onError: (error: unknown) => void): Promise<DeviceCopy>
  /** Resolves true when the copy `name` is known to hold nothing (the page's entry found it empty). */
  copyFoundEmpty(name: string): Promise<boolean>
  network: Network
  timers: Timers
  /**
   * Asks the HTTP API whether the link still opens the board (`checkLink` in api.ts): a browser
   * cannot read why a socket upgrade failed, so a link replaced while the tab slept would look
   * like a network failure.
   */
  checkLink(boardId: string, token: string): Promise<'valid' | 'refused'>
}

/** The board's copy in IndexedDB (in y-indexeddb's layout, see localCopy.ts). */
export function indexedDbCopy(
  name: string,
  doc: Y.Doc,
  onError: (error: unknown) => void,
): Promise<DeviceCopy> {
  return LocalCopy.open(name, doc, onError)
}

/** This page's relay, sockets, IndexedDB, network events and timers. */
export function browserEnvironment(): ConnectionEnvironment {
  return {
    syncUrl: relaySyncUrl(),
    WebSocket: window.WebSocket,
    openLocalCopy: indexedDbCopy,
    copyFoundEmpty,
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
    checkLink: (boardId, token) => checkLink(boardId, token),
  }
}

/** How long the socket waits for the local copy to open before it connects anyway. */
const LOCAL_COPY_WAIT_MS = 500

/** While sockets keep failing before they open, the link is checked over HTTP at most this often. */
export const LINK_CHECK_EVERY_MS = 15_000

/** Resolves once the next frame has been painted (or soon, in a tab that paints no frames). */
function afterNextPaint(timers: Timers): Promise<void> {
  return new Promise((resolve) => {
    const fallback = timers.setTimeout(resolve, 100)
    requestAnimationFrame(() =>
      timers.setTimeout(() => {
        timers.clearTimeout(fallback)
        resolve()
      }, 0),
    )
  })
}

/**
 * One board's document and its two replicas: the local copy in IndexedDB (so a refresh or a
 * network cut loses nothing and a second visit draws before the relay answers) and the relay
 * over y-websocket. The socket connects once the local copy is in the document, so the relay
 * sends only what the copy lacks — at once when the copy is known to be empty.
 */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  /** Resolves once the local copy is in the document (true when it held anything) or could not open. */
  readonly localLoaded: Promise<boolean>
  private pictureSource: (() => Promise<PreviewPicture | null>) | null = null
  private local: DeviceCopy | null = null
  private destroyed = false
  private readonly timers: Timers
  private readonly retry: TryAgainLater
  private readonly network: Network
  private readonly checkLink: ConnectionEnvironment['checkLink']
  /** A link check is running or was made less than LINK_CHECK_EVERY_MS ago. */
  private linkCheckPending = false
  /** When the relay last closed this tab's sockets with 1003, within REFUSED_WITHIN_MS. */
  private refusals: number[] = []
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
    this.timers = environment.timers
    this.checkLink = environment.checkLink
    this.facts = { socket: 'connecting', everConnected: false, online: this.network.online() }
    this.snapshot = {
      status: deriveStatus(this.facts),
      denied: false,
      storageError: false,
      storeUnavailable: false,
    }
    this.provider = new WebsocketProvider(environment.syncUrl, roomName(boardId, 'board'), this.doc, {
      params: { token, ...(credential ? { person: credential } : {}) },
      WebSocketPolyfill: environment.WebSocket,
      // Tabs sync through the relay only, so the relay's role checks apply to every tab.
      disableBc: true,
      shouldReconnect: reconnectAtOnce,
      connect: false,
    })
    this.applyRelaySyncQuietly()
    this.localLoaded = this.openLocalCopy(environment)
    const connect = () => {
      if (!this.destroyed) this.provider.connect()
    }
    void this.localLoaded.then(connect)
    // An empty copy spares the relay nothing: a first visit connects while the copy opens.
    void environment.copyFoundEmpty(localCopyName(boardId)).then((empty) => {
      if (empty) connect()
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
    this.provider.on('connection-close', this.onConnectionClose)
    this.provider.on('connection-close', this.onRefused)
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
    this.provider.off('connection-close', this.onConnectionClose)
    this.provider.off('connection-close', this.onRefused)
    this.retry.dispose()
    this.awareness.setLocalState(null)
    this.provider.destroy()
    this.destroyed = true
    if (this.local) {
      this.doc.off('update', this.local.append)
      this.local.close().catch((error: unknown) => console.error('closing the local copy failed', error))
    }
    this.doc.destroy()
  }
  /** What draws the preview picture the local copy keeps (the canvas, at the opening camera). */
  keepPictureOf(source: () => Promise<PreviewPicture | null>): void {
    this.pictureSource = source
    this.local?.setPictureSource(source)
  }

  /**
   * Opens the local copy and applies what it holds. If it has not opened within
   * LOCAL_COPY_WAIT_MS, resolves at once, so a stuck IndexedDB never keeps the board offline.
   * IndexedDB is missing or refused in some private modes: that is reported in the UI and sync
   * carries on without it.
   */
  private async openLocalCopy(environment: ConnectionEnvironment): Promise<boolean> {
    let opening: Promise<DeviceCopy>
    try {
      opening = environment.openLocalCopy(localCopyName(this.boardId), this.doc, this.onStorageError)
    } catch (error) {
      this.onStorageError(error)
      return false
    }
    const loaded = opening.then(
      (local) => this.loadLocalCopy(local),
      (error: unknown) => {
        this.onStorageError(error)
        return false
      },
    )
    const wait = new Promise<false>((resolve) => {
      this.timers.setTimeout(() => resolve(false), LOCAL_COPY_WAIT_MS)
    })
    const openedInTime = await Promise.race([
      opening.then(
        () => true,
        () => true,
      ),
      wait,
    ])
    return openedInTime ? loaded : false
  }

  /**
   * Decodes the copy into the document — after the frame that shows the preview picture, when
   * the entry drew one (decoding a large board holds the main thread for a while).
   */
  private async loadLocalCopy(local: DeviceCopy): Promise<boolean> {
    if (await previewPainted()) await afterNextPaint(this.timers)
    if (this.destroyed) {
      void local.close()
      return false
    }
    const stored = local.takeStored()
    const origin = local
    if (stored.length > 0) {
      this.applyQuietly(() =>
        Y.transact(
          this.doc,
          () => {
            for (const update of stored) Y.applyUpdate(this.doc, update, origin)
          },
          origin,
        ),
      )
    }
    this.local = local
    if (this.pictureSource) local.setPictureSource(this.pictureSource)
    this.doc.on('update', local.append)
    // The relay answered first (the copy was slow to open): the copy takes its answer now.
    if (this.provider.synced) local.compactSoon(1000)
    return local.held
  }

  private onStorageError = (error: unknown): void => {
    console.error('the local copy of the board failed', error)
    this.update({ storageError: true })
  }

  /**
   * The relay's sync answer is the whole board on a first visit. Yjs encodes every transaction
   * again for the document's `update` listeners — a third of what the first paint of a large
   * board waited for — and nobody needs it for this one: the provider never sends back what the
   * relay sent, and the local copy takes the whole state once the page is idle.
   */
  private applyRelaySyncQuietly(): void {
    const handle = this.provider.messageHandlers[messageSync]
    if (!handle) throw new Error('y-websocket has no sync message handler')
    this.provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, messageType) => {
      if (peekVarUint(decoder) !== messageYjsSyncStep2) {
        handle(encoder, decoder, provider, emitSynced, messageType)
        return
      }
      let changed = false
      const onTransaction = (transaction: Y.Transaction) => {
        changed ||= transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0
      }
      this.doc.on('afterTransaction', onTransaction)
      try {
        this.applyQuietly(() => handle(encoder, decoder, provider, emitSynced, messageType))
      } finally {
        this.doc.off('afterTransaction', onTransaction)
      }
      if (changed) this.local?.compactSoon(1000)
    }
  }

  /** Runs `apply` with the document's `update` listeners off, so Yjs does not encode it again. */
  private applyQuietly(apply: () => void): void {
    const listeners = [this.provider._updateHandler, ...(this.local ? [this.local.append] : [])]
    for (const listener of listeners) this.doc.off('update', listener)
    try {
      apply()
    } finally {
      for (const listener of listeners) this.doc.on('update', listener)
    }
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

  /**
   * A close with 1003: the relay could not accept what this tab sent. Again on reconnecting, this
   * tab holds something the board cannot take: it stops (status `stopped`); `startOver` leaves it.
   */
  private onRefused = (event: { code: number } | null): void => {
    if (event?.code !== CloseCode.unsupportedData) return
    const now = Date.now()
    this.refusals = this.refusals.filter((at) => now - at < REFUSED_WITHIN_MS).concat(now)
    if (this.refusals.length < REFUSED_CLOSES) return
    // Reconnecting would send the same changes again, to be refused again, for ever. Once this
    // close is handled: disconnecting inside it would close the same socket a second time.
    queueMicrotask(() => this.provider.disconnect())
    this.facts = { ...this.facts, stopped: true }
    this.update({})
  }

  /**
   * Leaves what this tab holds beyond the board: stops syncing and empties the board's copy on
   * this device, so that the page, reloaded, starts from the relay's board. What this tab had not
   * sent is lost: the relay refuses it.
   */
  async startOver(): Promise<void> {
    await this.localLoaded
    await this.local?.clear()
    this.provider.disconnect()
  }

  /**
   * A socket that closed before it opened: the relay refused the upgrade (its HTTP 401 for a
   * replaced link, which a browser reports as a network failure) or could not be reached. The
   * HTTP API tells which; a refused link stops the reconnecting, as a 4403 close does.
   */
  private onConnectionClose = (): void => {
    if (this.provider.wsconnected || !this.network.online() || this.linkCheckPending) return
    this.linkCheckPending = true
    this.checkLink(this.boardId, this.token)
      .then(
        (verdict) => {
          if (verdict !== 'refused' || this.destroyed) return
          this.provider.disconnect()
          this.update({ denied: true })
        },
        (error: unknown) => console.warn('could not check the board link; still reconnecting', error),
      )
      .finally(() => {
        this.timers.setTimeout(() => {
          this.linkCheckPending = false
        }, LINK_CHECK_EVERY_MS)
      })
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
