import { createItem, readItems, rectsOverlap } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'

function setup() {
  const editor = new TestEditor({})
  const run = (id: string) => editor.registry.run(id, editor.ctx)
  const enabled = (id: string) => editor.registry.isEnabled(id, editor.ctx)
  return { editor, doc: editor.doc, view: editor.view, run, enabled }
}

describe('Ranger', () => {
  it('lays a frame’s pile of notes out in a grid inside it, as one undo step', () => {
    const { doc, view, run, enabled } = setup()
    const frame = createItem(doc, { type: 'frame', x: 0, y: 0, w: 500, h: 300, text: 'Idées' })
    for (let i = 0; i < 5; i++) createItem(doc, { type: 'note', x: 100 + i, y: 100 + i, text: `idée ${i}` })
    const outside = createItem(doc, { type: 'note', x: 2000, y: 0, text: 'ailleurs' })
    view.set({ selection: [frame] })
    expect(enabled('tidy')).toBe(true)
    run('tidy')

    const items = readItems(doc)
    const grown = items.find((item) => item.id === frame)
    const notes = items.filter((item) => item.type === 'note' && item.id !== outside)
    if (!grown) throw new Error('frame missing')
    for (const [i, note] of notes.entries()) {
      expect(note.x + note.w).toBeLessThanOrEqual(grown.x + grown.w)
      expect(note.y + note.h).toBeLessThanOrEqual(grown.y + grown.h)
      for (const other of notes.slice(i + 1)) expect(rectsOverlap(note, other)).toBe(false)
    }
    expect(grown.h).toBeGreaterThan(300)
    expect(items.find((item) => item.id === outside)?.x).toBe(2000)
    // Tidy already: nothing left to do.
    expect(enabled('tidy')).toBe(false)

    run('undo')
    expect(
      readItems(doc)
        .filter((item) => item.type === 'note' && item.id !== outside)
        .map((n) => n.x),
    ).toEqual([100, 101, 102, 103, 104])
    expect(readItems(doc).find((item) => item.id === frame)?.h).toBe(300)
  })

  it('turns a scattered selection into a grid where it stands', () => {
    const { doc, view, run } = setup()
    const ids = [0, 1, 2, 3].map((i) => createItem(doc, { type: 'note', x: i * 37, y: i * 53, text: `${i}` }))
    view.set({ selection: ids })
    run('tidy')
    const notes = readItems(doc)
    for (const [i, note] of notes.entries())
      for (const other of notes.slice(i + 1)) expect(rectsOverlap(note, other)).toBe(false)
    expect(Math.min(...notes.map((note) => note.x))).toBe(0)
  })
})
