import {
  applyTextValue,
  cloneItems,
  copyable,
  createItem,
  DEFAULT_NOTE_SIZE,
  deleteItems,
  type ItemInit,
  type ItemPatch,
  type ItemSnapshot,
  itemsMap,
  itemText,
  type Point,
  readItem,
  readMeta,
  unsetItemKeys,
  updateItem,
  zKeysAbove,
} from '@atelier/shared'
import * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import { type PaintLayerOf, paintOrder, sameSnapshot } from './order.js'
import { LOCAL_ORIGIN } from './origin.js'

type Listener = () => void

export interface UndoState {
  canUndo: boolean
  canRedo: boolean
}

/**
 * Reactive, immutable view of a board's Y.Doc. The Y.Doc stays the single source of truth:
 * the store only mirrors it as ItemSnapshots and tells each subscriber about the items that
 * changed, so one note being edited re-renders that note and nothing else.
 */
export class BoardStore {
  readonly undoManager: Y.UndoManager
  private items = new Map<string, ItemSnapshot>()
  private orderedIds: readonly string[] = []
  private topZ: string | null = null
  private changeCount = 0
  private title = ''
  private undoState: UndoState = { canUndo: false, canRedo: false }
  private itemListeners = new Map<string, Set<Listener>>()
  private readonly idsListeners = new Listeners()
  private readonly anyListeners = new Listeners()
  private readonly metaListeners = new Listeners()
  private readonly undoListeners = new Listeners()

  private readonly compareItems: (a: ItemSnapshot, b: ItemSnapshot) => number

  /** `layerOf` comes from the item types' modules (`items/`), which sit above the store. */
  constructor(
    readonly doc: Y.Doc,
    layerOf: PaintLayerOf,
  ) {
    this.compareItems = paintOrder(layerOf)
    const map = itemsMap(doc)
    for (const [id, item] of map) {
      const snapshot = readItem(id, item)
      if (snapshot) this.items.set(id, snapshot)
    }
    this.computeOrder()
    this.title = readMeta(doc).title
    map.observeDeep(this.onItemsChanged)
    doc.getMap('meta').observe(this.onMetaChanged)
    this.undoManager = new Y.UndoManager(map, { trackedOrigins: new Set([LOCAL_ORIGIN]) })
    this.undoManager.on('stack-item-added', this.onUndoChanged)
    this.undoManager.on('stack-item-popped', this.onUndoChanged)
    this.undoManager.on('stack-cleared', this.onUndoChanged)
  }

  destroy(): void {
    itemsMap(this.doc).unobserveDeep(this.onItemsChanged)
    this.doc.getMap('meta').unobserve(this.onMetaChanged)
    this.undoManager.destroy()
  }

  // ── reads ──────────────────────────────────────────────────────────────

  getItem(id: string): ItemSnapshot | undefined {
    return this.items.get(id)
  }

  /** Item ids in paint order; the same array until an item is added, removed or reordered. */
  getItemIds(): readonly string[] {
    return this.orderedIds
  }

  getItems(): ReadonlyMap<string, ItemSnapshot> {
    return this.items
  }

  /** Snapshots of `ids` that exist, in the order given. */
  pick(ids: Iterable<string>): ItemSnapshot[] {
    const out: ItemSnapshot[] = []
    for (const id of ids) {
      const item = this.items.get(id)
      if (item) out.push(item)
    }
    return out
  }

  /** Grows on every change: cheap "did anything change" check for derived drawings (minimap). */
  getVersion(): number {
    return this.changeCount
  }

  getTitle(): string {
    return this.title
  }

  getUndoState(): UndoState {
    return this.undoState
  }

  // ── subscriptions (shaped for useSyncExternalStore) ─────────────────────

