import { ITEM_TYPES, type ItemSnapshot, type Point, TEXT_ITEM_TYPES } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { connectorSegment } from './connector/connectorUtil.js'
import type { HitContext } from './ItemUtil.js'
import { itemUtil } from './registry.js'

const item = (type: ItemSnapshot['type'], extra: Partial<ItemSnapshot> = {}): ItemSnapshot => ({
  id: type,
  type,
  x: 0,
  y: 0,
  w: 200,
  h: 100,
  ...extra,
})

function hits(target: ItemSnapshot, point: Point, others: ItemSnapshot[] = [], zoom = 1): boolean {
  const ctx: HitContext = {
    zoom,
    tolerance: 6 / zoom,
    lookup: (id) => others.find((other) => other.id === id),
  }
  return itemUtil(target.type).hitTest(target, point, ctx)
}

describe('item registry', () => {
  it('has one util per schema type, each for its own type', () => {
    for (const type of ITEM_TYPES) expect(itemUtil(type).type).toBe(type)
  })

  it('edits text in place exactly for the types whose schema carries a text', () => {
    for (const type of ITEM_TYPES)
      expect(itemUtil(type).textEditing !== undefined).toBe(TEXT_ITEM_TYPES.has(type))
    expect(itemUtil('frame').textEditing?.kind).toBe('title')
    const text = itemUtil('text').textEditing
    expect(text?.kind === 'box' && text.removeWhenEmpty).toBe(true)
    const note = itemUtil('note').textEditing
    expect(note?.kind === 'box' && note.background?.(item('note', { color: '#ffd8a8' }))).toBe('#ffd8a8')
  })

  it('gives the editor the text box the view draws: above a note’s tags, larger for free text', () => {
    const editing = itemUtil('note').textEditing
    if (editing?.kind !== 'box') throw new Error('a note is edited in a box')
    const text = 'Un accueil unique pour toutes les démarches de la mairie, sur place ou en ligne'
    const plain = editing.textBox(item('note', { w: 200, h: 200, text }))
    const tagged = editing.textBox(item('note', { w: 200, h: 200, text, tags: ['accueil'] }))
    expect(tagged.height).toBe(plain.height - 26)
    expect(tagged.fontSize).toBeLessThan(plain.fontSize)
    const free = itemUtil('text').textEditing
    if (free?.kind !== 'box') throw new Error('free text is edited in a box')
    expect(free.textBox(item('text', { w: 600, h: 120, text: 'Titre' })).fontSize).toBe(32)
    expect(editing.textBox(item('note', { w: 600, h: 120, text: 'Titre' })).fontSize).toBe(28)
  })
})

describe('hit testing, type by type', () => {
  it('hits a note anywhere in its box, turned with it', () => {
    expect(hits(item('note'), { x: 195, y: 95 })).toBe(true)
    expect(hits(item('note'), { x: 205, y: 50 })).toBe(false)
    // Turned a quarter around its centre (100, 50), the box spans y -50…150 and x 50…150.
    expect(hits(item('note', { rotation: 90 }), { x: 100, y: 140 })).toBe(true)
    expect(hits(item('note', { rotation: 90 }), { x: 190, y: 50 })).toBe(false)
  })

  it('hits a shape on its own outline: an ellipse or a diamond misses its corners', () => {
    const corner = { x: 190, y: 92 }
    expect(hits(item('shape', { shape: 'rectangle' }), corner)).toBe(true)
    expect(hits(item('shape', { shape: 'ellipse' }), corner)).toBe(false)
    expect(hits(item('shape', { shape: 'diamond' }), corner)).toBe(false)
    expect(hits(item('shape', { shape: 'diamond' }), { x: 100, y: 50 })).toBe(true)
  })

  it('grabs a frame by its title or border, not by its inside', () => {
    const frame = item('frame', { w: 400, h: 300 })
    expect(hits(frame, { x: 200, y: 150 })).toBe(false)
    expect(hits(frame, { x: 2, y: 150 })).toBe(true)
    expect(hits(frame, { x: 40, y: -10 })).toBe(true)
    // The title tab keeps its screen size: at 50 % it reaches twice as far in board units.
    expect(hits(frame, { x: 40, y: -40 }, [], 1)).toBe(false)
    expect(hits(frame, { x: 40, y: -40 }, [], 0.5)).toBe(true)
  })

  it('hits a stroke near its line only, wider for a wide line', () => {
    const stroke = item('stroke', { points: [0, 0, 200, 0], strokeWidth: 4 })
    expect(hits(stroke, { x: 100, y: 7 })).toBe(true)
    expect(hits(stroke, { x: 100, y: 20 })).toBe(false)
    expect(hits({ ...stroke, strokeWidth: 30 }, { x: 100, y: 20 })).toBe(true)
  })

  it('hits a connector near the segment between its ends', () => {
    const a = item('note', { id: 'a', w: 100, h: 100 })
    const b = item('note', { id: 'b', x: 400, w: 100, h: 100 })
    const arrow = item('connector', { from: 'a', to: 'b' })
    expect(hits(arrow, { x: 250, y: 54 }, [a, b])).toBe(true)
    expect(hits(arrow, { x: 250, y: 70 }, [a, b])).toBe(false)
    expect(hits(arrow, { x: 250, y: 50 }, [a])).toBe(false)
  })
})

