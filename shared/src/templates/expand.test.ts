import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createItem, itemsMap } from '../schema/board.js'
import { readAgenda, replaceAgenda } from '../session/doc.js'
import { TOOL_PRESETS } from '../session/permissions.js'
import { builtinTemplate, builtinTemplates } from './builtin/index.js'
import {
  applyExpansion,
  ExpansionError,
  expandTemplate,
  orderKey,
  originCentredOn,
  stepTools,
  templateBounds,
} from './expand.js'
import type { Template } from './format.js'

function get(id: string): Template {
  const template = builtinTemplate(id)
  if (!template) throw new Error(`no built-in ${id}`)
  return template
}

/** A deterministic id generator: `prefix-0`, `prefix-1`… */
function seeded(prefix = 'id') {
  let n = 0
  return () => `${prefix}-${n++}`
}

function idsOf(expansion: ReturnType<typeof expandTemplate>): string[] {
  return [
    ...expansion.items.map((i) => i.id),
    ...expansion.agenda.flatMap((s) => [s.id, ...(s.poll?.options.map((o) => o.id) ?? [])]),
    ...expansion.decks.flatMap((d) => [d.id, ...d.cards.map((c) => c.id)]),
  ]
}

describe('expandTemplate', () => {
  const ideation = get('ideation')

  it('gives fresh ids on every call', () => {
    const a = idsOf(expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'fr' }))
    const b = idsOf(expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'fr' }))
    expect(new Set(a).size).toBe(a.length)
    expect(a.filter((id) => b.includes(id))).toEqual([])
  })

  it('is deterministic given a seeded id generator', () => {
    for (const template of builtinTemplates()) {
      const a = expandTemplate(template, { origin: { x: 5, y: 7 }, lang: 'en', newId: seeded() })
      const b = expandTemplate(template, { origin: { x: 5, y: 7 }, lang: 'en', newId: seeded() })
      expect(a).toEqual(b)
    }
  })

  it('applies the origin offset to every item and to the bounds', () => {
    const at0 = expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'fr', newId: seeded() })
    const moved = expandTemplate(ideation, { origin: { x: 1000, y: -250 }, lang: 'fr', newId: seeded() })
    moved.items.forEach((item, i) => {
      const base = at0.items[i]
      expect(item.x - (base?.x ?? 0)).toBe(1000)
      expect(item.y - (base?.y ?? 0)).toBe(-250)
      expect([item.w, item.h]).toEqual([base?.w, base?.h])
    })
    expect(moved.bounds).toEqual({ ...at0.bounds, x: at0.bounds.x + 1000, y: at0.bounds.y - 250 })
    expect(at0.bounds).toEqual(templateBounds(ideation))
  })

  it('writes every text in the chosen language', () => {
    const fr = expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'fr', newId: seeded() })
    const en = expandTemplate(ideation, { origin: { x: 0, y: 0 }, lang: 'en', newId: seeded() })
    expect(fr.title).toBe('Atelier d’idéation')
    expect(en.title).toBe('Ideation workshop')
    expect(fr.items[0]).toMatchObject({ type: 'frame', text: '1. Le défi' })
    expect(en.items[0]).toMatchObject({ type: 'frame', text: '1. The challenge' })
    expect(en.agenda[1]?.title).toBe('Private divergence')
    expect(en.decks[0]?.cards[0]?.title).toBe('Analogy')
    const frTexts = fr.items.map((i) => i.text)
    const enTexts = en.items.map((i) => i.text)
    expect(frTexts.filter((text, i) => text !== undefined && text === enTexts[i])).toEqual([])
  })

  it("writes a frame's zones with their titles in the chosen language", () => {
    const governance = get('governance-positioning')
    const zonesOf = (lang: 'fr' | 'en') =>
      expandTemplate(governance, { origin: { x: 0, y: 0 }, lang }).items.find((item) => item.type === 'frame')
        ?.zones
    expect(zonesOf('fr')?.map((zone) => zone.title)).toEqual([
      'Fermée',
      'Plutôt fermée',
      'Entre les deux',
      'Plutôt ouverte',
      'Ouverte',
    ])
    expect(zonesOf('en')?.[4]).toEqual({ title: 'Open', x: zonesOf('fr')?.[4]?.x, y: 0.5 })
  })

  it('remaps every reference to the fresh ids and puts frames below items', () => {
    const games = expandTemplate(get('serious-games'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    const byId = new Map(games.items.map((i) => [i.id, i]))
    for (const item of games.items) if (item.frameId) expect(byId.get(item.frameId)?.type).toBe('frame')
    const quiz = games.agenda.find((s) => s.poll?.correctOptionId)
    expect(quiz?.poll?.options.map((o) => o.id)).toContain(quiz?.poll?.correctOptionId)
    expect(games.decks.map((d) => d.id)).toContain(games.agenda.find((s) => s.deckId)?.deckId)
    expect(games.gamification).toMatchObject({ pointsPerIdea: 1, pointsPerRebond: 2 })

    const swot = expandTemplate(get('swot-ffom'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    const swotFrames = new Map(swot.items.map((i) => [i.id, i.text]))
    const reveal = swot.agenda.find((s) => s.mode === 'revealed')
    expect(reveal?.moreFrameIds?.map((id) => swotFrames.get(id))).toEqual([
      'Faiblesses',
      'Opportunités',
      'Menaces',
    ])

    const tree = expandTemplate(get('objectives-tree'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    const treeIds = new Set(tree.items.map((i) => i.id))
    const connectors = tree.items.filter((i) => i.type === 'connector')
    expect(connectors.length).toBeGreaterThan(0)
    for (const c of connectors) expect(treeIds.has(c.from ?? '') && treeIds.has(c.to ?? '')).toBe(true)

    const z = tree.items.map((i) => i.z)
    expect([...z].sort()).toEqual(z)
    const lastFrame = tree.items.findLastIndex((i) => i.type === 'frame')
    expect(tree.items.slice(0, lastFrame + 1).every((i) => i.type === 'frame')).toBe(true)
  })

  it('centres a template on a point', () => {
    const origin = originCentredOn(ideation, { x: 0, y: 0 })
    const { bounds } = expandTemplate(ideation, { origin, lang: 'fr' })
    expect(Math.abs(bounds.x + bounds.w / 2)).toBeLessThanOrEqual(1)
    expect(Math.abs(bounds.y + bounds.h / 2)).toBeLessThanOrEqual(1)
  })
})

describe('stepTools', () => {
  it('expands a preset and puts a list in the canonical order without repeats', () => {
    expect(stepTools('simple')).toEqual(['note', 'text', 'pen'])
    expect(stepTools(['pen', 'note', 'pen'])).toEqual(['note', 'pen'])
  })
})

describe('orderKey', () => {
  it('sorts by plain string comparison across the a/b boundary', () => {
    const keys = Array.from({ length: 300 }, (_, i) => orderKey(i))
    expect([...keys].sort()).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.slice(0, 3)).toEqual(['a0', 'a1', 'a2'])
    expect(keys[62]).toBe('b00')
  })
})

describe('applyExpansion', () => {
  it('writes everything in one transaction, under the expansion ids, with the template keys', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const expansion = expandTemplate(get('ideation'), {
      origin: { x: 0, y: 0 },
      lang: 'fr',
      newId: seeded('x'),
    })
    const ids = applyExpansion(doc, expansion, 'template')
    expect(transactions).toBe(1)
    expect(ids).toEqual(expansion.items.map((i) => i.id))
    const items = itemsMap(doc)
    const instruction = expansion.items.find((i) => i.type === 'text' && i.frameId)
    expect(items.get(instruction?.id ?? '')?.get('locked')).toBe(true)
    const example = expansion.items.find((i) => i.type === 'note')
    expect(items.get(example?.id ?? '')?.has('locked')).toBe(false)
    expect(items.get(example?.id ?? '')?.get('z')).toBe(example?.z)
  })

  it('is all or nothing: a bad item stops the whole expansion before anything is written', () => {
    const doc = new Y.Doc()
    const expansion = expandTemplate(get('swot-ffom'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    const last = expansion.items.at(-1)
    if (!last) throw new Error('empty')
    const broken = { ...expansion, items: [...expansion.items.slice(0, -1), { ...last, x: Number.NaN }] }
    expect(() => applyExpansion(doc, broken)).toThrow(ExpansionError)
    expect(() => applyExpansion(doc, broken)).toThrow(/items\[\d+\]\.x: must be a finite number/)
    expect(itemsMap(doc).size).toBe(0)
  })

  it('refuses ids already on the board, and steps pointing at no frame', () => {
    const doc = new Y.Doc()
    const expansion = expandTemplate(get('swot-ffom'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    const taken = expansion.items[3]?.id ?? ''
    createItem(doc, { id: taken, type: 'note', x: 0, y: 0, text: 'déjà là' })
    expect(() => applyExpansion(doc, expansion)).toThrow(/already on the board/)
    expect(itemsMap(doc).size).toBe(1)

    const fresh = new Y.Doc()
    const dangling = { ...expansion, agenda: [{ ...expansion.agenda[0], frameId: 'nowhere' } as never] }
    expect(() => applyExpansion(fresh, dangling)).toThrow(/agenda\[0\]\.frameId/)
    const aNote = expansion.items.find((i) => i.type === 'note')?.id
    const elsewhere = { ...expansion, agenda: [{ ...expansion.agenda[0], moreFrameIds: [aNote] } as never] }
    expect(() => applyExpansion(fresh, elsewhere)).toThrow(
      /agenda\[0\]\.moreFrameIds\[0\]: ".*" is not a frame/,
    )
    expect(itemsMap(fresh).size).toBe(0)
  })

  it('lets two expansions of the same template live on one board', () => {
    const doc = new Y.Doc()
    const template = get('lewin-change')
    applyExpansion(doc, expandTemplate(template, { origin: { x: 0, y: 0 }, lang: 'fr' }))
    applyExpansion(doc, expandTemplate(template, { origin: { x: 0, y: 4000 }, lang: 'en' }))
    expect(itemsMap(doc).size).toBe(2 * (template.frames.length + template.items.length))
  })

  it('hands over an agenda the session document takes as is', () => {
    const board = new Y.Doc()
    const session = new Y.Doc()
    const expansion = expandTemplate(get('ideation'), { origin: { x: 0, y: 0 }, lang: 'fr' })
    applyExpansion(board, expansion)
    replaceAgenda(session, expansion.agenda)
    const agenda = readAgenda(session)
    expect(agenda.map((s) => s.mode)).toEqual(['open', 'private', 'revealed', 'open', 'open'])
    expect(agenda[3]?.vote).toEqual({ budget: 3 })
    // The private writing step gives participants the simple tools; clustering gives every tool.
    expect(agenda.map((s) => s.participantTools)).toEqual([
      undefined,
      [...TOOL_PRESETS.simple],
      [...TOOL_PRESETS.complet],
      [...TOOL_PRESETS.simple],
      undefined,
    ])
    expect(agenda.map((s) => s.ownItemsOnly)).toEqual([undefined, undefined, false, true, undefined])
    expect(agenda[1]?.lockFrameIds?.every((id) => itemsMap(board).get(id)?.get('type') === 'frame')).toBe(
      true,
    )
  })
})
