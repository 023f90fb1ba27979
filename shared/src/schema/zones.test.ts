import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createItem, itemsMap, readItem } from './board.js'
import type { ItemSnapshot } from './types.js'
import { readZones, ZONE_LIMITS, zoneNear, zonePoint } from './zones.js'

describe('frame zones', () => {
  it('reads a list of named points of the frame', () => {
    expect(
      readZones([
        { title: 'Ouverte', x: 1, y: 0.5 },
        { title: 'Fermée', x: 0, y: 0 },
      ]),
    ).toEqual([
      { title: 'Ouverte', x: 1, y: 0.5 },
      { title: 'Fermée', x: 0, y: 0 },
    ])
    expect(readZones([])).toEqual([])
  })

  it('refuses anything else whole: a point outside the frame, a missing or blank title, too many', () => {
    expect(readZones([{ title: 'Loin', x: 1.5, y: 0.5 }])).toBeNull()
    expect(readZones([{ title: 'Loin', x: 0.5, y: -0.1 }])).toBeNull()
    expect(readZones([{ title: 'NaN', x: Number.NaN, y: 0 }])).toBeNull()
    expect(readZones([{ x: 0.5, y: 0.5 }])).toBeNull()
    expect(readZones([{ title: '  ', x: 0.5, y: 0.5 }])).toBeNull()
    expect(readZones([{ title: 'x'.repeat(ZONE_LIMITS.title + 1), x: 0.5, y: 0.5 }])).toBeNull()
    expect(readZones(['Ouverte'])).toBeNull()
    expect(readZones('Ouverte')).toBeNull()
    const many = Array.from({ length: ZONE_LIMITS.zones + 1 }, (_, i) => ({ title: `${i}`, x: 0, y: 0 }))
    expect(readZones(many)).toBeNull()
  })

  it('places a zone by the frame it is in, wherever the frame went', () => {
    const zone = { title: 'Plutôt ouverte', x: 0.75, y: 0.5 }
    expect(zonePoint({ x: 0, y: 0, w: 400, h: 200 }, zone)).toEqual({ x: 300, y: 100 })
    expect(zonePoint({ x: -100, y: 50, w: 800, h: 100 }, zone)).toEqual({ x: 500, y: 100 })
  })

  it('travels on a frame item and is left out when it does not read', () => {
    const doc = new Y.Doc()
    const zones = [{ title: '1. S’informer', x: 0.1, y: 0.5 }]
    const id = createItem(doc, { type: 'frame', x: 0, y: 0, w: 800, h: 400, zones })
    expect(readItem(id, itemsMap(doc).get(id))?.zones).toEqual(zones)
    itemsMap(doc)
      .get(id)
      ?.set('zones', [{ title: 'loin', x: 2, y: 0 }])
    expect(readItem(id, itemsMap(doc).get(id))?.zones).toBeUndefined()
  })
})

describe('zoneNear', () => {
  it('names the zone a note stands for: the nearest one, wherever the frame is', () => {
    const scale: ItemSnapshot = {
      id: 'scale',
      type: 'frame',
      y: 0,
      x: 1000,
      w: 1000,
      h: 300,
      zones: [
        { title: 'Fermée', x: 0.1, y: 0.5 },
        { title: 'Entre les deux', x: 0.5, y: 0.5 },
        { title: 'Ouverte', x: 0.9, y: 0.5 },
      ],
    }
    expect(zoneNear(scale, { x: 1620, y: 40 })?.title).toBe('Entre les deux')
    expect(zoneNear(scale, { x: 1750, y: 150 })?.title).toBe('Ouverte')
    // Far from every zone (a corner of the frame): none.
    expect(zoneNear(scale, { x: 1300, y: 0 })).toBeNull()
    expect(zoneNear({ x: 0, y: 0, w: 700, h: 600 }, { x: 10, y: 10 })).toBeNull()
  })
})