  subscribeItem(id: string, listener: Listener): () => void {
    let set = this.itemListeners.get(id)
    if (!set) {
      set = new Set()
      this.itemListeners.set(id, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.itemListeners.delete(id)
    }
  }

  subscribeIds = this.idsListeners.subscribe
  /** Called after any item change (for derived views such as culling and bounds). */
  subscribe = this.anyListeners.subscribe
  subscribeMeta = this.metaListeners.subscribe
  subscribeUndo = this.undoListeners.subscribe

  // ── writes: every one is a local-origin transaction, so undo covers it ───

  /** One undo step: everything written inside `fn` is undone together. */
  transact(fn: () => void): void {
    this.doc.transact(fn, LOCAL_ORIGIN)
    this.undoManager.stopCapturing()
  }

  /** Creates items above everything else, in the given order; returns their ids. */
  create(inits: readonly ItemInit[]): string[] {
    const keys = inits.length > 0 ? zKeysAbove(this.topZ, inits.length) : []
    const ids: string[] = []
    this.transact(() => {
      inits.forEach((init, i) => {
        ids.push(createItem(this.doc, { ...init, z: keys[i] as string }, LOCAL_ORIGIN))
      })
    })
    return ids
  }

  createNote(
    at: Point,
    init: { color?: string; author?: string; text?: string; w?: number; h?: number } = {},
  ): string {
    const w = init.w ?? DEFAULT_NOTE_SIZE
    const h = init.h ?? DEFAULT_NOTE_SIZE
    const [id] = this.create([
      { type: 'note', x: Math.round(at.x - w / 2), y: Math.round(at.y - h / 2), ...init, w, h },
    ])
    return id as string
  }

  /** Writes several items' patches as one undo step. */
  update(patches: ReadonlyMap<string, ItemPatch>): void {
    if (patches.size === 0) return
    this.transact(() => {
      for (const [id, patch] of patches) updateItem(this.doc, id, patch, LOCAL_ORIGIN)
    })
  }

  /** Removes an optional key (ungroup, free a connector end): a patch cannot express "absent". */
  unset(ids: Iterable<string>, key: 'groupId' | 'from' | 'to' | 'tags' | 'zones'): void {
    this.transact(() => unsetItemKeys(this.doc, ids, key, LOCAL_ORIGIN))
  }

  moveItems(ids: Iterable<string>, dx: number, dy: number): void {
    if (dx === 0 && dy === 0) return
    const patches = new Map<string, ItemPatch>()
    for (const item of this.pick(ids)) {
      patches.set(item.id, { x: Math.round(item.x + dx), y: Math.round(item.y + dy) })
    }
    this.update(patches)
  }

  resizeItem(id: string, rect: { x: number; y: number; w: number; h: number }): void {
    this.update(
      new Map([
        [id, { x: Math.round(rect.x), y: Math.round(rect.y), w: Math.round(rect.w), h: Math.round(rect.h) }],
      ]),
    )
  }

  setColor(ids: Iterable<string>, color: string): void {
    this.update(new Map([...ids].map((id) => [id, { color }])))
  }

  /** Deletes the items and the connectors attached to them (an arrow to nothing is noise). */
  deleteItems(ids: Iterable<string>): void {
    const doomed = new Set(ids)
    for (const item of this.items.values()) {
      if (
        item.type === 'connector' &&
        ((item.from && doomed.has(item.from)) || (item.to && doomed.has(item.to)))
      ) {
        doomed.add(item.id)
      }
    }
    deleteItems(this.doc, doomed, LOCAL_ORIGIN)
    this.undoManager.stopCapturing()
  }

  /** Copies the items `offset` board units down-right; returns the new ids in the same order. */
  duplicate(ids: Iterable<string>, offset = 24, author?: string): string[] {
    // A copied arrow follows the copies of its ends, and stays attached to the originals it was
    // attached to otherwise.
    const { items } = cloneItems(this.pick(ids).map(copyable), {
      offset: { x: offset, y: offset },
      outside: 'keep',
    })
    return this.create(items.map((item) => (author ? { ...item, author } : item)))
  }

  /**
   * Writes the editor's value as the smallest diff, so concurrent typing in one note merges. A
   * template's example whose text someone writes over is their idea from then on.
   */
  setText(id: string, value: string): void {
    const text = itemText(this.doc, id)
    if (!text || text.toString() === value) return
    this.doc.transact(() => {
      applyTextValue(text, value)
      if (this.items.get(id)?.example) unsetItemKeys(this.doc, [id], 'example')
    }, LOCAL_ORIGIN)
  }

  undo(): void {
    this.undoManager.undo()
  }

  redo(): void {
    this.undoManager.redo()
  }

  // ── Y.Doc observers ─────────────────────────────────────────────────────

  private onItemsChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const map = itemsMap(this.doc)
    const touched = new Set<string>()
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.changes.keys.keys()) touched.add(key)
      } else {
        const first = event.path[0]
        if (typeof first === 'string') touched.add(first)
      }
    }
    const changed: string[] = []
    let orderChanged = false
    for (const id of touched) {
      const before = this.items.get(id)
      const after = readItem(id, map.get(id)) ?? undefined
      if (sameSnapshot(before, after)) continue
      if (after) this.items.set(id, after)
      else this.items.delete(id)
      changed.push(id)
      if (!before || !after || before.z !== after.z || before.type !== after.type) orderChanged = true
    }
    if (changed.length === 0) return
    this.changeCount++
    if (orderChanged) this.computeOrder()
    for (const id of changed) {
      const listeners = this.itemListeners.get(id)
      if (listeners) for (const listener of [...listeners]) listener()
    }
    if (orderChanged) this.idsListeners.notify()
    this.anyListeners.notify()
  }

  private onMetaChanged = (): void => {
    const title = readMeta(this.doc).title
    if (title === this.title) return
    this.title = title
    this.metaListeners.notify()
  }

  private onUndoChanged = (): void => {
    const next = { canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() }
    if (next.canUndo === this.undoState.canUndo && next.canRedo === this.undoState.canRedo) return
    this.undoState = next
    this.undoListeners.notify()
  }

  private computeOrder(): void {
    const sorted = [...this.items.values()].sort(this.compareItems)
    let top: string | null = null
    for (const item of sorted) if (item.z && (top === null || item.z > top)) top = item.z
    this.topZ = top
    this.orderedIds = sorted.map((item) => item.id)
  }
}
