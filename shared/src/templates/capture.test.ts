import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readItems } from '../schema/board.js'
import type { ItemSnapshot } from '../schema/types.js'
import { builtinTemplate } from './builtin/index.js'
import { type CaptureOptions, captureTemplate, templateIdFrom } from './capture.js'
import { applyExpansion, expandTemplate } from './expand.js'
import { parseTemplate, serializeTemplate, TemplateValidationError } from './parse.js'

const OPTIONS: CaptureOptions = {
  id: 'retro',
  title: 'Rétro',
  description: 'Notre rétro',
  category: 'ideation',
  language: 'fr',
  author: 'Lab 06',
  untitledFrame: 'Cadre',
}

const item = (init: Partial<ItemSnapshot> & Pick<ItemSnapshot, 'id' | 'type'>): ItemSnapshot => ({
  x: 0,
  y: 0,
  w: 200,
  h: 200,
  ...init,
})

describe('templateIdFrom', () => {
  it('makes a slug from any title', () => {
    expect(templateIdFrom("Rétro d'équipe — été 2025")).toBe('retro-d-equipe-ete-2025')
    expect(templateIdFrom('  ***  ')).toBe('modele')
    expect(templateIdFrom('a'.repeat(80))).toHaveLength(48)
  })
})

describe('captureTemplate', () => {
  const board = [
    item({ id: 'f1', type: 'frame', x: 1000, y: 500, w: 600, h: 800, text: 'Forces', color: '#ebfbee' }),
    item({ id: 'n1', type: 'note', x: 1100, y: 600, text: 'Équipe soudée', color: '#c9f2c7' }),
    item({ id: 'n2', type: 'note', x: 1300, y: 600, text: '   ' }),
    item({ id: 'f2', type: 'frame', x: 1700, y: 500, w: 600, h: 800, text: '' }),
    item({ id: 'n3', type: 'note', x: 1800, y: 600, text: 'Peu de temps', color: 'rgb(1,2,3)' }),
    item({ id: 's1', type: 'stroke', x: 1800, y: 600 }),
    item({ id: 'c1', type: 'connector', x: 1600, y: 900, w: 100, h: 1, from: 'f1', to: 'f2' }),
  ]

  it("keeps a frame's zones, in the board's language for both", () => {
    const zones = [{ title: 'Plutôt ouverte', x: 0.75, y: 0.5 }]
    const saved = captureTemplate(
      [item({ id: 'f1', type: 'frame', w: 800, h: 300, text: 'Échelle', zones })],
      OPTIONS,
    )
    expect(saved.frames[0]?.zones).toEqual([
      { title: { fr: 'Plutôt ouverte', en: 'Plutôt ouverte' }, x: 0.75, y: 0.5 },
    ])
    expect(parseTemplate(JSON.parse(serializeTemplate(saved))).frames[0]?.zones).toEqual(
      saved.frames[0]?.zones,
    )
  })

  it('saves the whole board relative to its top-left corner, texts in both languages', () => {
    const template = captureTemplate(board, OPTIONS)
    expect(template.frames.map((f) => [f.id, f.title.fr, f.x, f.y])).toEqual([
      ['frame-1', 'Forces', 0, 0],
      ['frame-2', 'Cadre', 700, 0],
    ])
    const notes = template.items.filter((i) => i.type === 'note')
    expect(notes.map((n) => [n.text, n.frameId, n.x, n.color])).toEqual([
      [{ fr: 'Équipe soudée', en: 'Équipe soudée' }, 'frame-1', 100, '#c9f2c7'],
      [{ fr: 'Peu de temps', en: 'Peu de temps' }, 'frame-2', 800, undefined],
    ])
    expect(template.items.find((i) => i.type === 'connector')).toMatchObject({
      from: 'frame-1',
      to: 'frame-2',
    })
    expect(template.items.some((i) => i.type === ('stroke' as string))).toBe(false)
    expect(template.language).toBe('fr')
    expect(template.agenda).toEqual([])
  })

  it('saves one frame and what lies in it, dropping connector ends left behind', () => {
    const template = captureTemplate(board, { ...OPTIONS, frameId: 'f1' })
    expect(template.frames.map((f) => f.title.fr)).toEqual(['Forces'])
    expect(template.items.map((i) => i.text?.fr)).toEqual(['Équipe soudée'])
  })

  it('wraps a board without frames in one', () => {
    const template = captureTemplate([item({ id: 'n', type: 'note', x: 50, y: 60, text: 'Idée' })], OPTIONS)
    expect(template.frames).toMatchObject([{ id: 'frame-1', x: 0, y: 0, w: 280, h: 280, locked: false }])
    expect(template.items[0]).toMatchObject({ frameId: 'frame-1', x: 40, y: 40 })
  })

  it('names the field when the options are invalid, and rejects an unknown frame', () => {
    expect(() => captureTemplate(board, { ...OPTIONS, title: '  ' })).toThrow(TemplateValidationError)
    expect(() => captureTemplate(board, { ...OPTIONS, title: ' ' })).toThrow(/title\.fr: must not be empty/)
    expect(() => captureTemplate(board, { ...OPTIONS, frameId: 'n1' })).toThrow(/frameId/)
  })

  it('round-trips: a built-in expanded on a board and saved back gives the same layout', () => {
    const lewin = builtinTemplate('lewin-change')
    if (!lewin) throw new Error('no lewin')
    const doc = new Y.Doc()
    applyExpansion(doc, expandTemplate(lewin, { origin: { x: 300, y: -200 }, lang: 'fr' }))
    const saved = captureTemplate(readItems(doc), OPTIONS)
    expect(saved.frames.map((f) => [f.title.fr, f.x, f.y, f.w, f.h])).toEqual(
      lewin.frames.map((f) => [f.title.fr, f.x, f.y, f.w, f.h]),
    )
    expect(saved.items).toHaveLength(lewin.items.length)
    expect(parseTemplate(JSON.parse(serializeTemplate(saved)))).toEqual(saved)
  })

  it('keeps the agenda steps of the frames it saves, pointing at the saved frames', () => {
    const lewin = builtinTemplate('lewin-change')
    if (!lewin) throw new Error('no lewin')
    const doc = new Y.Doc()
    const expansion = expandTemplate(lewin, { origin: { x: 0, y: 0 }, lang: 'fr' })
    applyExpansion(doc, expansion)
    const whole = captureTemplate(readItems(doc), { ...OPTIONS, agenda: expansion.agenda })
    expect(whole.agenda.map((step) => [step.title.fr, step.durationMinutes, step.mode])).toEqual(
      lewin.agenda.map((step) => [step.title.fr, step.durationMinutes, step.mode]),
    )
    const frameTitle = (id: string) => whole.frames.find((frame) => frame.id === id)?.title.fr
    const lewinTitle = (id: string) => lewin.frames.find((frame) => frame.id === id)?.title.fr
    expect(whole.agenda.map((step) => frameTitle(step.frameId))).toEqual(
      lewin.agenda.map((step) => lewinTitle(step.frameId)),
    )
    // The closing vote spans the three columns: it still does once saved.
    expect(whole.agenda.map((step) => step.moreFrames?.map(frameTitle))).toEqual(
      lewin.agenda.map((step) => step.moreFrames?.map(lewinTitle)),
    )
    expect(whole.agenda.at(-1)?.moreFrames).toHaveLength(2)
    expect(whole.durationMinutes).toBe(lewin.agenda.reduce((sum, step) => sum + step.durationMinutes, 0))

    const first = expansion.agenda[0]
    if (!first?.frameId) throw new Error('no first step')
    const one = captureTemplate(readItems(doc), {
      ...OPTIONS,
      frameId: first.frameId,
      agenda: expansion.agenda,
    })
    expect(one.agenda.every((step) => step.frameId === one.frames[0]?.id)).toBe(true)
    expect(one.agenda.length).toBeLessThan(whole.agenda.length)
  })

  it("keeps each step's tools (as a preset when they match one) and own-notes rule", () => {
    const ideation = builtinTemplate('ideation')
    if (!ideation) throw new Error('no ideation')
    const doc = new Y.Doc()
    const expansion = expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'fr' })
    applyExpansion(doc, expansion)
    const [first, ...rest] = expansion.agenda
    if (!first) throw new Error('no first step')
    const agenda = [{ ...first, participantTools: ['note' as const, 'connector' as const] }, ...rest]
    const saved = captureTemplate(readItems(doc), { ...OPTIONS, agenda })
    expect(saved.agenda.map((step) => [step.tools, step.ownItemsOnly])).toEqual([
      [['note', 'connector'], undefined],
      ['simple', undefined],
      ['complet', false],
      ['simple', true],
      [undefined, undefined],
    ])
  })
})
