import { createItem, updateItem } from '@atelier/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { idsInWindow } from '../canvas/culling.js'
import { paintLayerOf } from '../items/registry.js'
import { BoardStore } from './BoardStore.js'

describe('BoardStore', () => {
  it('reads items already in the document', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 1, y: 2, text: 'hi' })
    const store = new BoardStore(doc, paintLayerOf)
    expect(store.getItem(id)).toMatchObject({ x: 1, y: 2, text: 'hi' })
    expect(store.getItemIds()).toEqual([id])
  })

  it('notifies only the subscribers of the item that changed', () => {
    const doc = new Y.Doc()
    const a = createItem(doc, { type: 'note', x: 0, y: 0 })
    const b = createItem(doc, { type: 'note', x: 300, y: 0 })
    const store = new BoardStore(doc, paintLayerOf)
    const onA = vi.fn()
    const onB = vi.fn()
    const onIds = vi.fn()
    store.subscribeItem(a, onA)
    store.subscribeItem(b, onB)
    store.subscribeIds(onIds)
    const before = store.getItem(b)
    const ids = store.getItemIds()
    updateItem(doc, a, { x: 50 })
    expect(onA).toHaveBeenCalledTimes(1)
    expect(onB).not.toHaveBeenCalled()
    expect(onIds).not.toHaveBeenCalled()
    expect(store.getItem(b)).toBe(before)
    expect(store.getItemIds()).toBe(ids)
    expect(store.getItem(a)?.x).toBe(50)
  })

  it('sees text edits made inside a note', () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 0, y: 0 })
    const store = new BoardStore(doc, paintLayerOf)
    const listener = vi.fn()
    store.subscribeItem(id, listener)
    store.setText(id, 'Idée')
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getItem(id)?.text).toBe('Idée')
  })

  it("makes a template's example someone's idea once they write over it, and its copy an idea too", () => {
    const doc = new Y.Doc()
    const id = createItem(doc, { type: 'note', x: 0, y: 0, text: 'Je maîtrise déjà…', example: true })
    const store = new BoardStore(doc, paintLayerOf)
    const [copy] = store.duplicate([id])
    expect(copy && store.getItem(copy)?.example).toBeUndefined()
    // Writing the same text is no edit: still an example.
    store.setText(id, 'Je maîtrise déjà…')
    expect(store.getItem(id)?.example).toBe(true)
    store.setText(id, 'Je maîtrise déjà l’animation de réunion')
    expect(store.getItem(id)?.example).toBeUndefined()
    expect(store.getItem(id)?.text).toBe('Je maîtrise déjà l’animation de réunion')
  })

  it('updates the id list on add and delete, in creation order', () => {
    const doc = new Y.Doc()
    const store = new BoardStore(doc, paintLayerOf)
    const onIds = vi.fn()
    store.subscribeIds(onIds)
    const first = store.createNote({ x: 0, y: 0 })
    const second = store.createNote({ x: 0, y: 0 })
    expect(store.getItemIds()).toEqual([first, second])
    store.deleteItems([first])
    expect(store.getItemIds()).toEqual([second])
    expect(onIds).toHaveBeenCalledTimes(3)
  })

  it('ignores malformed entries written by outside clients', () => {
    const doc = new Y.Doc()
    doc.getMap('items').set('junk', 'not a map' as never)
    const store = new BoardStore(doc, paintLayerOf)
    expect(store.getItemIds()).toEqual([])
  })

  it('moves a set of notes in one undo step', () => {
    const doc = new Y.Doc()
    const store = new BoardStore(doc, paintLayerOf)
    const a = store.createNote({ x: 100, y: 100 })
    const b = store.createNote({ x: 400, y: 100 })
    store.moveItems([a, b], 10, 20)
    expect(store.getItem(a)).toMatchObject({ x: 10, y: 20 })
    store.undo()
    expect(store.getItem(a)).toMatchObject({ x: 0, y: 0 })
    expect(store.getItem(b)).toMatchObject({ x: 300, y: 0 })
  })

  it('culls items outside a rect', () => {
    const doc = new Y.Doc()
    const store = new BoardStore(doc, paintLayerOf)
    const near = store.createNote({ x: 100, y: 100 })
    store.createNote({ x: 5000, y: 5000 })
    expect(idsInWindow(store, { x: 0, y: 0, w: 1000, h: 800 })).toEqual([near])
  })

  it('creates items above the top in order, and notifies on optional keys too', () => {
    const store = new BoardStore(new Y.Doc(), paintLayerOf)
    const [a, b] = store.create([
      { type: 'note', x: 0, y: 0 },
      { type: 'frame', x: 0, y: 0, w: 500, h: 500 },
    ]) as [string, string]
    const [c] = store.create([{ type: 'shape', x: 0, y: 0, shape: 'ellipse' }]) as [string]
    // Frames paint first; the rest by z, newest on top.
    expect(store.getItemIds()).toEqual([b, a, c])
    let calls = 0
    store.subscribeItem(a, () => calls++)
    store.update(new Map([[a, { locked: true, tags: ['x'] }]]))
    expect(calls).toBe(1)
    store.unset([a], 'tags')
    expect(store.getItem(a)?.tags).toBeUndefined()
    expect(calls).toBe(2)
  })
})
