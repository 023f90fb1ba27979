import * as Y from 'yjs'
import { DEFAULT_NOTE_COLOR, DEFAULT_NOTE_SIZE } from './colors.js'
import { randomId } from './ids.js'
import {
  type BoardMeta,
  ITEM_TYPES,
  type ItemInit,
  type ItemPatch,
  type ItemProps,
  type ItemSnapshot,
  type ItemType,
  SCHEMA_VERSION,
  SHAPE_KINDS,
  type ShapeKind,
  TEXT_ITEM_TYPES,
} from './types.js'
import { readZones } from './zones.js'

/** Typed accessors over the board Y.Doc. Every read tolerates foreign writers; every write goes through here. */

type ItemMap = Y.Map<unknown>

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

export function itemsMap(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>('items')
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc)
  const schemaVersion = meta.get('schemaVersion')
  const title = meta.get('title')
  const templateId = meta.get('templateId')
  const importedFrom = meta.get('importedFrom')
  return {
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0,
    title: typeof title === 'string' ? title : '',
    ...(typeof templateId === 'string' ? { templateId } : {}),
    ...(typeof importedFrom === 'string' ? { importedFrom } : {}),
  }
}

/** Records, on a board made from a backup, the id of the board the backup was taken from. */
export function markImported(doc: Y.Doc, fromBoardId: string): void {
  metaMap(doc).set('importedFrom', fromBoardId)
}

/** Writes the meta of a new board. Call inside the transaction that creates the board. */
export function initBoard(doc: Y.Doc, init: { title: string; templateId?: string }): void {
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', init.title)
    if (init.templateId) meta.set('templateId', init.templateId)
  })
}

function isItemType(value: unknown): value is ItemType {
  return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value)
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * Reads one item; returns null when it is not an item at all (wrong container, unknown type),
 * so one malformed entry written by an outside client never breaks the board.
 */
export function readItem(id: string, item: unknown): ItemSnapshot | null {
  if (!(item instanceof Y.Map)) return null
  const type = item.get('type')
  if (!isItemType(type)) return null
  const snapshot: ItemSnapshot = {
    id,
    type,
    x: finite(item.get('x'), 0),
    y: finite(item.get('y'), 0),
    w: Math.max(1, finite(item.get('w'), DEFAULT_NOTE_SIZE)),
    h: Math.max(1, finite(item.get('h'), DEFAULT_NOTE_SIZE)),
  }
  const text = item.get('text')
  if (text instanceof Y.Text) snapshot.text = text.toString()
  else if (typeof text === 'string') snapshot.text = text
  readProps(item, snapshot)
  return snapshot
}

const str = (value: unknown): value is string => typeof value === 'string'
const isShape = (value: unknown): value is ShapeKind =>
  typeof value === 'string' && (SHAPE_KINDS as readonly string[]).includes(value)

/** Copies the optional keys that hold a value of the right type; anything else is ignored. */
function readProps(item: ItemMap, into: ItemProps): void {
  const color = item.get('color')
  if (str(color)) into.color = color
  const z = item.get('z')
  if (str(z)) into.z = z
  const author = item.get('author')
  if (str(author)) into.author = author
  const createdAt = item.get('createdAt')
  if (typeof createdAt === 'number' && Number.isFinite(createdAt)) into.createdAt = createdAt
  if (item.get('locked') === true) into.locked = true
  const shape = item.get('shape')
  if (isShape(shape)) into.shape = shape
  const from = item.get('from')
  if (str(from)) into.from = from
  const to = item.get('to')
  if (str(to)) into.to = to
  const rotation = item.get('rotation')
  if (typeof rotation === 'number' && Number.isFinite(rotation) && rotation !== 0) into.rotation = rotation
  const tags = item.get('tags')
  if (Array.isArray(tags)) into.tags = tags.filter(str)
  const points = item.get('points')
  if (Array.isArray(points) && points.every((p) => typeof p === 'number' && Number.isFinite(p))) {
    into.points = points as number[]
  }
  const src = item.get('src')
  if (str(src)) into.src = src
  const groupId = item.get('groupId')
  if (str(groupId)) into.groupId = groupId
  const strokeWidth = item.get('strokeWidth')
  if (typeof strokeWidth === 'number' && Number.isFinite(strokeWidth) && strokeWidth > 0) {
    into.strokeWidth = strokeWidth
  }
  if (item.get('example') === true) into.example = true
  const zones = readZones(item.get('zones'))
  if (zones && zones.length > 0) into.zones = zones
}

export function readItems(doc: Y.Doc): ItemSnapshot[] {
  const items: ItemSnapshot[] = []
  for (const [id, item] of itemsMap(doc)) {
    const snapshot = readItem(id, item)
    if (snapshot) items.push(snapshot)
  }
  return items
}

/** The Y.Text of an item, or null when the item has none. */
export function itemText(doc: Y.Doc, id: string): Y.Text | null {
  const text = itemsMap(doc).get(id)?.get('text')
  return text instanceof Y.Text ? text : null
}

/** Keys of ItemProps written as given when present. */
const PROP_KEYS = [
  'z',
  'author',
  'locked',
  'shape',
  'from',
  'to',
  'rotation',
  'tags',
  'points',
  'src',
  'groupId',
  'strokeWidth',
  'zones',
  'example',
] as const

export function createItem(doc: Y.Doc, init: ItemInit, origin?: unknown): string {
  const id = init.id ?? randomId()
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    item.set('type', init.type)
    item.set('x', init.x)
    item.set('y', init.y)
    item.set('w', init.w ?? DEFAULT_NOTE_SIZE)
    item.set('h', init.h ?? DEFAULT_NOTE_SIZE)
    if (TEXT_ITEM_TYPES.has(init.type)) item.set('text', new Y.Text(init.text ?? ''))
    if (init.type === 'note' || init.color) item.set('color', init.color ?? DEFAULT_NOTE_COLOR)
    for (const key of PROP_KEYS) {
      const value = init[key]
      // `locked: false` is the default: leave the key out rather than store it.
      if (value !== undefined && value !== false) item.set(key, value)
    }
    item.set('createdAt', init.createdAt ?? Date.now())
    itemsMap(doc).set(id, item)
  }, origin)
  return id
}

export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch, origin?: unknown): void {
  const item = itemsMap(doc).get(id)
  if (!item) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && item.get(key) !== value) item.set(key, value)
    }
  }, origin)
}

/** Removes optional keys of items (ungroup, free a connector end): a patch cannot say "absent". */
export function unsetItemKeys(
  doc: Y.Doc,
  ids: Iterable<string>,
  key: 'groupId' | 'from' | 'to' | 'tags' | 'example' | 'zones',
  origin?: unknown,
): void {
  const items = itemsMap(doc)
  doc.transact(() => {
    for (const id of ids) items.get(id)?.delete(key)
  }, origin)
}

/** Replaces the whole text of an item (for programmatic writes; the editor diffs instead). */
export function setItemText(doc: Y.Doc, id: string, value: string, origin?: unknown): void {
  const text = itemText(doc, id)
  if (!text) return
  doc.transact(() => {
    text.delete(0, text.length)
    text.insert(0, value)
  }, origin)
}

export function deleteItems(doc: Y.Doc, ids: Iterable<string>, origin?: unknown): void {
  const items = itemsMap(doc)
  doc.transact(() => {
    for (const id of ids) items.delete(id)
  }, origin)
}
