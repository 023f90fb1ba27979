import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createItem,
  deleteItems,
  initBoard,
  itemsMap,
  itemText,
  readItem,
  readItems,
  readMeta,
  setItemText,
  updateItem,
} from './board.js'
import { DEFAULT_NOTE_COLOR } from './colors.js'

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

describe('board accessors', () => {
  it('writes and reads the meta of a new board', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Atelier idéation', templateId: 'ideation' })
    expect(readMeta(doc)).toEqual({ schemaVersion: 1, title: 'Atelier idéation', templateId: 'ideation' })
  })

  it('creates a note with a Y.Text, default colour and size', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 10, y: 20, text: 'Et si…' })
    const item = itemsMap(doc).get(id)
    expect(item?.get('text')).toBeInstanceOf(Y.Text)
    expect(readItem(id, item)).toMatchObject({
      id,
      type: 'note',
      x: 10,
      y: 20,
      w: 200,
      h: 200,
      text: 'Et si…',
    })
    expect(readItem(id, item)?.color).toBe(DEFAULT_NOTE_COLOR)
  })

  it('gives distinct ids to items created concurrently on two replicas', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const ids = new Set<string>()
    for (let i = 0; i < 200; i++) {
      ids.add(createItem(a, { type: 'note', x: i, y: 0 }))
      ids.add(createItem(b, { type: 'note', x: i, y: 0 }))
    }
    sync(a, b)
    sync(b, a)
    expect(ids.size).toBe(400)
    expect(readItems(a)).toHaveLength(400)
  })

  it('reads a note written by an outside client with the minimal contract keys', () => {
    const doc = new Y.Doc()
    const note = new Y.Map<unknown>()
    note.set('type', 'note')
    note.set('x', 1)
    note.set('y', 2)
    note.set('w', 150)
    note.set('h', 100)
    note.set('text', new Y.Text('depuis un script'))
    note.set('color', '#ffc9de')
    itemsMap(doc).set('outside', note)
    expect(readItems(doc)).toEqual([
      { id: 'outside', type: 'note', x: 1, y: 2, w: 150, h: 100, text: 'depuis un script', color: '#ffc9de' },
    ])
  })

  it('skips malformed entries instead of failing the whole board', () => {
    const doc = new Y.Doc()
    const bad = new Y.Map<unknown>()
    bad.set('type', 'sticker')
    itemsMap(doc).set('unknown-type', bad)
    const noType = new Y.Map<unknown>()
    itemsMap(doc).set('no-type', noType)
    const nan = new Y.Map<unknown>()
    nan.set('type', 'note')
    nan.set('x', Number.NaN)
    itemsMap(doc).set('nan', nan)
    const items = readItems(doc)
    expect(items.map((i) => i.id)).toEqual(['nan'])
    expect(items[0]?.x).toBe(0)
  })

  it('writes and reads the optional keys, with a chosen id', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, {
      id: 'arrow-1',
      type: 'connector',
      x: 0,
      y: 0,
      from: 'a',
      to: 'b',
      locked: true,
      rotation: 15,
      tags: ['urgent'],
      points: [0, 0, 10, 10],
    })
    expect(id).toBe('arrow-1')
    expect(readItem(id, itemsMap(doc).get(id))).toMatchObject({
      from: 'a',
      to: 'b',
      locked: true,
      rotation: 15,
      tags: ['urgent'],
      points: [0, 0, 10, 10],
    })
    const shape = createItem(doc, { type: 'shape', x: 0, y: 0, shape: 'diamond', locked: false })
    expect(itemsMap(doc).get(shape)?.has('locked')).toBe(false)
    expect(readItem(shape, itemsMap(doc).get(shape))?.shape).toBe('diamond')
  })

  it('reads group ids and stroke widths, ignoring bad ones', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'stroke', x: 0, y: 0, groupId: 'g1', strokeWidth: 16, points: [0, 0] })
    expect(readItem(id, itemsMap(doc).get(id))).toMatchObject({ groupId: 'g1', strokeWidth: 16 })
    const item = itemsMap(doc).get(id)
    item?.set('groupId', 42)
    item?.set('strokeWidth', -1)
    const snapshot = readItem(id, item)
    expect(snapshot).not.toHaveProperty('groupId')
    expect(snapshot).not.toHaveProperty('strokeWidth')
  })

  it('ignores optional keys of the wrong type', () => {
    const doc = new Y.Doc()
    const item = new Y.Map<unknown>()
    item.set('type', 'shape')
    item.set('shape', 'star')
    item.set('locked', 'yes')
    item.set('points', [1, 'two'])
    item.set('tags', ['ok', 3])
    itemsMap(doc).set('odd', item)
    const snapshot = readItem('odd', item)
    expect(snapshot).not.toHaveProperty('shape')
    expect(snapshot).not.toHaveProperty('locked')
    expect(snapshot).not.toHaveProperty('points')
    expect(snapshot?.tags).toEqual(['ok'])
  })

  it('updates only the keys that changed and deletes items', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 0, y: 0 })
    let transactions = 0
    doc.on('afterTransaction', (tr) => {
      if (tr.changed.size > 0) transactions++
    })
    updateItem(doc, id, { x: 0 })
    expect(transactions).toBe(0)
    updateItem(doc, id, { x: 42, color: '#c5e4ff' })
    expect(readItem(id, itemsMap(doc).get(id))).toMatchObject({ x: 42, color: '#c5e4ff' })
    deleteItems(doc, [id])
    expect(itemsMap(doc).size).toBe(0)
  })

  it('replaces the text of an item and ignores items without text', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 0, y: 0, text: 'avant' })
    setItemText(doc, id, 'après')
    expect(itemText(doc, id)?.toString()).toBe('après')
    const connector = createItem(doc, { type: 'connector', x: 0, y: 0 })
    expect(itemText(doc, connector)).toBeNull()
  })

  it('tags transactions with the given origin so undo can track them', () => {
    const doc = new Y.Doc()
    const origin = { local: true }
    const undo = new Y.UndoManager(itemsMap(doc), { trackedOrigins: new Set([origin]) })
    createItem(doc, { type: 'note', x: 0, y: 0 })
    createItem(doc, { type: 'note', x: 0, y: 0 }, origin)
    undo.undo()
    expect(itemsMap(doc).size).toBe(1)
  })
})
