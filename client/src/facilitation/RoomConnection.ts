import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import { relaySyncUrl, reopenAs } from '../sync/relay.js'
import { reconnectAtOnce, TryAgainLater } from '../sync/retryLater.js'

/**
 * A board's secondary room (session or private notes). No IndexedDB copy: the relay is the
 * authority on these documents, and a stale local session must never replay an old step.
 */
export class RoomConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private synced = false
  /** The board's connection shows why the server refuses; this one only waits before reconnecting. */
  private readonly retry: TryAgainLater
  private readonly listeners = new Listeners()

  constructor(room: string, params: Record<string, string>) {
    this.provider = new WebsocketProvider(relaySyncUrl(), room, this.doc, {
      params,
      disableBc: true,
      shouldReconnect: reconnectAtOnce,
    })
    // These rooms carry no awareness: presence lives in the board room only.
    this.provider.awareness.setLocalState(null)
    this.provider.on('sync', this.onSync)
    this.retry = new TryAgainLater(this.provider, () => {})
    this.provider.on('status', this.retry.onStatus)
    this.provider.on('closed', this.retry.onClosed)
  }

  isSynced = (): boolean => this.synced

  subscribeSynced = this.listeners.subscribe

  /**
   * Reopens with the person's credential each time the relay issues a new one (the room opened
   * before they joined). Returns the unsubscribe.
   */
  followCredential(identity: {
    readonly credential: string | null
    subscribe(listener: () => void): () => void
  }): () => void {
    let current = identity.credential
    return identity.subscribe(() => {
      const { credential } = identity
      if (credential === current || credential === null) return
      current = credential
      reopenAs(this.provider, credential)
    })
  }

  destroy(): void {
    this.provider.off('sync', this.onSync)
    this.provider.off('status', this.retry.onStatus)
    this.provider.off('closed', this.retry.onClosed)
    this.retry.dispose()
    this.provider.destroy()
    this.doc.destroy()
  }

  private onSync = (synced: boolean): void => {
    if (synced === this.synced) return
    this.synced = synced
    this.listeners.notify()
  }
}
