import type { ItemSnapshot, ItemType } from '@atelier/shared'
import { createItem } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { paintLayerOf } from '../items/registry.js'
import { BoardStore } from './BoardStore.js'
import { type PaintLayer, paintOrder } from './order.js'

const item = (id: string, type: ItemType, z?: string, createdAt?: number): ItemSnapshot =>
  ({
    id,
    type,
    x: 0,
    y: 0,
    w: 10,
    h: 10,
    ...(z ? { z } : {}),
    ...(createdAt ? { createdAt } : {}),
  }) as ItemSnapshot

const sortedIds = (items: ItemSnapshot[], layerOf: (type: ItemType) => PaintLayer) =>
  [...items].sort(paintOrder(layerOf)).map((each) => each.id)

describe('paint order', () => {
  it('paints the background layer beneath the content whatever their z, then by z, creation time and id', () => {
    const items = [
      item('top-note', 'note', 'a2'),
      item('section', 'frame', 'a9'),
      item('low-note', 'note', 'a1'),
      item('late', 'shape', undefined, 20),
      item('early', 'shape', undefined, 10),
      item('b-same', 'text'),
      item('a-same', 'text'),
    ]
    expect(sortedIds(items, paintLayerOf)).toEqual([
      'section',
      'a-same',
      'b-same',
      'early',
      'late',
      'low-note',
      'top-note',
    ])
  })

  it('takes the layer from the type modules, not from the type names', () => {
    const notesBehind = (type: ItemType): PaintLayer => (type === 'note' ? 'background' : 'content')
    const items = [item('section', 'frame', 'a1'), item('note', 'note', 'a2')]
    expect(sortedIds(items, notesBehind)).toEqual(['note', 'section'])
    expect(sortedIds(items, () => 'content')).toEqual(['section', 'note'])
  })

  it('keeps a section drawn after a note beneath it on the board', () => {
    const doc = new Y.Doc()
    const note = createItem(doc, { type: 'note', x: 10, y: 10 })
    const section = createItem(doc, { type: 'frame', x: 0, y: 0, w: 500, h: 500 })
    const board = new BoardStore(doc, paintLayerOf)
    expect(board.getItemIds()).toEqual([section, note])
  })
})
