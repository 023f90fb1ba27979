import type { AgendaStep, ItemSnapshot } from '@atelier/shared'
import { rectsIntersect } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import {
  colourMeanings,
  frameColour,
  framePrompt,
  ideaSpot,
  spotAtZone,
  spotInFrame,
  stepFramesOn,
} from './stepFrames.js'

const frame: ItemSnapshot = { id: 'f', type: 'frame', x: 0, y: 0, w: 700, h: 600, text: 'Quels irritants ?' }
const note = (id: string, x: number, y: number): ItemSnapshot => ({ id, type: 'note', x, y, w: 200, h: 200 })

describe('step frames', () => {
  it("lists a step's frames that are on the board, its main one first, each once", () => {
    const second = { ...frame, id: 'g', x: 800 }
    const board = new Map([
      [frame.id, frame],
      [second.id, second],
      ['n', note('n', 0, 0)],
    ])
    const both: AgendaStep = {
      id: 'swot',
      title: 'Forces et faiblesses',
      instructions: '',
      durationMinutes: 8,
      mode: 'open',
      frameId: 'g',
      moreFrameIds: ['f', 'gone', 'n', 'g'],
    }
    expect(stepFramesOn(both, board).map((f) => f.id)).toEqual(['g', 'f'])
    expect(stepFramesOn(null, board)).toEqual([])
  })

  it("puts an idea clear of the board's notes and of this person's private ones, never of the frame itself", () => {
    const onBoard = [frame, note('a', 24, 56)]
    const mine = [note('p', 248, 56)]
    expect(ideaSpot(frame, onBoard, mine)).toEqual({ x: 472 + 100, y: 56 + 100 })
  })

  it('puts an idea on the zone the person chose, as a fraction of the frame', () => {
    const scale = { ...frame, w: 2400, h: 340, zones: [{ title: 'Plutôt ouverte', x: 0.625, y: 0.5 }] }
    const zone = scale.zones[0] ?? null
    // Right on the mark, on the scale's locked line, whatever the grid's first free cell would be.
    const line: ItemSnapshot = { id: 'line', type: 'shape', x: 560, y: 162, w: 1280, h: 16, locked: true }
    expect(ideaSpot(scale, [scale, line], [], zone)).toEqual({ x: 1500, y: 170 })
    // A note someone put there is in the way: the next one cascades from it.
    expect(ideaSpot(scale, [scale, line, note('n', 1400, 70)], [], zone)).toEqual({ x: 1524, y: 194 })
    // Without a zone chosen, the first free cell.
    expect(ideaSpot(scale, [scale], [], null)).toEqual({ x: 124, y: 156 })
  })
})

describe('spotAtZone', () => {
  const row = { x: 0, y: 0, w: 2000, h: 380 }
  const mark = { x: 600, y: 200 }
  const centred = (at: { x: number; y: number }) => ({ x: at.x - 100, y: at.y - 100, w: 200, h: 200 })

  it('cascades ideas on one zone, each with a corner showing, and stays in the frame', () => {
    const taken: { x: number; y: number; w: number; h: number }[] = []
    const spots = []
    for (let i = 0; i < 4; i++) {
      const at = spotAtZone(row, mark, taken)
      spots.push(at)
      taken.push(centred(at))
    }
    expect(spots).toEqual([mark, { x: 624, y: 224 }, { x: 648, y: 248 }, { x: 672, y: 272 }])
  })

  it('starts again on the mark once the cascade would leave the frame', () => {
    const low = { x: 600, y: 350 }
    const taken = [centred(low), centred({ x: 624, y: 374 })]
    expect(spotAtZone(row, low, taken)).toEqual(low)
  })
})

