import * as Y from 'yjs'
import {
  openLocalDatabase,
  PREVIEW,
  type PreviewPicture,
  request,
  UPDATES,
  writePreviewPicture,
} from './localDatabase.js'

/** Rows after which the copy is rewritten as one state (y-indexeddb's trim size). */
export const COMPACT_AFTER = 500

/**
 * The board's copy in this browser (IndexedDB): a refresh or a network cut loses nothing, and a
 * second visit draws the board before the relay answers. It keeps the updates that pass through
 * the document's `update` event (local edits, small remote ones) one row each; a large remote
 * sync is applied without that event (see BoardConnection) and lands here through `compact`,
 * which rewrites the copy as the document's whole state once the page is idle — and then, next
 * to it, a picture of the board the page's entry draws before the state is decoded (a
 * picture only: the document, once decoded, is what the board shows and edits).
 */
export class LocalCopy {
  private rows: number
  /** Keys of the rows this tab read or wrote: any other row was added by another tab. */
  private known: Set<IDBValidKey>
  private stored: Uint8Array[] | null
  private pictureSource: (() => Promise<PreviewPicture | null>) | null = null
  private pending: ReturnType<typeof setTimeout> | undefined
  private closed = false
  /** Whether the copy held anything when it opened (a board seen before on this device). */
  readonly held: boolean

  private constructor(
    private readonly db: IDBDatabase,
    private readonly doc: Y.Doc,
    keys: IDBValidKey[],
    stored: Uint8Array[],
    private readonly onError: (error: unknown) => void,
  ) {
    this.rows = keys.length
    this.known = new Set(keys)
    this.stored = stored
    this.held = keys.length > 0
  }

  /** Opens the copy named `name`: its rows are read, nothing is applied yet. */
  static async open(name: string, doc: Y.Doc, onError: (error: unknown) => void): Promise<LocalCopy> {
    const db = await openLocalDatabase(name)
    const updates = db.transaction(UPDATES, 'readonly').objectStore(UPDATES)
    const [keys, rows] = await Promise.all([request(updates.getAllKeys()), request(updates.getAll())])
    return new LocalCopy(db, doc, keys, rows as Uint8Array[], onError)
  }

  /** The updates read at open, for the document; handed over once. */
  takeStored(): Uint8Array[] {
    const stored = this.stored ?? []
    this.stored = null
    return stored
  }

  /** What draws the preview picture saved after each compaction (the canvas, at its opening camera). */
  setPictureSource(source: () => Promise<PreviewPicture | null>): void {
    this.pictureSource = source
  }

  /** The document's `update` listener: keeps one update (not those the copy gave the document). */
  append = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.closed) return
    request(this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES).add(update))
      .then((key) => this.known.add(key))
      .catch(this.onError)
    this.rows++
    if (this.rows >= COMPACT_AFTER) this.compactSoon(0)
  }

  /** Rewrites the copy as the whole state after `delayMs`, once the page is idle. */
  compactSoon(delayMs: number): void {
    if (this.pending !== undefined || this.closed) return
    this.pending = setTimeout(() => {
      const run = () => {
        this.pending = undefined
        this.compact()
          .then(() => this.savePicture())
          .catch(this.onError)
      }
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 })
      else run()
    }, delayMs)
  }

  /**
   * Replaces every row with the document's whole state, in one transaction; rows another tab
   * added meanwhile are merged in, not dropped.
   */
  compact(): Promise<void> {
    if (this.closed) return Promise.resolve()
    const state = Y.encodeStateAsUpdate(this.doc)
    const transaction = this.db.transaction(UPDATES, 'readwrite')
    const store = transaction.objectStore(UPDATES)
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB compaction aborted'))
      const keys = store.getAllKeys()
      const rows = store.getAll()
      rows.onsuccess = () => {
        const foreign = (rows.result as Uint8Array[]).filter(
          (_, i) => !this.known.has(keys.result[i] as IDBValidKey),
        )
        store.clear()
        const added = store.add(foreign.length > 0 ? Y.mergeUpdates([state, ...foreign]) : state)
        added.onsuccess = () => {
          this.known = new Set([added.result])
        }
        this.rows = 1
      }
    })
  }

  /** Draws and keeps the preview picture (nothing if no source, or the board opens close up). */
  async savePicture(): Promise<void> {
    const picture = this.pictureSource ? await this.pictureSource() : null
    if (picture && !this.closed) await writePreviewPicture(this.db, picture)
  }

  /** Empties the copy (rows and picture) and stops keeping anything: see `BoardConnection.startOver`. */
  async clear(): Promise<void> {
    clearTimeout(this.pending)
    this.pending = undefined
    this.closed = true
    const transaction = this.db.transaction([UPDATES, PREVIEW], 'readwrite')
    await Promise.all([UPDATES, PREVIEW].map((store) => request(transaction.objectStore(store).clear())))
    this.db.close()
  }

  /** Writes a pending compaction now (the document must still be alive), then closes. */
  async close(): Promise<void> {
    if (this.closed) return
    const pending = this.pending !== undefined
    clearTimeout(this.pending)
    this.pending = undefined
    try {
      if (pending) await this.compact()
    } finally {
      this.closed = true
      this.db.close()
    }
  }
}
