import type { AgendaStep, ItemSnapshot } from '@atelier/shared'
import { boardToScreen } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { firstView, PHONE_READABLE_ZOOM } from '../board/openingView.js'
import { initialLayout } from './layout.js'
import { notesOf, roomStep } from './roomModel.js'

const note = (id: string, x: number, y: number, author?: string): ItemSnapshot => ({
  id,
  type: 'note',
  x,
  y,
  w: 200,
  h: 200,
  ...(author ? { author } : {}),
})
const frame: ItemSnapshot = { id: 'f', type: 'frame', x: 0, y: 0, w: 700, h: 600, text: 'Quels irritants ?' }

const memory = (entries: Record<string, string> = {}) => ({
  getItem: (key: string) => entries[key] ?? null,
  setItem: (key: string, value: string) => {
    entries[key] = value
  },
})

describe('room layout', () => {
  it('opens the room for a participant on a phone, the canvas otherwise, and keeps a choice', () => {
    expect(initialLayout('participant', 412, memory())).toBe('room')
    expect(initialLayout('participant', 1280, memory())).toBe('canvas')
    expect(initialLayout('facilitator', 412, memory())).toBe('canvas')
    expect(initialLayout('participant', 412, memory({ 'atelier.layout': 'canvas' }))).toBe('canvas')
    expect(initialLayout('observer', 1280, memory({ 'atelier.layout': 'room' }))).toBe('room')
    expect(initialLayout('participant', 412, memory({ 'atelier.layout': 'nonsense' }))).toBe('room')
  })
})

describe('first view', () => {
  const template = { x: 0, y: 0, w: 2800, h: 1000 }

  it('frames the whole board on a desktop', () => {
    const camera = firstView(template, { width: 1280, height: 800 })
    expect(camera.zoom).toBeLessThan(PHONE_READABLE_ZOOM)
    expect(camera.x + 1280 / 2 / camera.zoom).toBeCloseTo(1400)
  })

  it("opens clear of the bars, and of a facilitator's panel on a wide screen", () => {
    const screen = { width: 1280, height: 800 }
    for (const panel of [false, true]) {
      const camera = firstView(template, screen, { panel })
      const topLeft = boardToScreen(camera, { x: template.x, y: template.y })
      const bottomRight = boardToScreen(camera, { x: template.x + template.w, y: template.y + template.h })
      expect(topLeft.x).toBeGreaterThanOrEqual(72 - 1e-6)
      expect(topLeft.y).toBeGreaterThanOrEqual(120 - 1e-6)
      expect(bottomRight.y).toBeLessThanOrEqual(800 - 96 + 1e-6)
      expect(bottomRight.x).toBeLessThanOrEqual(1280 - (panel ? 344 : 72) + 1e-6)
    }
  })

  it('keeps text readable on a phone: the top-left of the content at a readable zoom', () => {
    const camera = firstView(template, { width: 412, height: 915 })
    expect(camera.zoom).toBe(PHONE_READABLE_ZOOM)
    expect(camera.x).toBeLessThan(template.x)
    expect(camera.x + 412 / camera.zoom).toBeGreaterThan(template.x)
    expect(camera.y).toBeLessThan(template.y)
  })

  it('frames a small board on a phone as anywhere else', () => {
    const small = { x: 100, y: 100, w: 200, h: 200 }
    expect(firstView(small, { width: 412, height: 915 }).zoom).toBe(1)
  })
})

describe('room step', () => {
  const step: AgendaStep = {
    id: 's2',
    title: 'Irritants',
    instructions: 'Une idée par post-it',
    durationMinutes: 5,
    mode: 'private',
    frameId: 'f',
  }
  const items = new Map([[frame.id, frame]])

  it('finds the step in progress, its position and its frame', () => {
    const other: AgendaStep = { ...step, id: 's1', frameId: 'gone' }
    expect(roomStep([other, step], 's2', items)).toEqual({
      index: 1,
      count: 2,
      step,
      frames: [frame],
      question: frame.text,
    })
    expect(roomStep([other, step], 's1', items)).toMatchObject({ frames: [], question: 'Irritants' })
    expect(roomStep([other, step], null, items)).toEqual({
      index: -1,
      count: 2,
      step: null,
      frames: [],
      question: null,
    })
  })

  it("heads the step with its frame's question, without the template's own number", () => {
    const headed = (text: string) =>
      roomStep([step], 's2', new Map([[frame.id, { ...frame, text }]])).question
    expect(headed("3. Familles d'idées et vote")).toBe("Familles d'idées et vote")
    expect(headed('2 - Nos idées')).toBe('Nos idées')
    expect(headed('1) Le défi')).toBe('Le défi')
    expect(headed('2050 : quel territoire ?')).toBe('2050 : quel territoire ?')
    expect(headed('Forces')).toBe('Forces')
    expect(headed('  ')).toBe('Irritants')
  })
})

describe('room notes', () => {
  it('lists the notes whose centre is in the frame, in reading order', () => {
    const items = [frame, note('b', 300, 50), note('a', 20, 60), note('c', 20, 320), note('out', 900, 50)]
    expect(notesOf(items, [frame]).map((n) => n.id)).toEqual(['a', 'b', 'c'])
    expect(notesOf(items, []).map((n) => n.id)).toEqual(['a', 'b', 'out', 'c'])
  })

  it("lists several frames' notes frame by frame, a note in two frames once", () => {
    const right = { ...frame, id: 'g', x: 800 }
    const overlapping = { ...frame, id: 'h', x: 200 }
    const items = [frame, right, note('r', 900, 50), note('a', 20, 60), note('shared', 300, 50)]
    expect(notesOf(items, [right, frame]).map((n) => n.id)).toEqual(['r', 'a', 'shared'])
    expect(notesOf(items, [frame, overlapping]).map((n) => n.id)).toEqual(['a', 'shared'])
  })
})
