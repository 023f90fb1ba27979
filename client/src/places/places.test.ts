import { createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'
import { draftsOf, missingPlaceLabels, newPlace, PLACE_LABEL, savePlaces, zonesOfDrafts } from './places.js'

describe('places of a frame', () => {
  it('are offered to a facilitator with one frame selected', () => {
    const editor = new TestEditor({ facilitator: true })
    const { doc, view, registry, ctx } = editor
    const frame = createItem(doc, { type: 'frame', x: 0, y: 0, w: 800, h: 400, text: 'Échelle' })
    const note = createItem(doc, { type: 'note', x: 20, y: 20, text: 'Idée' })
    view.set({ selection: [frame] })
    expect(registry.isEnabled('editPlaces', ctx)).toBe(true)
    expect(registry.isEnabled('editPlaces', { ...ctx, facilitator: false })).toBe(false)
    expect(registry.isEnabled('editPlaces', { ...ctx, readOnly: true })).toBe(false)
    view.set({ selection: [frame, note] })
    expect(registry.isEnabled('editPlaces', ctx)).toBe(false)
    view.set({ selection: [note] })
    expect(registry.isEnabled('editPlaces', ctx)).toBe(false)
  })

  it('are saved as the zones a phone and the report read, in one undo step', () => {
    const editor = new TestEditor({ facilitator: true })
    const { doc, board } = editor
    const frame = createItem(doc, { type: 'frame', x: 100, y: 0, w: 800, h: 400, text: 'Échelle' })
    const result = zonesOfDrafts([
      { title: '  Pas du tout ', x: 10, y: 50 },
      { title: 'Tout à fait', x: 90, y: 50 },
    ])
    if ('problem' in result) throw new Error(`refused: ${result.problem}`)
    const frameItem = board.getItem(frame)
    if (!frameItem) throw new Error('no frame')
    savePlaces(board, frameItem, result.zones)
    const saved = readItems(doc).find((item) => item.id === frame)
    expect(saved?.zones).toEqual([
      { title: 'Pas du tout', x: 0.1, y: 0.5 },
      { title: 'Tout à fait', x: 0.9, y: 0.5 },
    ])
    // The editor opens on what was saved, in percent.
    expect(saved && draftsOf(saved)).toEqual([
      { title: 'Pas du tout', x: 10, y: 50 },
      { title: 'Tout à fait', x: 90, y: 50 },
    ])
    board.undo()
    expect(readItems(doc).find((item) => item.id === frame)?.zones).toBeUndefined()
    board.redo()
    savePlaces(board, frameItem, [])
    expect(doc.getMap('items').get(frame)).toBeDefined()
    expect(readItems(doc).find((item) => item.id === frame)?.zones).toBeUndefined()
  })

  it('are named on the board where it does not name them yet, with the places, in one undo step', () => {
    const editor = new TestEditor({ facilitator: true })
    const { doc, board } = editor
    const id = createItem(doc, { type: 'frame', x: 0, y: 0, w: 1000, h: 400, text: 'Échelle' })
    // The frame already names one of them, as a template does.
    createItem(doc, { type: 'text', x: 50, y: 300, w: 200, h: 40, text: 'Pas du tout', locked: true })
    const frame = board.getItem(id)
    if (!frame) throw new Error('no frame')
    const zones = [
      { title: 'Pas du tout', x: 0.1, y: 0.5 },
      { title: 'Tout à fait', x: 0.95, y: 0.5 },
      { title: 'En bas', x: 0.5, y: 0.9 },
    ]
    const labels = missingPlaceLabels(frame, zones, board.getItems().values())
    expect(labels.map((label) => label.text)).toEqual(['Tout à fait', 'En bas'])
    const [right, low] = labels
    // Under its point, clear of a note centred on it, and inside the frame at its right edge.
    expect(right).toMatchObject({ type: 'shape', locked: true, y: 200 + 110, x: 1000 - PLACE_LABEL.w })
    // No room under the point: above it.
    expect(low).toMatchObject({ x: 500 - PLACE_LABEL.w / 2, y: 360 - 110 - PLACE_LABEL.h })

    const before = readItems(doc).length
    savePlaces(board, frame, zones, { labels: true })
    expect(readItems(doc)).toHaveLength(before + 2)
    // Saved again, nothing is named twice.
    savePlaces(board, frame, zones, { labels: true })
    expect(readItems(doc)).toHaveLength(before + 2)
    board.undo()
    board.undo()
    expect(readItems(doc)).toHaveLength(before)
    expect(readItems(doc).find((item) => item.id === id)?.zones).toBeUndefined()
  })

  it('name what stops them from being saved, by row', () => {
    const place = (title: string, x = 50, y = 50) => ({ title, x, y })
    expect(zonesOfDrafts([place('Un'), place('   ')])).toEqual({ row: 1, problem: 'blank' })
    expect(zonesOfDrafts([place('x'.repeat(81))])).toEqual({ row: 0, problem: 'long' })
    expect(zonesOfDrafts([place('Un', 101)])).toEqual({ row: 0, problem: 'outside' })
    expect(zonesOfDrafts([place('Un', 20, -1)])).toEqual({ row: 0, problem: 'outside' })
    // A number field left empty reads as NaN.
    expect(zonesOfDrafts([place('Un', Number.NaN)])).toEqual({ row: 0, problem: 'outside' })
    const many = Array.from({ length: 13 }, (_, i) => place(`Place ${i}`))
    expect(zonesOfDrafts(many)).toEqual({ row: null, problem: 'tooMany' })
    expect(zonesOfDrafts([])).toEqual({ zones: [] })
  })

  it('start a new place on a free point of the middle line', () => {
    expect(newPlace([])).toEqual({ title: '', x: 50, y: 50 })
    expect(newPlace([{ title: 'A', x: 50, y: 50 }])).toEqual({ title: '', x: 25, y: 50 })
    // A place elsewhere in the frame does not take the middle.
    expect(newPlace([{ title: 'A', x: 50, y: 10 }]).x).toBe(50)
  })
})