describe('framePrompt', () => {
  it("reads the frame's topmost locked text, not a note nor a text someone wrote", () => {
    const text = (id: string, y: number, value: string, locked: boolean, x = 24): ItemSnapshot => ({
      id,
      type: 'text',
      x,
      y,
      w: 600,
      h: 40,
      text: value,
      locked,
    })
    const items = [
      frame,
      text('mine', 10, 'Écrit par quelqu’un', false),
      text('hint', 300, 'Une phrase par post-it.', true),
      text('ask', 24, 'Ce qui nous freine.', true),
      { ...note('n', 24, 0), text: 'Une note', locked: true },
      text('outside', 0, 'Ailleurs', true, 2000),
    ]
    expect(framePrompt(frame, items)).toBe('Ce qui nous freine.')
    expect(framePrompt(frame, [frame])).toBeNull()
    // A scale's two poles, side by side at the top: both, left to right.
    const poles = [
      frame,
      text('open', 60, 'Ouverte : transparence', true, 400),
      text('closed', 62, 'Fermée : opacité', true, 0),
    ]
    expect(framePrompt(frame, poles)).toBe('Fermée : opacité\nOuverte : transparence')
  })
})

describe('colourMeanings', () => {
  it('names each colour by the first note of it nobody wrote in the frames, in reading order', () => {
    const legend = (id: string, y: number, color: string, text: string): ItemSnapshot => ({
      ...note(id, 24, y),
      color,
      text,
    })
    const items = [
      frame,
      legend('elus-2', 300, '#e0d4ff', 'Élus (bis)'),
      legend('elus', 60, '#e0d4ff', 'Élus — dimension stratégique'),
      legend('usagers', 200, '#c9f2c7', 'Usagers — expertise d’usage'),
      { ...legend('mine', 10, '#ffd8a8', 'Écrit par Léa'), author: 'lea' },
      legend('blank', 400, '#ffc9de', '  '),
      { ...legend('elsewhere', 0, '#c5e4ff', 'Ailleurs'), x: 2000 },
    ]
    expect([...colourMeanings([frame], items)]).toEqual([
      ['#e0d4ff', 'Élus — dimension stratégique'],
      ['#c9f2c7', 'Usagers — expertise d’usage'],
    ])
    expect(colourMeanings([], items).size).toBe(0)
  })
})

describe('frameColour', () => {
  const example = (id: string, x: number, color: string): ItemSnapshot => ({
    ...note(id, x, 100),
    color,
    text: id,
  })

  it("is the colour a frame's examples share, and none when they differ or there are none", () => {
    const faiblesses = { ...frame, id: 'faiblesses', x: 800 }
    const items = [
      frame,
      faiblesses,
      example('Une force…', 24, '#c9f2c7'),
      example('Une faiblesse…', 824, '#ffc9de'),
      example('Une autre faiblesse…', 1100, '#ffc9de'),
    ]
    expect(frameColour(faiblesses, items)).toBe('#ffc9de')
    expect(frameColour(frame, items)).toBe('#c9f2c7')
    expect(frameColour(frame, [...items, example('Une menace…', 300, '#ffd8a8')])).toBeNull()
    expect(frameColour({ ...frame, x: 5000 }, items)).toBeNull()
  })
})

describe('spotInFrame', () => {
  it('puts a new idea in a free cell inside the frame, below its title, never on another note', () => {
    const taken: ItemSnapshot[] = []
    for (let i = 0; i < 4; i++) {
      const at = spotInFrame(frame, taken)
      const box = { id: `n${i}`, type: 'note' as const, x: at.x - 100, y: at.y - 100, w: 200, h: 200 }
      expect(taken.some((other) => rectsIntersect(other, box))).toBe(false)
      expect(box.y).toBeGreaterThanOrEqual(frame.y + 56)
      taken.push(box)
    }
    // Three columns fit in 700 units: the fourth idea starts a second row.
    expect(taken.map((box) => [box.x, box.y])).toEqual([
      [24, 56],
      [248, 56],
      [472, 56],
      [24, 280],
    ])
  })

  it('cascades inside a full frame, so the idea still belongs to the step', () => {
    const small = { x: 0, y: 0, w: 400, h: 400 }
    const taken: { x: number; y: number; w: number; h: number }[] = [{ x: 0, y: 0, w: 400, h: 400 }]
    for (let i = 0; i < 3; i++) {
      const at = spotInFrame(small, taken)
      expect(at.x).toBeGreaterThan(small.x)
      expect(at.x).toBeLessThan(small.x + small.w)
      expect(at.y).toBeLessThan(small.y + small.h)
      taken.push({ x: at.x - 100, y: at.y - 100, w: 200, h: 200 })
    }
    expect(new Set(taken.slice(1).map((box) => `${box.x},${box.y}`)).size).toBe(3)
  })
})
