import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { PlaceMemory, placeAmong } from './ideaPlace.js'

const frame = (id: string, zones?: string[]): ItemSnapshot => ({
  id,
  type: 'frame',
  x: 0,
  y: 0,
  w: 1000,
  h: 300,
  text: id,
  ...(zones ? { zones: zones.map((title, i) => ({ title, x: i / 4, y: 0.5 })) } : {}),
})
const scales = [frame('strategique', ['Fermée', 'Ouverte']), frame('decisionnel', ['Fermée', 'Ouverte'])]

describe('placeAmong', () => {
  it("starts on the step's first frame, with no zone chosen: a scale then needs one", () => {
    const place = placeAmong(scales, { frameId: null, zone: null })
    expect(place.frame?.id).toBe('strategique')
    expect(place.zone).toBeNull()
    expect(place.zoneMissing).toBe(true)
    expect(placeAmong([frame('forces')], { frameId: null, zone: null }).zoneMissing).toBe(false)
  })

  it('keeps a zone only in the frame it was picked in, while that frame has it', () => {
    expect(placeAmong(scales, { frameId: 'decisionnel', zone: 1 })).toMatchObject({
      frame: { id: 'decisionnel' },
      zone: { title: 'Ouverte' },
      zoneIndex: 1,
      zoneMissing: false,
    })
    // The step moved on: its frames no longer hold the one picked.
    const next = [frame('relationnel', ['Fermée', 'Ouverte'])]
    expect(placeAmong(next, { frameId: 'decisionnel', zone: 1 })).toMatchObject({
      frame: { id: 'relationnel' },
      zone: null,
      zoneMissing: true,
    })
    expect(placeAmong(scales, { frameId: 'decisionnel', zone: 7 }).zone).toBeNull()
  })
})

describe('PlaceMemory', () => {
  it('keeps one choice for every view that reads it, and tells them only when it changes', () => {
    const memory = new PlaceMemory()
    let told = 0
    const stop = memory.subscribe(() => told++)
    memory.set(() => ({ frameId: 'decisionnel', zone: 1 }))
    expect(placeAmong(scales, memory.get())).toMatchObject({ frame: { id: 'decisionnel' }, zoneIndex: 1 })
    memory.set((now) => now)
    expect(told).toBe(1)
    stop()
    memory.set(() => ({ frameId: 'strategique', zone: null }))
    expect(told).toBe(1)
    expect(memory.get().frameId).toBe('strategique')
  })
})
