import * as Y from 'yjs'
import { itemsMap } from '../schema/board.js'
import { DEFAULT_NOTE_COLOR, DEFAULT_NOTE_SIZE } from '../schema/colors.js'
import { type ItemInit, TEXT_ITEM_TYPES } from '../schema/types.js'
import type { ShapeKind } from './format.js'

/**
 * `ItemInit` plus the keys a template writes. `locked`, `frameId`, `shape`, `from` and `to` are
 * additive keys of schema v1 (readers that do not know them ignore them); they are proposed for
 * `shared/src/schema/types.ts` so every reader agrees on them.
 */
export interface TemplateItemInit extends ItemInit {
  /** Participants cannot move, resize or edit it (instructions, backgrounds). */
  locked?: boolean
  /** Board id of the frame the item belongs to. */
  frameId?: string
  shape?: ShapeKind
  /** Connector ends: board ids of frames or items. */
  from?: string
  to?: string
  createdAt?: number
}

export function itemExists(doc: Y.Doc, id: string): boolean {
  return itemsMap(doc).has(id)
}

/**
 * `createItem` with a caller-chosen id (templates need ids known before writing, so agenda
 * steps can point at frames). Same keys and defaults as `createItem`; runs in the caller's
 * transaction when there is one.
 */
export function insertItem(doc: Y.Doc, id: string, init: TemplateItemInit, origin?: unknown): void {
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    item.set('type', init.type)
    item.set('x', init.x)
    item.set('y', init.y)
    item.set('w', init.w ?? DEFAULT_NOTE_SIZE)
    item.set('h', init.h ?? DEFAULT_NOTE_SIZE)
    if (TEXT_ITEM_TYPES.has(init.type)) item.set('text', new Y.Text(init.text ?? ''))
    if (init.type === 'note' || init.color) item.set('color', init.color ?? DEFAULT_NOTE_COLOR)
    if (init.z) item.set('z', init.z)
    if (init.author) item.set('author', init.author)
    if (init.locked) item.set('locked', true)
    if (init.frameId) item.set('frameId', init.frameId)
    if (init.shape) item.set('shape', init.shape)
    if (init.from) item.set('from', init.from)
    if (init.to) item.set('to', init.to)
    item.set('createdAt', init.createdAt ?? Date.now())
    itemsMap(doc).set(id, item)
  }, origin)
}