describe('connector anchoring', () => {
  const far = item('note', { id: 'far', x: 350, y: 150, w: 100, h: 100 })
  const segmentFrom = (from: ItemSnapshot) =>
    connectorSegment(item('connector', { from: from.id, to: 'far' }), (id) =>
      id === from.id ? from : id === far.id ? far : undefined,
    )

  it('puts the end on an ellipse or a diamond outline, a few units out', () => {
    const ellipse = item('shape', { id: 'e', shape: 'ellipse' })
    const start = segmentFrom(ellipse)?.start as Point
    const radius = Math.hypot((start.x - 100) / 100, (start.y - 50) / 50)
    expect(radius).toBeGreaterThan(1)
    expect(radius).toBeLessThan(1.15)
    const diamond = item('shape', { id: 'd', shape: 'diamond' })
    const tip = segmentFrom(diamond)?.start as Point
    const reach = Math.abs(tip.x - 100) / 100 + Math.abs(tip.y - 50) / 50
    expect(reach).toBeGreaterThan(1)
    expect(reach).toBeLessThan(1.15)
  })

  it('does not draw an arrow whose end is gone, nor one ending on another arrow', () => {
    expect(connectorSegment(item('connector', { from: 'a', to: 'far' }), () => undefined)).toBeNull()
    const other = item('connector', { id: 'c2' })
    expect(segmentFrom(other)).toBeNull()
  })
})

describe('bounds and resize rules', () => {
  it('count a rotated item by its turned corners and a stroke by its line width', () => {
    const turned = itemUtil('note').paintedBounds(item('note', { w: 100, h: 100, rotation: 45 }))
    expect(turned?.w).toBeCloseTo(100 * Math.SQRT2)
    expect(turned?.x).toBeCloseTo(50 - 50 * Math.SQRT2)
    const stroke = item('stroke', { x: 10, y: 10, w: 50, h: 50, strokeWidth: 20 })
    expect(itemUtil('stroke').paintedBounds(stroke)).toEqual({ x: 0, y: 0, w: 70, h: 70 })
    expect(itemUtil('connector').paintedBounds(item('connector'))).toBeNull()
  })

  it('keeps pictures in proportion, scales a stroke’s points, gives arrows no handles', () => {
    expect(itemUtil('image').resize?.keepRatio).toBe(true)
    expect(itemUtil('note').resize?.keepRatio).toBe(false)
    expect(itemUtil('connector').resize).toBeNull()
    const stroke = item('stroke', { w: 100, h: 50, points: [0, 0, 100, 50] })
    const patch = itemUtil('stroke').resize?.scale?.(stroke, stroke, { x: 0, y: 0, w: 200, h: 25 })
    expect(patch?.points).toEqual([0, 0, 200, 25])
  })

  it('lets the marquee pick frames only whole, never arrows', () => {
    expect(itemUtil('frame').marquee).toBe('contain')
    expect(itemUtil('note').marquee).toBe('intersect')
    expect(itemUtil('connector').marquee).toBeNull()
  })
})
