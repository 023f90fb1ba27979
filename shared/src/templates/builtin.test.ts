import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemsMap, readItem } from '../schema/board.js'
import { NOTE_COLORS } from '../schema/colors.js'
import { TEXT_ITEM_TYPES } from '../schema/types.js'
import { BUILTIN_TEMPLATE_FILES, builtinTemplate, builtinTemplates } from './builtin/index.js'
import { applyExpansion, expandTemplate, summaryOf } from './expand.js'
import { LANGS, type Template } from './format.js'
import { parseTemplate } from './parse.js'

const ORDER = [
  'ideation',
  'lewin-change',
  'policy-review',
  'swot-ffom',
  'scenario-planning',
  'objectives-tree',
  'stakeholder-map',
  'strategy-map',
  'innovation-4-phases',
  'action-plan',
  'manager-skills',
  'governance-positioning',
  'serious-games',
  'user-journey',
]

/** Every `{ fr, en }` in a value, with its path. */
function bilingualTexts(value: unknown, path = ''): Array<{ path: string; fr: unknown; en: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => bilingualTexts(v, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  if ('fr' in record && 'en' in record) return [{ path, fr: record.fr, en: record.en }]
  return Object.entries(record).flatMap(([k, v]) => bilingualTexts(v, path ? `${path}.${k}` : k))
}

/**
 * A frame's title is drawn above the frame at a constant 14 px on screen: 60 board units tall at
 * the zoom where text is still drawn as text (37 %), and up to about 400 units wide.
 */
const TITLE_BAND = 60
const TITLE_WIDTH = 400
/** A free text's first line: its largest font (32) and line height, and the box's padding. */
const LABEL_LINE = 48

function allIds(t: Template): string[] {
  return [
    ...t.frames.map((f) => f.id),
    ...t.items.map((i) => i.id),
    ...t.agenda.flatMap((s) => [s.id, ...(s.poll?.options.map((o) => o.id) ?? [])]),
    ...t.decks.flatMap((d) => [d.id, ...d.cards.map((c) => c.id)]),
  ]
}

describe('built-in templates', () => {
  it('are the 14 of the brief, in its order, ideation first', () => {
    expect(builtinTemplates().map((t) => t.id)).toEqual(ORDER)
    expect(builtinTemplate('swot-ffom')?.title.fr).toBe('Diagnostic FFOM')
    expect(builtinTemplate('nope')).toBeUndefined()
  })

  describe.each(builtinTemplates().map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('parses, and its file parses to the same template', () => {
      const file = BUILTIN_TEMPLATE_FILES.find((f) => f.id === template.id)
      expect(parseTemplate(file)).toEqual(template)
    })

    it('survives a JSON round trip', () => {
      expect(parseTemplate(JSON.parse(JSON.stringify(template)))).toEqual(template)
    })

    it('has unique ids and every text in both languages', () => {
      const ids = allIds(template)
      expect(new Set(ids).size).toBe(ids.length)
      const texts = bilingualTexts(template)
      expect(texts.length).toBeGreaterThan(10)
      for (const { path, fr, en } of texts) {
        expect(typeof fr === 'string' && fr.trim().length > 0, `${path}.fr`).toBe(true)
        expect(typeof en === 'string' && en.trim().length > 0, `${path}.en`).toBe(true)
      }
    })

    it('shares its metadata the way the brief asks', () => {
      expect(template.author).toBe('Atelier')
      expect(template.licence).toBe('CC-BY-SA-4.0')
      expect(template.participants.min).toBeLessThanOrEqual(template.participants.max)
      expect(template.agenda.length).toBeGreaterThan(0)
      const planned = template.agenda.reduce((sum, s) => sum + s.durationMinutes, 0)
      expect(planned).toBeLessThanOrEqual(template.durationMinutes)
    })

    it('keeps items inside their frame and example notes in the palette', () => {
      const frames = new Map(template.frames.map((f) => [f.id, f]))
      const palette = new Set<string>(NOTE_COLORS.map((c) => c.value))
      for (const item of template.items) {
        if (item.type === 'note') expect(palette.has(item.color ?? ''), `${item.id} colour`).toBe(true)
        if (!item.frameId) continue
        const f = frames.get(item.frameId)
        if (!f) throw new Error(`no frame ${item.frameId}`)
        expect(item.x, item.id).toBeGreaterThanOrEqual(f.x)
        expect(item.y, item.id).toBeGreaterThanOrEqual(f.y)
        expect(item.x + item.w, item.id).toBeLessThanOrEqual(f.x + f.w)
        expect(item.y + item.h, item.id).toBeLessThanOrEqual(f.y + f.h)
      }
    })

    it("keeps the first line of a label above a frame clear of the frame's title", () => {
      for (const item of template.items) {
        if (item.type !== 'text' || item.frameId) continue
        const line = { top: item.y, bottom: item.y + Math.min(item.h, LABEL_LINE) }
        for (const frame of template.frames) {
          const overTitle = item.x < frame.x + Math.min(frame.w, TITLE_WIDTH) && item.x + item.w > frame.x
          const inBand = line.top < frame.y && line.bottom > frame.y - TITLE_BAND
          expect(overTitle && inBand, `${item.id} over the title of ${frame.id}`).toBe(false)
        }
      }
    })

    it('has a locked title and a locked instruction in every frame', () => {
      expect(template.items.some((i) => i.type === 'text' && i.locked && !i.frameId)).toBe(true)
      for (const frame of template.frames) {
        const inside = template.items.filter((i) => i.frameId === frame.id)
        expect(
          inside.some((i) => i.type === 'text' && i.locked),
          `${frame.id} instruction`,
        ).toBe(true)
      }
    })

    it.each(LANGS)('expands in %s into a valid schema-v1 board', (lang) => {
      const doc = new Y.Doc()
      const expansion = expandTemplate(template, { origin: { x: 100, y: -50 }, lang })
      applyExpansion(doc, expansion)
      const items = itemsMap(doc)
      expect(items.size).toBe(template.frames.length + template.items.length)
      for (const [id, map] of items) {
        const snapshot = readItem(id, map)
        expect(snapshot, id).not.toBeNull()
        if (!snapshot) continue
        for (const key of ['x', 'y', 'w', 'h'] as const)
          expect(Number.isFinite(map.get(key)), `${id}.${key}`).toBe(true)
        if (TEXT_ITEM_TYPES.has(snapshot.type)) expect(map.get('text')).toBeInstanceOf(Y.Text)
        if (snapshot.type === 'note') expect(typeof snapshot.color).toBe('string')
      }
      for (const step of expansion.agenda) {
        expect(readItem(step.frameId, items.get(step.frameId))?.type).toBe('frame')
        for (const id of step.lockFrameIds ?? []) expect(items.get(id)?.get('type')).toBe('frame')
        if (step.deckId) expect(expansion.decks.some((d) => d.id === step.deckId)).toBe(true)
      }
      const title = template.frames[0]?.title[lang]
      const first = expansion.items[0]
      expect(first && itemsMap(doc).get(first.id)?.get('text')?.toString()).toBe(title)
    })

    it('summarises to the GET /api/templates shape', () => {
      const summary = summaryOf(template)
      expect(Object.keys(summary).sort()).toEqual(['category', 'description', 'id', 'title'])
      expect(JSON.parse(JSON.stringify(summary))).toEqual({
        id: template.id,
        title: template.title,
        description: template.description,
        category: template.category,
      })
    })
  })

  it('offer the deck’s creativity cards in ideation and serious games', () => {
    const cards = (id: string) =>
      builtinTemplate(id)?.decks.flatMap((d) => d.cards.map((c) => c.title.fr)) ?? []
    for (const name of ['Analogie', 'Acronyme', 'Petits pas', 'Persona usager', 'Cycle de vie du service']) {
      expect(cards('ideation')).toContain(name)
      expect(cards('serious-games')).toContain(name)
    }
    expect(cards('ideation')).toContain('Créativité frugale')
    expect(cards('serious-games')).toContain('Contrainte frugale')
  })

  it('bring the steps that span several frames to all of them, votes and reveals included', () => {
    const framesOf = (templateId: string, stepId: string) => {
      const step = builtinTemplate(templateId)?.agenda.find((s) => s.id === stepId)
      if (!step) throw new Error(`${templateId} has no step ${stepId}`)
      return [step.frameId, ...(step.moreFrames ?? [])]
    }
    // A SWOT's first step writes strengths and weaknesses; its reveal keeps the four quadrants.
    expect(framesOf('swot-ffom', 'etape-interne')).toEqual(['forces', 'faiblesses'])
    expect(framesOf('swot-ffom', 'etape-partage')).toEqual([
      'forces',
      'faiblesses',
      'opportunites',
      'menaces',
    ])
    // Scenario planning votes on the uncertainties of all four domains, and on all four strategies.
    expect(framesOf('scenario-planning', 'etape-vote-incertitudes')).toEqual(
      framesOf('scenario-planning', 'etape-tendances'),
    )
    expect(framesOf('scenario-planning', 'etape-vote-strategies')).toHaveLength(4)
    expect(framesOf('policy-review', 'etape-partage')).toHaveLength(4)
    expect(framesOf('manager-skills', 'etape-vote')).toHaveLength(4)
    // Tokens on a scale, pain points under their stage: where each one stands is the answer.
    for (const id of ['governance-positioning', 'user-journey'])
      expect(builtinTemplate(id)?.agenda.find((s) => s.mode === 'revealed')?.revealInPlace, id).toBe(true)
  })

  it('give ideation the brief’s agenda', () => {
    const ideation = builtinTemplate('ideation')
    expect(ideation?.agenda.map((s) => [s.durationMinutes, s.mode, s.vote?.budget])).toEqual([
      [5, 'open', undefined],
      [5, 'private', undefined],
      [10, 'revealed', undefined],
      [5, 'open', 3],
      [10, 'open', undefined],
    ])
  })

  it('name each mark of the governance scales on the board, under it and clear of the tokens on it', () => {
    const template = builtinTemplate('governance-positioning')
    const scales = template?.frames.filter((frame) => frame.zones) ?? []
    expect(scales).toHaveLength(5)
    // A token is a 120 × 120 note centred on its mark: its lower half must not hide the name.
    const TOKEN_HALF = 60
    for (const frame of scales) {
      for (const zone of frame.zones ?? []) {
        const label = template?.items.find(
          (item) => item.frameId === frame.id && item.locked && item.text?.fr === zone.title.fr,
        )
        expect(label?.text, `${frame.id}: ${zone.title.fr}`).toEqual(zone.title)
        if (!label) continue
        expect(Math.abs(label.x + label.w / 2 - (frame.x + zone.x * frame.w))).toBeLessThanOrEqual(1)
        expect(label.y).toBeGreaterThanOrEqual(frame.y + zone.y * frame.h + TOKEN_HALF)
        expect(label.y + label.h).toBeLessThanOrEqual(frame.y + frame.h)
      }
    }
  })

  it('credit the labs the templates come from', () => {
    const credits: Record<string, string> = {
      'user-journey': 'Lab 06',
      'action-plan': 'Innova’Brive',
      'stakeholder-map': 'Gers',
      'strategy-map': 'Saint-Paul-lès-Dax',
    }
    for (const [id, lab] of Object.entries(credits)) {
      expect(builtinTemplate(id)?.description.fr).toContain(lab)
      expect(builtinTemplate(id)?.description.en).toContain(lab)
    }
  })
})
