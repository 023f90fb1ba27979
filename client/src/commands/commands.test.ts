import { createItem, itemsMap, itemText, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardStore } from '../store/BoardStore.js'
import { ViewStore } from '../store/ViewStore.js'
import { createRegistry } from './registry.js'
import type { CommandContext } from './types.js'

function setup(readOnly = false) {
  const doc = new Y.Doc()
  const board = new BoardStore(doc)
  const view = new ViewStore({
    viewport: { width: 1000, height: 800 },
    camera: { x: -500, y: -400, zoom: 1 },
  })
  const ctx: CommandContext = { board, view, readOnly, author: 'me' }
  return { doc, board, view, ctx, registry: createRegistry() }
}

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }> = {},
) => ({
  key: k,
  code: mods.code ?? '',
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: mods.metaKey ?? false,
  shiftKey: mods.shiftKey ?? false,
  altKey: false,
})

describe('command registry', () => {
  it('has unique ids and a label for each command', () => {
    const { registry } = setup()
    const ids = registry.list().map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const command of registry.list()) expect(command.labelKey).toMatch(/^commands\./)
  })

  it('maps keys to commands, ignoring plain letters when Ctrl is held', () => {
    const { registry } = setup()
    expect(registry.forKey(key('n'))?.id).toBe('createNote')
    expect(registry.forKey(key('N', { shiftKey: true }))?.id).toBe('createNote')
    expect(registry.forKey(key('n', { ctrlKey: true }))).toBeUndefined()
    expect(registry.forKey(key('z', { ctrlKey: true }))?.id).toBe('undo')
    expect(registry.forKey(key('z', { metaKey: true, shiftKey: true }))?.id).toBe('redo')
    expect(registry.forKey(key('y', { ctrlKey: true }))?.id).toBe('redo')
    expect(registry.forKey(key('!', { shiftKey: true, code: 'Digit1' }))?.id).toBe('zoomToFit')
    expect(registry.forKey(key('+', { shiftKey: true }))?.id).toBe('zoomIn')
    expect(registry.forKey(key('Backspace'))?.id).toBe('delete')
    expect(registry.forKey(key('d', { ctrlKey: true }))?.id).toBe('duplicate')
  })

  it('creates a note at the viewport centre, selected and in edit mode', () => {
    const { registry, ctx, view, doc } = setup()
    expect(registry.run('createNote', ctx)).toBe(true)
    const [note] = readItems(doc)
    expect(note).toMatchObject({ type: 'note', x: -100, y: -100, w: 200, h: 200, author: 'me' })
    expect(view.getState().selection).toEqual([note?.id])
    expect(view.getState().editingId).toBe(note?.id)
  })

  it('does not stack notes made with N on the same spot', () => {
    const { registry, ctx, doc } = setup()
    registry.run('createNote', ctx)
    registry.run('createNote', ctx)
    const xs = readItems(doc).map((i) => i.x)
    expect(new Set(xs).size).toBe(2)
  })

  it('undoes and redoes only local changes', () => {
    const { registry, ctx, doc, board } = setup()
    registry.run('createNote', ctx, { at: { x: 0, y: 0 } })
    // A remote peer's note (no local origin) must survive our undo.
    const remote = createItem(doc, { type: 'note', x: 500, y: 0 }, 'remote')
    expect(registry.isEnabled('undo', ctx)).toBe(true)
    registry.run('undo', ctx)
    expect(readItems(doc).map((i) => i.id)).toEqual([remote])
    expect(board.getUndoState()).toEqual({ canUndo: false, canRedo: true })
    registry.run('redo', ctx)
    expect(readItems(doc)).toHaveLength(2)
  })

  it('deletes, duplicates, recolours and selects all', () => {
    const { registry, ctx, view, doc } = setup()
    expect(registry.isEnabled('delete', ctx)).toBe(false)
    registry.run('createNote', ctx, { at: { x: 0, y: 0 } })
    registry.run('duplicate', ctx)
    expect(readItems(doc)).toHaveLength(2)
    registry.run('setColor', ctx, { color: '#c5e4ff' })
    const [copy] = view.getState().selection
    expect(readItems(doc).find((i) => i.id === copy)?.color).toBe('#c5e4ff')
    expect(view.getState().noteColor).toBe('#c5e4ff')
    registry.run('selectAll', ctx)
    expect(view.getState().selection).toHaveLength(2)
    registry.run('delete', ctx)
    expect(readItems(doc)).toHaveLength(0)
    expect(view.getState().selection).toEqual([])
  })

  it('zooms by steps around the viewport centre and fits the content', () => {
    const { registry, ctx, view, board } = setup()
    registry.run('zoomIn', ctx)
    expect(view.getState().camera.zoom).toBe(1.5)
    registry.run('zoomOut', ctx)
    registry.run('zoomOut', ctx)
    expect(view.getState().camera.zoom).toBe(0.75)
    registry.run('zoomTo100', ctx)
    expect(view.getState().camera.zoom).toBe(1)
    board.createNote({ x: 2000, y: 2000 })
    registry.run('zoomToFit', ctx)
    const { camera } = view.getState()
    expect(camera.x + 500 / camera.zoom).toBeCloseTo(2000)
  })

  it('disables every writing command for observers but keeps navigation', () => {
    const { registry, ctx, doc } = setup(true)
    createItem(doc, { type: 'note', x: 0, y: 0 }, 'remote')
    for (const id of ['createNote', 'delete', 'undo', 'redo', 'setColor', 'duplicate', 'noteTool'] as const) {
      expect(registry.isEnabled(id, ctx)).toBe(false)
    }
    expect(registry.handleKey(key('n'), ctx)).toBe(false)
    expect(registry.isEnabled('zoomIn', ctx)).toBe(true)
    expect(registry.isEnabled('selectAll', ctx)).toBe(true)
  })

  it('writes note text as minimal edits that merge with concurrent typing', () => {
    const a = setup()
    const b = new Y.Doc()
    a.doc.on('update', (u: Uint8Array) => Y.applyUpdate(b, u))
    const id = a.board.createNote({ x: 0, y: 0 })
    a.board.setText(id, 'Bonjour')
    const bText = itemText(b, id)
    bText?.insert(7, ' à tous')
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b))
    a.board.setText(id, 'Bonjour!! à tous')
    expect(itemsMap(a.doc).get(id)?.get('text')?.toString()).toBe('Bonjour!! à tous')
  })
})
